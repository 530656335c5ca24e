package io.scoreline.app.cli.kpi;

import io.scoreline.mappings.measures.KpiUnit;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Goal figures in a table, at the precision a KPI's unit is read in: pace and ahead-by are computed
 * to six decimals (ADR 0048), which nobody reads as "34.782609 calls". Counts and minutes get one
 * decimal, currency two, percent one; trailing zeros go. JSON keeps the full number.
 */
final class UnitFigures {

    private UnitFigures() {}

    static String text(BigDecimal value, KpiUnit unit) {
        int scale = switch (unit) {
            case COUNT, MINUTES, PERCENT -> 1;
            case CURRENCY -> 2;
        };
        var rounded = value.setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
        return (rounded.scale() < 0 ? rounded.setScale(0) : rounded).toPlainString();
    }
}
