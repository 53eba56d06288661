package cn.changhe.portfolio.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The limits every request must keep to, under {@code zone.limits.*}.
 *
 * @param maxCost the largest cost of one operation: each field costs 1, and a list asked for with
 * {@code first} or {@code last} costs that many times what one row of it costs
 * @param maxDepth the deepest nesting of fields
 * @param maxAliases the most aliased fields in a document
 * @param maxRootFields the most fields at the root of an operation
 * @param maxDocumentLength the longest document, in characters
 * @param timeout the longest an operation may run, from when it starts to run
 * @param heavyCost the cost from which an operation is heavy, and waits for a turn
 * @param heavyConcurrency the most heavy operations that run at once
 * @param heavyWait the longest a heavy operation waits for its turn before it is refused
 */
@ConfigurationProperties("zone.limits")
public record LimitProperties(@DefaultValue("100000") int maxCost, @DefaultValue("12") int maxDepth,
		@DefaultValue("30") int maxAliases, @DefaultValue("20") int maxRootFields,
		@DefaultValue("20000") int maxDocumentLength, @DefaultValue("10s") Duration timeout,
		@DefaultValue("2000") int heavyCost, @DefaultValue("4") int heavyConcurrency,
		@DefaultValue("10s") Duration heavyWait) {
}
