package cn.changhe.portfolio.project;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.changhe.portfolio.enterprise.Enterprise;
import cn.changhe.portfolio.enterprise.EnterpriseRepository;
import cn.changhe.portfolio.graphql.Connection;
import cn.changhe.portfolio.graphql.GlobalId;
import cn.changhe.portfolio.graphql.Page;
import cn.changhe.portfolio.graphql.Relations;
import cn.changhe.portfolio.investment.Investment;
import cn.changhe.portfolio.sector.Sector;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class ProjectController {

	private final ProjectRepository projects;

	private final EnterpriseRepository enterprises;

	ProjectController(ProjectRepository projects, EnterpriseRepository enterprises) {
		this.projects = projects;
		this.enterprises = enterprises;
	}

	@QueryMapping
	Connection<Project> projects(@Argument ProjectFilter filter, @Argument Integer first, @Argument String after) {
		return connection((filter != null) ? filter : ProjectFilter.NONE, first, after);
	}

	@SchemaMapping(typeName = "Enterprise")
	Connection<Project> projects(Enterprise enterprise, @Argument Integer first, @Argument String after) {
		return connection(ProjectFilter.ofEnterprise(GlobalId.encode("Enterprise", enterprise.id())), first, after);
	}

	@SchemaMapping(typeName = "Sector", field = "projects")
	Connection<Project> projectsOfSector(Sector sector, @Argument Integer first, @Argument String after) {
		return connection(ProjectFilter.ofSector(GlobalId.encode("Sector", sector.id())), first, after);
	}

	private Connection<Project> connection(ProjectFilter filter, Integer first, String after) {
		Page page = Page.of(first, after);
		return Connection.of(this.projects.page(filter, page), page, () -> this.projects.count(filter));
	}

	@BatchMapping
	Map<Project, Enterprise> enterprise(List<Project> projects) {
		return Relations.toOne(projects, Project::enterpriseId, this.enterprises::findAllById);
	}

	@BatchMapping
	Map<Project, List<Milestone>> milestones(List<Project> projects) {
		return Relations.toMany(projects, this.projects::milestonesOf, Milestone::projectId);
	}

	/** The latest listing: stalls come oldest first, so the last one per project wins. */
	@BatchMapping
	Map<Project, Stall> stall(List<Project> projects) {
		Map<Project, Stall> latest = new LinkedHashMap<>();
		Relations.toMany(projects, this.projects::stallsOf, Stall::projectId)
			.forEach((project, stalls) -> latest.put(project, stalls.isEmpty() ? null : stalls.get(stalls.size() - 1)));
		return latest;
	}

	@BatchMapping(typeName = "Investment", field = "project")
	Map<Investment, Project> projectOfInvestment(List<Investment> investments) {
		return Relations.toOne(investments, Investment::projectId, this.projects::findAllById);
	}

}
