package cn.changhe.portfolio.investment;

/**
 * Fixed-asset investment by a project (固定资产投资), a fund's equity investment, foreign direct
 * investment received (实际利用外资), or a loan.
 */
public enum InvestmentKind {

	FIXED_ASSET, FUND_EQUITY, FOREIGN_DIRECT, LOAN

}
