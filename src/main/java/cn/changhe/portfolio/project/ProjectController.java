package cn.changhe.portfolio.project;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import cn.changhe.portfolio.enterprise.Enterprise;
import cn.changhe.portfolio.enterprise.EnterpriseRepository;
import cn.changhe.portfolio.graphql.Connection;
import cn.changhe.portfolio.graphql.PageRequest;
import cn.changhe.portfolio.graphql.Relation;
import cn.changhe.portfolio.graphql.Relations;
import cn.changhe.portfolio.investment.Investment;
import cn.changhe.portfolio.sector.Sector;
import graphql.schema.DataFetchingFieldSelectionSet;
import org.dataloader.DataLoader;

import cn.changhe.portfolio.security.Access;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

@Controller
class ProjectController {

	private final ProjectRepository projects;

	private final EnterpriseRepository enterprises;

	ProjectController(ProjectRepository projects, EnterpriseRepository enterprises, BatchLoaderRegistry loaders) {
		this.projects = projects;
		this.enterprises = enterprises;
		Relation.register(loaders, "projectsOfEnterprise", projects.of("p.enterprise_id"));
		Relation.register(loaders, "projectsOfSector", projects.of("p.sector_id"));
	}

	@QueryMapping
	@PreAuthorize(Access.READ)
	public Connection<Project> projects(@Arguments ProjectArguments arguments) {
		ProjectFilter filter = arguments.filterOrNone();
		PageRequest page = arguments.page();
		return Connection.of(this.projects.page(filter, page), page, () -> this.projects.count(filter));
	}

	@SchemaMapping(typeName = "Enterprise")
	CompletableFuture<Connection<Project>> projects(Enterprise enterprise, @Arguments ProjectArguments arguments,
			DataFetchingFieldSelectionSet selection,
			DataLoader<Relation.Key<ProjectFilter>, Connection<Project>> projectsOfEnterprise) {
		return Relation.load(projectsOfEnterprise, enterprise.id(), arguments.filterOrNone(), arguments.page(),
				selection);
	}

	@SchemaMapping(typeName = "Sector", field = "projects")
	CompletableFuture<Connection<Project>> projectsOfSector(Sector sector, @Arguments ProjectArguments arguments,
			DataFetchingFieldSelectionSet selection,
			DataLoader<Relation.Key<ProjectFilter>, Connection<Project>> projectsOfSector) {
		return Relation.load(projectsOfSector, sector.id(), arguments.filterOrNone(), arguments.page(), selection);
	}

	@BatchMapping
	Map<Project, Enterprise> enterprise(List<Project> projects) {
		return Relations.toOne(projects, Project::enterpriseId, this.enterprises::findAllById);
	}

	@BatchMapping
	Map<Project, List<Milestone>> milestones(List<Project> projects) {
		return Relations.toMany(projects, this.projects::milestonesOf, Milestone::projectId);
	}

	@BatchMapping
	Map<Project, List<Stall>> stalls(List<Project> projects) {
		return Relations.toMany(projects, this.projects::stallsOf, Stall::projectId);
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
