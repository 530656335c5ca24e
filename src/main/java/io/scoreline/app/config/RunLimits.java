package io.scoreline.app.config;

/**
 * How much of a CRM's daily API quota one run may spend, and from what size a backfill reads an
 * object through the Bulk API instead of REST pages.
 *
 * @param quotaShare          share (0 < x ≤ 1) of the daily quota a sync may use before it stops as partial
 * @param backfillQuotaShare  the same for a backfill (history is large; an operator may want it smaller)
 * @param bulkThreshold       records of one object above which a backfill uses Bulk API 2.0; 0 = never
 * @param orgQuotaShare       share (0 < x ≤ 1) of the daily quota the CRM account may have used, by any
 *                            integration or tool, before a run stops as partial
 */
public record RunLimits(double quotaShare, double backfillQuotaShare, long bulkThreshold, double orgQuotaShare) {

    public static final double DEFAULT_QUOTA_SHARE = 0.5;
    public static final long DEFAULT_BULK_THRESHOLD = 50_000;
    public static final double DEFAULT_ORG_QUOTA_SHARE = 0.9;

    public static RunLimits defaults() {
        return new RunLimits(DEFAULT_QUOTA_SHARE, DEFAULT_QUOTA_SHARE, DEFAULT_BULK_THRESHOLD, DEFAULT_ORG_QUOTA_SHARE);
    }
}
