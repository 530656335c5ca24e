package io.scoreline.pipeline.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.connectors.spi.QuotaSnapshot;
import org.junit.jupiter.api.Test;

class QuotaBudgetTest {

    private final QuotaBudget budget = new QuotaBudget(0.5, 0.9);

    @Test
    void theAccountsTotalUseStopsARunThatHasSpentLittleItself() {
        assertThat(budget.exceeded(3, new QuotaSnapshot(8_999, 10_000))).isEmpty();
        assertThat(budget.exceeded(3, new QuotaSnapshot(9_000, 10_000)))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .contains("stopped after 3 API calls")
                        .contains("has used 9000 of its 10000 daily API requests (90.0%)")
                        .contains("90%")
                        .contains("continues"));
    }

    @Test
    void theRunsOwnShareStillApplies() {
        assertThat(budget.exceeded(4_999, new QuotaSnapshot(5_000, 10_000))).isEmpty();
        assertThat(budget.exceeded(5_000, new QuotaSnapshot(5_000, 10_000)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("the run's share (50%)"));
    }

    @Test
    void aSpentQuotaStopsAnyRun() {
        var full = new QuotaBudget(1, 1);
        assertThat(full.exceeded(1, new QuotaSnapshot(9_999, 10_000))).isEmpty();
        assertThat(full.exceeded(1, new QuotaSnapshot(10_000, 10_000))).isPresent();
    }

    @Test
    void sharesOutsideZeroToOneAreRefused() {
        assertThatThrownBy(() -> new QuotaBudget(0.5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QuotaBudget(1.5, 0.9)).isInstanceOf(IllegalArgumentException.class);
    }
}
