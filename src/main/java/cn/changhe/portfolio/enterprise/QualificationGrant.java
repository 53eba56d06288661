package cn.changhe.portfolio.enterprise;

import cn.changhe.portfolio.graphql.Provenance;

/**
 * A qualification granted to an enterprise in a year.
 */
record QualificationGrant(long enterpriseId, Qualification qualification, int year, Provenance provenance) {
}
