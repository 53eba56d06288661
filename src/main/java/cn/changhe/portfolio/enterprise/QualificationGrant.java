package cn.changhe.portfolio.enterprise;

/**
 * A qualification granted to an enterprise in a year.
 */
record QualificationGrant(long enterpriseId, Qualification qualification, int year) {
}
