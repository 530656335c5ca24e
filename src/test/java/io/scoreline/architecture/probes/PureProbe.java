package io.scoreline.architecture.probes;

import java.util.List;

/** A unit test's shape that needs nothing outside the JVM: TestTierRulesTest must let it pass. */
public final class PureProbe {

    private PureProbe() {}

    static int size(List<String> values) {
        return values.size();
    }
}
