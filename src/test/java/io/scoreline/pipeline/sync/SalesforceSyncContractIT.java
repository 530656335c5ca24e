package io.scoreline.pipeline.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.sim.SimulatorOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link CrmSyncContract} for Salesforce, through the real Camel component, and how Salesforce
 * batches reads by id.
 */
class SalesforceSyncContractIT extends CrmSyncContract {

    @Override
    CrmSyncFixture connect(SimulatorOptions simulator, Clock clock, SyncSettings backfillSettings) {
        return new SalesforceSyncFixture(simulator, clock, backfillSettings);
    }

    @Test
    void readByIdPutsAtMostTwoHundredIdsInAStatement() {
        sync();
        var stored = storedCallIds(250);
        var ids = new ArrayList<>(stored);
        // More than 2,000 ids in all, as a coalesced inbox batch may name: ids Salesforce does not know fill it up.
        for (int i = 0; ids.size() < 2_001; i++) {
            ids.add(fixture.unknownCallId(i));
        }
        try (var connector = fixture.openConnector()) {
            long before = connector.apiCalls();
            var read = connector.read(fixture.callObject(), Set.of("OwnerId", "Status"), ids);
            assertThat(read).extracting(r -> r.recordId()).containsExactlyInAnyOrderElementsOf(stored);
            // 2,001 ids are eleven statements of at most 200 ids each (a statement's URI must stay under 16,384 bytes).
            assertThat(connector.apiCalls() - before).isEqualTo(11);
        }
    }
}
