package cn.changhe.portfolio.security;

import java.util.Optional;

import cn.changhe.portfolio.graphql.Conditions;

/**
 * The rows a viewer may read, as conditions every query adds where it reads: so that lists, their
 * counts, nested fields, node(id) and the aggregates all obey them. A PARTNER reads the funds its
 * investor committed to, its own commitments, those funds' equity investments and the enterprises
 * they went to, and itself; nothing else. A request without a client reads nothing here.
 */
public final class Scope {

	/** The funds the partner's investor has committed to. */
	private static final String PARTNER_FUNDS = "SELECT pc.fund_id FROM commitment pc WHERE pc.investor_id = ? AND pc.deleted_at IS NULL";

	private Scope() {
	}

	public static Conditions funds(Conditions where, String fundId) {
		return partner().map((investor) -> where.and(fundId + " IN (" + PARTNER_FUNDS + ")", investor)).orElseGet(() -> open(where));
	}

	public static Conditions commitments(Conditions where, String investorId) {
		return partner().map((investor) -> where.and(investorId + " = ?", investor)).orElseGet(() -> open(where));
	}

	public static Conditions investors(Conditions where, String investorId) {
		return commitments(where, investorId);
	}

	public static Conditions investments(Conditions where, String alias) {
		return partner()
			.map((investor) -> where.and(alias + ".kind = 'FUND_EQUITY' AND " + alias + ".fund_id IN (" + PARTNER_FUNDS + ")",
					investor))
			.orElseGet(() -> open(where));
	}

	public static Conditions enterprises(Conditions where, String enterpriseId) {
		return partner().map((investor) -> where.and(enterpriseId + " IN (SELECT pi.enterprise_id FROM investment pi "
				+ "WHERE pi.kind = 'FUND_EQUITY' AND pi.deleted_at IS NULL AND pi.fund_id IN (" + PARTNER_FUNDS + "))", investor))
			.orElseGet(() -> open(where));
	}

	/** What partners never read: projects, sectors, talent. */
	public static Conditions none(Conditions where) {
		return partner().isPresent() ? where.and("1 = 0") : open(where);
	}

	/** Whether the viewer reads everything (a client other than a partner). */
	public static boolean unrestricted() {
		return Viewer.client().filter((client) -> client.role() != Role.PARTNER).isPresent();
	}

	private static Optional<Long> partner() {
		return Viewer.partnerInvestor();
	}

	/** Clients other than partners read everything; the public reads none of it. */
	private static Conditions open(Conditions where) {
		return Viewer.client().isPresent() ? where : where.and("1 = 0");
	}

}
