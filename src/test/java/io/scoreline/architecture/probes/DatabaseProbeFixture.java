package io.scoreline.architecture.probes;

import io.scoreline.testing.TestPostgres;

/** A test fixture that hides the database behind one more call, as the real fixtures do. */
final class DatabaseProbeFixture {

    private DatabaseProbeFixture() {}

    static Object freshDatabase() {
        return TestPostgres.freshDatabase();
    }
}
