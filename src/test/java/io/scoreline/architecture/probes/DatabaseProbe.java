package io.scoreline.architecture.probes;

/** Named and built like a unit test that reaches PostgreSQL through a fixture: TestTierRulesTest must catch it. */
public final class DatabaseProbe {

    private DatabaseProbe() {}

    static Object database() {
        return DatabaseProbeFixture.freshDatabase();
    }
}
