package io.scoreline.pipeline.sync;

import io.scoreline.sim.SimulatorOptions;
import java.time.Clock;

/** {@link RemapRereadContract} against the Salesforce simulator: {@code Id IN (…)} reads. */
class SalesforceRemapRereadIT extends RemapRereadContract {

    @Override
    CrmSyncFixture connect(SimulatorOptions simulator, Clock clock, SyncSettings backfillSettings) {
        return new SalesforceSyncFixture(simulator, clock, backfillSettings);
    }
}
