package cn.changhe.portfolio.sector;

import java.util.List;

import cn.changhe.portfolio.enterprise.Enterprise;
import cn.changhe.portfolio.graphql.ByKey;
import cn.changhe.portfolio.graphql.DataLoaders;
import cn.changhe.portfolio.investment.Investment;
import cn.changhe.portfolio.project.Project;
import cn.changhe.portfolio.security.Access;
import graphql.schema.idl.RuntimeWiring;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

@Controller
class SectorController implements RuntimeWiringConfigurer {

	private final SectorRepository sectors;

	SectorController(SectorRepository sectors, DataLoaders loaders) {
		this.sectors = sectors;
	}

	@QueryMapping
	@PreAuthorize(Access.READ)
	public List<Sector> sectors(@Argument Boolean leading, @Argument Boolean emerging) {
		return this.sectors.findAll(leading, emerging);
	}

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.type("Enterprise", (type) -> type.dataFetcher("sector", ByKey.one("Sector", Enterprise::sectorId)))
			.type("Project", (type) -> type.dataFetcher("sector", ByKey.one("Sector", Project::sectorId)))
			.type("Investment", (type) -> type.dataFetcher("sector", ByKey.one("Sector", Investment::sectorId)));
	}

}
