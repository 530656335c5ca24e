package io.scoreline.pipeline.sync;

import java.time.Duration;

/**
 * How syncs and backfills read.
 *
 * @param lookback            re-read this far before the cursor: a CRM stamps a record when its
 *                            transaction starts, so a record can become visible after later ones
 * @param initialWindow       how far back the first sync of an integration reads (history beyond it
 *                            is a backfill's job)
 * @param pageSize            records per page and per transaction
 * @param quotaShare          share of the daily API quota one sync may use before it stops as partial
 * @param backfillQuotaShare  the same for one backfill
 * @param bulkThreshold       records of one object above which a backfill reads it through the CRM's
 *                            bulk API (where it has one); 0 = never
 * @param orgQuotaShare       share of the daily quota the CRM account may have used, by anyone, before
 *                            a sync or backfill stops as partial (the account's other users spend it too)
 */
public record SyncSettings(
        Duration lookback,
        Duration initialWindow,
        int pageSize,
        double quotaShare,
        double backfillQuotaShare,
        long bulkThreshold,
        double orgQuotaShare) {

    /** Fivetran's line: stop once the account has used 90 % of its daily API requests. */
    public static final double DEFAULT_ORG_QUOTA_SHARE = 0.9;

    public SyncSettings {
        if (!(quotaShare > 0 && quotaShare <= 1)
                || !(backfillQuotaShare > 0 && backfillQuotaShare <= 1)
                || !(orgQuotaShare > 0 && orgQuotaShare <= 1)) {
            throw new IllegalArgumentException("quota shares must be more than 0 and at most 1");
        }
        if (bulkThreshold < 0) {
            throw new IllegalArgumentException("bulkThreshold must not be negative");
        }
    }

    /** The default share of the account's quota. */
    public SyncSettings(
            Duration lookback,
            Duration initialWindow,
            int pageSize,
            double quotaShare,
            double backfillQuotaShare,
            long bulkThreshold) {
        this(lookback, initialWindow, pageSize, quotaShare, backfillQuotaShare, bulkThreshold, DEFAULT_ORG_QUOTA_SHARE);
    }

    /** One quota share for syncs and backfills, and the default bulk threshold. */
    public SyncSettings(Duration lookback, Duration initialWindow, int pageSize, double quotaShare) {
        this(lookback, initialWindow, pageSize, quotaShare, quotaShare, 50_000);
    }

    public static SyncSettings defaults() {
        return new SyncSettings(Duration.ofMinutes(10), Duration.ofDays(90), 2000, 0.5, 0.5, 50_000);
    }

    /** These settings with the operator's quota shares and bulk threshold. */
    public SyncSettings withRunLimits(double syncShare, double backfillShare, long threshold) {
        return new SyncSettings(lookback, initialWindow, pageSize, syncShare, backfillShare, threshold, orgQuotaShare);
    }

    /** These settings with the operator's share of the account's quota. */
    public SyncSettings withOrgQuotaShare(double share) {
        return new SyncSettings(
                lookback, initialWindow, pageSize, quotaShare, backfillQuotaShare, bulkThreshold, share);
    }

    /** What one sync may spend. */
    QuotaBudget syncBudget() {
        return new QuotaBudget(quotaShare, orgQuotaShare);
    }

    /** What one backfill may spend. */
    QuotaBudget backfillBudget() {
        return new QuotaBudget(backfillQuotaShare, orgQuotaShare);
    }

    /** Whether a backfill reads an object of this many records through the bulk API. */
    public boolean usesBulk(long records) {
        return bulkThreshold > 0 && records > bulkThreshold;
    }
}
