package cn.changhe.portfolio.talent;

import java.util.List;

import cn.changhe.portfolio.graphql.ByKey;
import cn.changhe.portfolio.graphql.CachedArguments;
import cn.changhe.portfolio.graphql.Connection;
import cn.changhe.portfolio.graphql.DataLoaders;
import cn.changhe.portfolio.graphql.Relation;
import graphql.schema.idl.RuntimeWiring;

import cn.changhe.portfolio.security.Access;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

@Controller
class TalentController implements RuntimeWiringConfigurer {

	private static final Relation<TalentAwardFilter, TalentAward> AWARDS_OF_PROGRAMME = Relation.named("awardsOfProgramme");

	private static final Relation<TalentAwardFilter, TalentAward> AWARDS_OF_ENTERPRISE = Relation.named("awardsOfEnterprise");

	private static final Relation<TalentAwardFilter, TalentAward> AWARDS_OF_PROJECT = Relation.named("awardsOfProject");

	private final TalentRepository programmes;

	private final TalentAwardRepository awards;

	TalentController(TalentRepository programmes, TalentAwardRepository awards,
			DataLoaders loaders) {
		this.programmes = programmes;
		this.awards = awards;
		AWARDS_OF_PROGRAMME.register(loaders, awards.of("a.programme_id"));
		AWARDS_OF_ENTERPRISE.register(loaders, awards.of("a.enterprise_id"));
		AWARDS_OF_PROJECT.register(loaders, awards.of("a.project_id"));
	}

	@QueryMapping
	@PreAuthorize(Access.READ)
	public List<TalentProgramme> talentProgrammes() {
		return this.programmes.programmes();
	}

	@QueryMapping
	@PreAuthorize(Access.READ)
	public Connection<TalentAward> talentAwards(@CachedArguments TalentAwardArguments arguments) {
		return this.awards.connection(arguments, null);
	}

	/** Personal names are for analysts and above, whatever else lets a viewer reach an award. */
	@SchemaMapping(typeName = "TalentAward")
	@PreAuthorize(Access.READ)
	public String personName(TalentAward award) {
		return award.personName();
	}

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.type("TalentProgramme", (type) -> type.dataFetcher("awards", AWARDS_OF_PROGRAMME.field(TalentAwardArguments.class)))
			.type("Enterprise", (type) -> type.dataFetcher("talentAwards", AWARDS_OF_ENTERPRISE.field(TalentAwardArguments.class)))
			.type("Project", (type) -> type.dataFetcher("talentAwards", AWARDS_OF_PROJECT.field(TalentAwardArguments.class)));
		wiring.type("TalentAward", (type) -> type.dataFetcher("programme", ByKey.one("TalentProgramme", TalentAward::programmeId))
			.dataFetcher("enterprise", ByKey.one("Enterprise", TalentAward::enterpriseId))
			.dataFetcher("project", ByKey.one("Project", TalentAward::projectId)));
	}

}
