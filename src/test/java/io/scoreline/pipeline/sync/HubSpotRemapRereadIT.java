package io.scoreline.pipeline.sync;

import io.scoreline.sim.SimulatorOptions;
import java.time.Clock;

/** {@link RemapRereadContract} against the HubSpot simulator: batch reads of 100 ids. */
class HubSpotRemapRereadIT extends RemapRereadContract {

    @Override
    CrmSyncFixture connect(SimulatorOptions simulator, Clock clock, SyncSettings backfillSettings) {
        return new HubSpotSyncFixture(simulator, clock, backfillSettings);
    }
}
