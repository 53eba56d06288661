package cn.changhe.portfolio.fund;

import java.time.LocalDate;

import cn.changhe.portfolio.graphql.Identified;
import cn.changhe.portfolio.graphql.Money;
import cn.changhe.portfolio.graphql.Provenance;

/**
 * An investor's commitment to a fund (认缴) and what has been called of it (实缴).
 */
public record Commitment(long id, long fundId, long investorId, Money committed, Money called, LocalDate committedOn,
		Provenance provenance, long version) implements Identified {

	public Money uncalled() {
		return new Money(this.committed.yuan().subtract(this.called.yuan()), this.committed.currency());
	}

}
