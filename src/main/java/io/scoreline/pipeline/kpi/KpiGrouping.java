package io.scoreline.pipeline.kpi;

import java.util.Locale;

/**
 * How KPI values are grouped over a window: per day, per week (from the organization's week start),
 * per calendar month, or one total per person and KPI for the whole window.
 */
public enum KpiGrouping {
    DAY,
    WEEK,
    MONTH,
    WINDOW;

    /** @throws KpiInputRefused naming {@code group} for any other word */
    public static KpiGrouping parse(String value) {
        if (value == null || value.isBlank()) {
            return WINDOW;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "day" -> DAY;
            case "week" -> WEEK;
            case "month" -> MONTH;
            case "window" -> WINDOW;
            default ->
                throw new KpiInputRefused("group", "group must be day, week, month or window, got '" + value + "'");
        };
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
