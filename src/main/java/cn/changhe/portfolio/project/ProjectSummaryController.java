package cn.changhe.portfolio.project;

import java.util.List;
import java.util.Map;

import cn.changhe.portfolio.graphql.Relations;
import cn.changhe.portfolio.sector.Sector;
import cn.changhe.portfolio.sector.SectorRepository;

import cn.changhe.portfolio.security.Access;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class ProjectSummaryController {

	private final ProjectSummaryRepository summaries;

	private final SectorRepository sectors;

	ProjectSummaryController(ProjectSummaryRepository summaries, SectorRepository sectors) {
		this.summaries = summaries;
		this.sectors = sectors;
	}

	@QueryMapping
	@PreAuthorize(Access.READ)
	public List<ProjectGroup> projectSummary(@Argument List<ProjectSummaryRepository.Dimension> groupBy,
			@Argument ProjectFilter filter, @Argument ProjectStage reachedStage) {
		return this.summaries.summarize(groupBy, filter, reachedStage);
	}

	@BatchMapping(typeName = "ProjectGroup")
	Map<ProjectGroup, Sector> sector(List<ProjectGroup> groups) {
		return Relations.toOne(groups, ProjectGroup::sectorId, this.sectors::findAllById);
	}

}
