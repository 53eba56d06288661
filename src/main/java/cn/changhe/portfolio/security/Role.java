package cn.changhe.portfolio.security;

/**
 * What an API client may do: ADMIN everything, EDITOR write the portfolio, ANALYST read all of it,
 * PARTNER read its own investor's funds.
 */
public enum Role {

	ADMIN, EDITOR, ANALYST, PARTNER

}
