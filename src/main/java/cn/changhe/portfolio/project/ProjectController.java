package cn.changhe.portfolio.project;

import java.util.concurrent.CompletableFuture;

import cn.changhe.portfolio.graphql.ByKey;
import cn.changhe.portfolio.graphql.CachedArguments;
import cn.changhe.portfolio.graphql.Connection;
import cn.changhe.portfolio.graphql.DataLoaders;
import cn.changhe.portfolio.graphql.Relation;
import cn.changhe.portfolio.graphql.Selections;
import cn.changhe.portfolio.investment.Investment;
import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;

import cn.changhe.portfolio.security.Access;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

@Controller
class ProjectController implements RuntimeWiringConfigurer {

	private static final Relation<ProjectFilter, Project> PROJECTS_OF_ENTERPRISE = Relation.named("projectsOfEnterprise");

	private static final Relation<ProjectFilter, Project> PROJECTS_OF_SECTOR = Relation.named("projectsOfSector");

	private static final ByKey<Stall> STALLS_OF_PROJECT = ByKey.named("stallsOfProject");

	/** A project's latest 五未 listing: its listings come oldest first, from the loader {@code stalls} uses. */
	private static final TrivialDataFetcher<CompletableFuture<Stall>> LATEST_STALL = (env) -> STALLS_OF_PROJECT
		.load(env, env.<Project>getSource().id())
		.thenApply((stalls) -> stalls.isEmpty() ? null : stalls.get(stalls.size() - 1));

	private final ProjectRepository projects;

	ProjectController(ProjectRepository projects, DataLoaders loaders) {
		this.projects = projects;
		ProjectRepository.MILESTONES.children(loaders, projects::milestonesOf, Milestone::projectId);
		STALLS_OF_PROJECT.children(loaders, projects::stallsOf, Stall::projectId);
		PROJECTS_OF_ENTERPRISE.register(loaders, projects.of("p.enterprise_id"));
		PROJECTS_OF_SECTOR.register(loaders, projects.of("p.sector_id"));
	}

	@QueryMapping
	@PreAuthorize(Access.READ)
	public Connection<Project> projects(@CachedArguments ProjectArguments arguments, DataFetchingEnvironment env) {
		return this.projects.connection(arguments, Selections.ofNodes(env));
	}

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.type("Enterprise", (type) -> type.dataFetcher("projects", PROJECTS_OF_ENTERPRISE.field(ProjectArguments.class)))
			.type("Sector", (type) -> type.dataFetcher("projects", PROJECTS_OF_SECTOR.field(ProjectArguments.class)));
		wiring.type("Project", (type) -> type.dataFetcher("enterprise", ByKey.one("Enterprise", Project::enterpriseId))
			.dataFetcher("milestones", ProjectRepository.MILESTONES.many())
			.dataFetcher("stalls", STALLS_OF_PROJECT.many())
			.dataFetcher("stall", LATEST_STALL))
			.type("Investment", (type) -> type.dataFetcher("project", ByKey.one("Project", Investment::projectId)));
	}

}
