package cn.changhe.portfolio.project;

import java.util.List;

import cn.changhe.portfolio.graphql.ByKey;
import cn.changhe.portfolio.security.Access;
import graphql.schema.idl.RuntimeWiring;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

@Controller
class ProjectSummaryController implements RuntimeWiringConfigurer {

	private final ProjectSummaryRepository summaries;

	ProjectSummaryController(ProjectSummaryRepository summaries) {
		this.summaries = summaries;
	}

	@QueryMapping
	@PreAuthorize(Access.READ)
	public List<ProjectGroup> projectSummary(@Argument List<ProjectSummaryRepository.Dimension> groupBy,
			@Argument ProjectFilter filter, @Argument ProjectStage reachedStage) {
		return this.summaries.summarize(groupBy, filter, reachedStage);
	}

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.type("ProjectGroup", (type) -> type.dataFetcher("sector", ByKey.one("Sector", ProjectGroup::sectorId)));
	}

}
