package io.scoreline.gamification.goals;

import io.scoreline.mappings.measures.MeasuredValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;

/**
 * A value against its goal: percent of the target and how far ahead of pace (negative: behind).
 * An undefined value (a ratio below its minimum denominator) has neither: it is not 0 %.
 */
public sealed interface GoalStanding {

    /** {@code ahead}, {@code behind}, {@code on_pace} or {@code undefined}, as the JSON says it. */
    String status();

    record Measured(BigDecimal value, BigDecimal percent, BigDecimal aheadBy) implements GoalStanding {
        @Override
        public String status() {
            return switch (aheadBy.signum()) {
                case 1 -> "ahead";
                case -1 -> "behind";
                default -> "on_pace";
            };
        }
    }

    record Undefined(String reason) implements GoalStanding {
        @Override
        public String status() {
            return "undefined";
        }
    }

    static GoalStanding of(MeasuredValue value, BigDecimal target, GoalPace pace) {
        return switch (value) {
            case MeasuredValue.Undefined u -> new Undefined(u.reason());
            case MeasuredValue.Defined d ->
                new Measured(
                        Numbers.plain(d.value()),
                        Numbers.plain(
                                d.value().multiply(BigDecimal.valueOf(100)).divide(target, 1, RoundingMode.HALF_UP)),
                        Numbers.plain(d.value().subtract(pace.expected())));
        };
    }

    default Optional<BigDecimal> percentOfTarget() {
        return this instanceof Measured m ? Optional.of(m.percent()) : Optional.empty();
    }

    /** For the table: {@code 62.5%}, or {@code undefined}. */
    default String percentText() {
        return percentOfTarget().map(p -> p.toPlainString() + "%").orElse(status().toLowerCase(Locale.ROOT));
    }
}
