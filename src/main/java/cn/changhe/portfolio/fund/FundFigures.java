package cn.changhe.portfolio.fund;

import java.util.List;

import cn.changhe.portfolio.graphql.Money;

/**
 * What a fund has raised and invested: commitments and calls in the fund's currency, its equity
 * investments, and how many enterprises they went to.
 */
record FundFigures(Money committed, Money called, Money invested, int portfolioEnterprises) {

	public Money uncalled() {
		return new Money(this.committed.yuan().subtract(this.called.yuan()), this.committed.currency());
	}

	/**
	 * An investor's commitments across funds, one amount per currency, and how far its funds reach.
	 */
	record OfInvestor(List<Money> committed, List<Money> called, int funds, int portfolioEnterprises) {

		public List<Money> uncalled() {
			return java.util.stream.IntStream.range(0, this.committed.size())
				.mapToObj((i) -> new Money(this.committed.get(i).yuan().subtract(this.called.get(i).yuan()),
						this.committed.get(i).currency()))
				.toList();
		}

	}

}
