package io.scoreline.app.cli.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.mappings.measures.KpiUnit;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Pace and ahead-by in a table: at the unit's precision, not the six decimals they are computed to. */
class UnitFiguresTest {

    @Test
    void eachUnitHasItsPrecisionWithoutTrailingZeros() {
        assertThat(UnitFigures.text(new BigDecimal("34.782609"), KpiUnit.COUNT)).isEqualTo("34.8");
        assertThat(UnitFigures.text(new BigDecimal("34.000000"), KpiUnit.COUNT)).isEqualTo("34");
        assertThat(UnitFigures.text(new BigDecimal("-18.714286"), KpiUnit.MINUTES))
                .isEqualTo("-18.7");
        assertThat(UnitFigures.text(new BigDecimal("1234.567891"), KpiUnit.CURRENCY))
                .isEqualTo("1234.57");
        assertThat(UnitFigures.text(new BigDecimal("41.666667"), KpiUnit.PERCENT))
                .isEqualTo("41.7");
        assertThat(UnitFigures.text(new BigDecimal("-0.02"), KpiUnit.COUNT)).isEqualTo("0");
        assertThat(UnitFigures.text(new BigDecimal("120"), KpiUnit.COUNT)).isEqualTo("120");
    }
}
