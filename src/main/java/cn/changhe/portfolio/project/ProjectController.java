package cn.changhe.portfolio.project;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import cn.changhe.portfolio.graphql.ByKey;
import cn.changhe.portfolio.graphql.CachedArguments;
import cn.changhe.portfolio.graphql.Connection;
import cn.changhe.portfolio.graphql.DataLoaders;
import cn.changhe.portfolio.graphql.PageRequest;
import cn.changhe.portfolio.graphql.Relation;
import cn.changhe.portfolio.graphql.Selections;
import cn.changhe.portfolio.investment.Investment;
import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;

import cn.changhe.portfolio.security.Access;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

@Controller
class ProjectController implements RuntimeWiringConfigurer {

	/** A project's latest 五未 listing: its listings come oldest first, from the loader {@code stalls} uses. */
	private static final TrivialDataFetcher<CompletableFuture<Stall>> LATEST_STALL = (env) -> env
		.<Long, List<Stall>>getDataLoader("stallsOfProject")
		.load(env.<Project>getSource().id())
		.thenApply((stalls) -> stalls.isEmpty() ? null : stalls.get(stalls.size() - 1));

	private final ProjectRepository projects;

	ProjectController(ProjectRepository projects, DataLoaders loaders) {
		this.projects = projects;
		ByKey.rows(loaders, "project", projects::findAllById);
		ByKey.children(loaders, ProjectRepository.MILESTONES, projects::milestonesOf, Milestone::projectId);
		ByKey.children(loaders, "stallsOfProject", projects::stallsOf, Stall::projectId);
		Relation.register(loaders, "projectsOfEnterprise", projects.of("p.enterprise_id"));
		Relation.register(loaders, "projectsOfSector", projects.of("p.sector_id"));
	}

	@QueryMapping
	@PreAuthorize(Access.READ)
	public Connection<Project> projects(@CachedArguments ProjectArguments arguments, DataFetchingEnvironment env) {
		ProjectFilter filter = arguments.filterOrNone();
		PageRequest page = arguments.page();
		return Connection.of(this.projects.page(filter, page, Selections.ofNodes(env)), page,
				() -> this.projects.count(filter));
	}

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.type("Enterprise", (type) -> type.dataFetcher("projects", relation("projectsOfEnterprise")))
			.type("Sector", (type) -> type.dataFetcher("projects", relation("projectsOfSector")));
		wiring.type("Project", (type) -> type.dataFetcher("enterprise", ByKey.one("enterprise", Project::enterpriseId))
			.dataFetcher("milestones", ByKey.many(ProjectRepository.MILESTONES))
			.dataFetcher("stalls", ByKey.many("stallsOfProject"))
			.dataFetcher("stall", LATEST_STALL))
			.type("Investment", (type) -> type.dataFetcher("project", ByKey.one("project", Investment::projectId)));
	}

	/** The fetcher of a relation listing projects, asking the loader of that name. */
	private static DataFetcher<Object> relation(String loader) {
		return Relation.field(loader, ProjectArguments.class, ProjectArguments::filterOrNone,
				ProjectArguments::page);
	}

}
