package cn.changhe.portfolio.analytics;

import java.util.List;

import cn.changhe.portfolio.graphql.Years;

import cn.changhe.portfolio.security.Access;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class ZoneYearController {

	private final IndicatorRepository indicators;

	private final ZoneRepository zone;

	ZoneYearController(IndicatorRepository indicators, ZoneRepository zone) {
		this.indicators = indicators;
		this.zone = zone;
	}

	@QueryMapping
	ZoneYear zoneYear(@Argument int year) {
		return new ZoneYear(Years.check(year, "year"));
	}

	@SchemaMapping
	List<Indicator> indicators(ZoneYear zoneYear) {
		return this.indicators.ofYear(zoneYear.year());
	}

	@SchemaMapping
	List<Target> targets(ZoneYear zoneYear) {
		return this.zone.targets(zoneYear.year());
	}

	@QueryMapping
	@PreAuthorize(Access.READ)
	public StallSummary stallSummary(@Argument int year) {
		return this.zone.stallSummary(Years.check(year, "year"));
	}

}
