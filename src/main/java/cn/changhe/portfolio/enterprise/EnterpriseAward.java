package cn.changhe.portfolio.enterprise;

import cn.changhe.portfolio.graphql.Provenance;

/**
 * An award an enterprise received, such as a provincial science and technology progress award.
 */
record EnterpriseAward(long enterpriseId, String name, String nameEn, String grade, int year, Provenance provenance) {
}
