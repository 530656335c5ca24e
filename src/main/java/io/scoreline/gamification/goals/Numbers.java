package io.scoreline.gamification.goals;

import java.math.BigDecimal;

/** How goal figures are shown: without trailing zeros, never in exponent notation. */
final class Numbers {

    private Numbers() {}

    static BigDecimal plain(BigDecimal value) {
        var stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
