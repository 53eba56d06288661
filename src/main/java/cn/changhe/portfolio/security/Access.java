package cn.changhe.portfolio.security;

/**
 * Who may call what: the expressions that the controllers' root fields are guarded with. The
 * rows a PARTNER sees are narrowed further, in the SQL.
 */
public final class Access {

	/** Analysts and above: everything the portfolio holds. */
	public static final String READ = "hasAnyRole('ADMIN', 'EDITOR', 'ANALYST')";

	/** Also partners, who see their own investor's funds and what those funds invested in. */
	public static final String READ_OWN = "hasAnyRole('ADMIN', 'EDITOR', 'ANALYST', 'PARTNER')";

	/** Writes of the portfolio. */
	public static final String WRITE = "hasAnyRole('ADMIN', 'EDITOR')";

	/** The audit trail. */
	public static final String AUDIT = "hasAnyRole('ADMIN', 'ANALYST')";

	/** API clients. */
	public static final String ADMIN = "hasRole('ADMIN')";

	private Access() {
	}

}
