package io.scoreline.sim.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FaultSpecTest {

    @Test
    void parsesTheCliSpec() {
        FaultSpec spec = FaultSpec.parse("429:0.05,500:0.02,timeout:0.01,expire-token:300s,malformed:0.001");

        assertThat(spec).isEqualTo(new FaultSpec(0.05, 0.02, 0.01, 0.001, Optional.of(Duration.ofSeconds(300))));
        assertThat(FaultSpec.parse("")).isEqualTo(FaultSpec.NONE);
        assertThat(FaultSpec.parse("expire-token:5m").tokenLifetime()).hasValue(Duration.ofMinutes(5));
    }

    @Test
    void rejectsBadEntriesWithAMessageNamingThem() {
        assertThatThrownBy(() -> FaultSpec.parse("418:0.1")).hasMessageContaining("unknown fault '418'");
        assertThatThrownBy(() -> FaultSpec.parse("429:lots")).hasMessageContaining("429:lots");
        assertThatThrownBy(() -> FaultSpec.parse("429:1.5")).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> FaultSpec.parse("429")).hasMessageContaining("KIND:VALUE");
    }

    @Test
    void theSameSeedDrawsTheSameFaultsAtTheExpectedRates() {
        FaultSpec spec = FaultSpec.parse("429:0.1,500:0.05,timeout:0.02,malformed:0.03");
        List<Fault> first = draw(new FaultPlan(spec, 9, "salesforce"), 20_000);
        List<Fault> again = draw(new FaultPlan(spec, 9, "salesforce"), 20_000);
        List<Fault> otherSeed = draw(new FaultPlan(spec, 10, "salesforce"), 20_000);
        Map<Class<?>, Long> counts =
                first.stream().collect(Collectors.groupingBy(Object::getClass, Collectors.counting()));

        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
        assertThat(counts.get(Fault.Throttled.class)).isBetween(1_800L, 2_200L);
        assertThat(counts.get(Fault.ServerError.class)).isBetween(850L, 1_150L);
        assertThat(counts.get(Fault.Timeout.class)).isBetween(300L, 500L);
        assertThat(counts.get(Fault.Malformed.class)).isBetween(500L, 700L);
    }

    private static List<Fault> draw(FaultPlan plan, int n) {
        return IntStream.range(0, n).mapToObj(i -> plan.next()).toList();
    }
}
