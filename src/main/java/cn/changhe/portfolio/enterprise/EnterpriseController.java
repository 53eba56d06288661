package cn.changhe.portfolio.enterprise;

import java.util.List;
import java.util.Map;

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
class EnterpriseController {

	private final EnterpriseRepository enterprises;

	EnterpriseController(EnterpriseRepository enterprises) {
		this.enterprises = enterprises;
	}

	@QueryMapping
	Connection<Enterprise> enterprises(@Argument EnterpriseFilter filter, @Argument Integer first,
			@Argument String after) {
		EnterpriseFilter given = (filter != null) ? filter : EnterpriseFilter.NONE;
		Page page = Page.of(first, after);
		return Connection.of(this.enterprises.page(given, page), page, () -> this.enterprises.count(given));
	}

	@SchemaMapping(typeName = "Sector", field = "enterprises")
	Connection<Enterprise> enterprisesOfSector(Sector sector, @Argument Integer first, @Argument String after) {
		EnterpriseFilter ofSector = new EnterpriseFilter(null, null, List.of(GlobalId.encode("Sector", sector.id())),
				null);
		Page page = Page.of(first, after);
		return Connection.of(this.enterprises.page(ofSector, page), page, () -> this.enterprises.count(ofSector));
	}

	@BatchMapping
	Map<Enterprise, List<QualificationGrant>> qualifications(List<Enterprise> enterprises) {
		return Relations.toMany(enterprises, this.enterprises::qualificationsOf, QualificationGrant::enterpriseId);
	}

	@BatchMapping
	Map<Enterprise, List<EnterpriseAward>> awards(List<Enterprise> enterprises) {
		return Relations.toMany(enterprises, this.enterprises::awardsOf, EnterpriseAward::enterpriseId);
	}

	@BatchMapping(typeName = "Investment", field = "enterprise")
	Map<Investment, Enterprise> enterpriseOfInvestment(List<Investment> investments) {
		return Relations.toOne(investments, Investment::enterpriseId, this.enterprises::findAllById);
	}

}
