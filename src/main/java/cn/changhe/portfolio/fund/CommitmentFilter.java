package cn.changhe.portfolio.fund;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Which commitments an export holds: of these funds, of these investors, changed since (all
 * combine with AND).
 */
record CommitmentFilter(List<String> fundIds, List<String> investorIds, OffsetDateTime updatedSince) {
}
