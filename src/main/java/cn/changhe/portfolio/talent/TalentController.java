package cn.changhe.portfolio.talent;

import java.util.List;

import cn.changhe.portfolio.graphql.ByKey;
import cn.changhe.portfolio.graphql.CachedArguments;
import cn.changhe.portfolio.graphql.Connection;
import cn.changhe.portfolio.graphql.DataLoaders;
import cn.changhe.portfolio.graphql.PageRequest;
import cn.changhe.portfolio.graphql.Relation;
import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;

import cn.changhe.portfolio.security.Access;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

@Controller
class TalentController implements RuntimeWiringConfigurer {

	private final TalentRepository programmes;

	private final TalentAwardRepository awards;

	TalentController(TalentRepository programmes, TalentAwardRepository awards,
			DataLoaders loaders) {
		this.programmes = programmes;
		this.awards = awards;
		ByKey.rows(loaders, "programme", programmes::findAllById);
		Relation.register(loaders, "awardsOfProgramme", awards.of("a.programme_id"));
		Relation.register(loaders, "awardsOfEnterprise", awards.of("a.enterprise_id"));
		Relation.register(loaders, "awardsOfProject", awards.of("a.project_id"));
	}

	@QueryMapping
	@PreAuthorize(Access.READ)
	public List<TalentProgramme> talentProgrammes() {
		return this.programmes.programmes();
	}

	@QueryMapping
	@PreAuthorize(Access.READ)
	public Connection<TalentAward> talentAwards(@CachedArguments TalentAwardArguments arguments) {
		TalentAwardFilter filter = arguments.filterOrNone();
		PageRequest page = arguments.page();
		return Connection.of(this.awards.page(filter, page), page, () -> this.awards.count(filter));
	}

	/** Personal names are for analysts and above, whatever else lets a viewer reach an award. */
	@SchemaMapping(typeName = "TalentAward")
	@PreAuthorize(Access.READ)
	public String personName(TalentAward award) {
		return award.personName();
	}

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.type("TalentProgramme", (type) -> type.dataFetcher("awards", relation("awardsOfProgramme")))
			.type("Enterprise", (type) -> type.dataFetcher("talentAwards", relation("awardsOfEnterprise")))
			.type("Project", (type) -> type.dataFetcher("talentAwards", relation("awardsOfProject")));
		wiring.type("TalentAward", (type) -> type.dataFetcher("programme", ByKey.one("programme", TalentAward::programmeId))
			.dataFetcher("enterprise", ByKey.one("enterprise", TalentAward::enterpriseId))
			.dataFetcher("project", ByKey.one("project", TalentAward::projectId)));
	}

	/** The fetcher of a relation listing talent awards, asking the loader of that name. */
	private static DataFetcher<Object> relation(String loader) {
		return Relation.field(loader, TalentAwardArguments.class, TalentAwardArguments::filterOrNone,
				TalentAwardArguments::page);
	}

}
