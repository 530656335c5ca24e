package io.scoreline.gamification.badges;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The rule kinds of DESIGN §8; {@link #kind()} is the {@code kind:} of the catalog and of {@code badges.rule}. */
public sealed interface BadgeRule {

    String kind();

    /** The KPIs whose changes can make or unmake the badge (none for placements). */
    Set<String> kpis();

    /** {@code kpi} reaches {@code atLeast} within one {@code period} (day … year, or all time). */
    record Threshold(String kpi, PeriodUnit period, BigDecimal atLeast) implements BadgeRule {
        @Override
        public String kind() {
            return "threshold";
        }

        @Override
        public Set<String> kpis() {
            return Set.of(kpi);
        }
    }

    /** {@code length} consecutive working days (or weeks) each with {@code kpi} at or above {@code atLeast}. */
    record Streak(String kpi, StreakUnit unit, int length, BigDecimal atLeast) implements BadgeRule {
        @Override
        public String kind() {
            return "streak";
        }

        @Override
        public Set<String> kpis() {
            return Set.of(kpi);
        }
    }

    /** The person's first ever {@code kpi} (a positive all-time value). */
    record First(String kpi) implements BadgeRule {
        @Override
        public String kind() {
            return "first";
        }

        @Override
        public Set<String> kpis() {
            return Set.of(kpi);
        }
    }

    /**
     * A {@code period} whose {@code kpi} beats every earlier period of the person, once the person has
     * {@code minHistory} earlier periods (default: the evaluator's setting).
     */
    record PersonalBest(String kpi, PeriodUnit period, Optional<Integer> minHistory) implements BadgeRule {
        @Override
        public String kind() {
            return "personal_best";
        }

        @Override
        public Set<String> kpis() {
            return Set.of(kpi);
        }
    }

    /** Every part's threshold reached within the same {@code period}. */
    record Combo(PeriodUnit period, List<Part> parts) implements BadgeRule {
        public Combo {
            parts = List.copyOf(parts);
        }

        @Override
        public String kind() {
            return "combo";
        }

        @Override
        public Set<String> kpis() {
            var kpis = new LinkedHashSet<String>();
            parts.forEach(p -> kpis.add(p.kpi()));
            return kpis;
        }

        public record Part(String kpi, BigDecimal atLeast) {}
    }

    /**
     * Reaching one's resolved goal for {@code kpi} within one goal {@code period} (week, month or
     * quarter): awarded once per period in which the value reaches the target. A period in which the
     * person has no goal is never judged as reached.
     */
    record GoalReached(String kpi, PeriodUnit period) implements BadgeRule {
        @Override
        public String kind() {
            return "goal_reached";
        }

        @Override
        public Set<String> kpis() {
            return Set.of(kpi);
        }
    }

    /** Finishing a final contest at {@code rank}: awarded by the contest evaluator, never from KPI changes. */
    record Placement(int rank) implements BadgeRule {
        @Override
        public String kind() {
            return "placement";
        }

        @Override
        public Set<String> kpis() {
            return Set.of();
        }
    }

    enum StreakUnit {
        DAY,
        WEEK
    }
}
