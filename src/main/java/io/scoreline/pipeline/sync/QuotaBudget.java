package io.scoreline.pipeline.sync;

import io.scoreline.connectors.spi.QuotaSnapshot;
import java.util.Locale;
import java.util.Optional;

/**
 * When a run must stop for the CRM's daily API quota. Two limits, both from the quota the CRM
 * last reported: the run's own calls may use {@code runShare} of the daily allowance, and the
 * whole account (every integration of the same CRM org, and every other tool using it) may have
 * used at most {@code orgShare} of it. The second keeps room for the org's other API users, who
 * spend the same allowance without Scoreline seeing their calls (Fivetran stops at 90 %).
 *
 * @param runShare share (0 < x ≤ 1) of the daily quota one run may spend itself
 * @param orgShare share (0 < x ≤ 1) of the daily quota the account may have used, by anyone,
 *                 before a run stops
 */
record QuotaBudget(double runShare, double orgShare) {

    QuotaBudget {
        if (!(runShare > 0 && runShare <= 1) || !(orgShare > 0 && orgShare <= 1)) {
            throw new IllegalArgumentException("quota shares must be more than 0 and at most 1");
        }
    }

    /** Why the run must stop now, or empty while it may go on. */
    Optional<String> exceeded(long runCalls, QuotaSnapshot quota) {
        if (quota.max() <= 0) {
            return Optional.empty();
        }
        long orgLimit = (long) Math.floor(quota.max() * orgShare);
        if (quota.used() >= orgLimit) {
            return Optional.of(String.format(
                    Locale.ROOT,
                    "stopped after %d API calls: the CRM account has used %d of its %d daily API requests (%.1f%%), "
                            + "at or above the %.0f%% share Scoreline leaves the account's other users; the next run continues from here",
                    runCalls,
                    quota.used(),
                    quota.max(),
                    100.0 * quota.used() / quota.max(),
                    orgShare * 100));
        }
        long runLimit = (long) Math.floor(quota.max() * runShare);
        if (runCalls >= runLimit || quota.remaining() == 0) {
            return Optional.of(String.format(
                    Locale.ROOT,
                    "stopped after %d API calls: the run's share (%.0f%%) of the daily quota of %d is spent (%d used account-wide); "
                            + "the next run continues from here",
                    runCalls,
                    runShare * 100,
                    quota.max(),
                    quota.used()));
        }
        return Optional.empty();
    }
}
