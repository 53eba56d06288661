package cn.changhe.portfolio.talent;

import java.util.List;
import java.util.Map;

import cn.changhe.portfolio.enterprise.Enterprise;
import cn.changhe.portfolio.enterprise.EnterpriseRepository;
import cn.changhe.portfolio.graphql.Connection;
import cn.changhe.portfolio.graphql.Page;
import cn.changhe.portfolio.graphql.Relations;
import cn.changhe.portfolio.project.Project;
import cn.changhe.portfolio.project.ProjectRepository;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class TalentController {

	private final TalentRepository programmes;

	private final TalentAwardRepository awards;

	private final EnterpriseRepository enterprises;

	private final ProjectRepository projects;

	TalentController(TalentRepository programmes, TalentAwardRepository awards, EnterpriseRepository enterprises,
			ProjectRepository projects) {
		this.programmes = programmes;
		this.awards = awards;
		this.enterprises = enterprises;
		this.projects = projects;
	}

	@QueryMapping
	List<TalentProgramme> talentProgrammes() {
		return this.programmes.programmes();
	}

	@SchemaMapping
	Connection<TalentAward> awards(TalentProgramme programme, @Argument Integer year, @Argument Integer first,
			@Argument String after) {
		Page page = Page.of(first, after);
		return Connection.of(this.awards.page(programme.id(), year, page), page,
				() -> this.awards.count(programme.id(), year));
	}

	@BatchMapping
	Map<TalentAward, TalentProgramme> programme(List<TalentAward> awards) {
		return Relations.toOne(awards, TalentAward::programmeId, this.programmes::findAllById);
	}

	@BatchMapping
	Map<TalentAward, Enterprise> enterprise(List<TalentAward> awards) {
		return Relations.toOne(awards, TalentAward::enterpriseId, this.enterprises::findAllById);
	}

	@BatchMapping
	Map<TalentAward, Project> project(List<TalentAward> awards) {
		return Relations.toOne(awards, TalentAward::projectId, this.projects::findAllById);
	}

}
