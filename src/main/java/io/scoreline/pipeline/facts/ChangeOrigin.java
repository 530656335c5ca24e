package io.scoreline.pipeline.facts;

/**
 * Where a KPI change came from, carried into the {@code kpi_changes} outbox: backfilled history
 * awards badges silently unless the operator asked for notifications.
 */
public record ChangeOrigin(Kind kind, boolean notifies) {

    public enum Kind {
        LIVE,
        BACKFILL
    }

    public static ChangeOrigin live() {
        return new ChangeOrigin(Kind.LIVE, true);
    }

    public static ChangeOrigin backfill(boolean notify) {
        return new ChangeOrigin(Kind.BACKFILL, notify);
    }

    String key() {
        return kind == Kind.LIVE ? "live" : "backfill";
    }
}
