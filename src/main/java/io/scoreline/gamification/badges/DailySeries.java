package io.scoreline.gamification.badges;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/** One person's daily {@code kpi_values} of the KPIs a set of badges needs, in memory. */
public final class DailySeries {

    private final Map<String, NavigableMap<LocalDate, BigDecimal>> byKpi;

    public DailySeries(Map<String, NavigableMap<LocalDate, BigDecimal>> byKpi) {
        this.byKpi = byKpi;
    }

    public NavigableMap<LocalDate, BigDecimal> days(String kpi) {
        return byKpi.getOrDefault(kpi, new TreeMap<>());
    }

    public BigDecimal sum(String kpi, LocalDate from, LocalDate to) {
        var total = BigDecimal.ZERO;
        for (var value : days(kpi).subMap(from, true, to, true).values()) {
            total = total.add(value);
        }
        return total;
    }

    public Optional<LocalDate> firstDay(String kpi) {
        return days(kpi).entrySet().stream()
                .filter(e -> e.getValue().signum() > 0)
                .map(Map.Entry::getKey)
                .findFirst();
    }

    public Optional<LocalDate> lastDay(String kpi) {
        var days = days(kpi);
        return days.isEmpty() ? Optional.empty() : Optional.of(days.lastKey());
    }
}
