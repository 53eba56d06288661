package cn.changhe.portfolio.sector;

import java.util.List;
import java.util.Map;

import cn.changhe.portfolio.enterprise.Enterprise;
import cn.changhe.portfolio.graphql.Relations;
import cn.changhe.portfolio.investment.Investment;
import cn.changhe.portfolio.project.Project;

import cn.changhe.portfolio.security.Access;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class SectorController {

	private final SectorRepository sectors;

	SectorController(SectorRepository sectors) {
		this.sectors = sectors;
	}

	@QueryMapping
	@PreAuthorize(Access.READ)
	public List<Sector> sectors(@Argument Boolean leading, @Argument Boolean emerging) {
		return this.sectors.findAll(leading, emerging);
	}

	@BatchMapping(typeName = "Enterprise", field = "sector")
	Map<Enterprise, Sector> sectorOfEnterprise(List<Enterprise> enterprises) {
		return Relations.toOne(enterprises, Enterprise::sectorId, this.sectors::findAllById);
	}

	@BatchMapping(typeName = "Project", field = "sector")
	Map<Project, Sector> sectorOfProject(List<Project> projects) {
		return Relations.toOne(projects, Project::sectorId, this.sectors::findAllById);
	}

	@BatchMapping(typeName = "Investment", field = "sector")
	Map<Investment, Sector> sectorOfInvestment(List<Investment> investments) {
		return Relations.toOne(investments, Investment::sectorId, this.sectors::findAllById);
	}

}
