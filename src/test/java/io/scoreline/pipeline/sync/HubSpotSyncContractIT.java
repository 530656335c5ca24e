package io.scoreline.pipeline.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.sim.SimulatorOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link CrmSyncContract} for HubSpot, over real HTTP, and how HubSpot batches reads by id.
 */
class HubSpotSyncContractIT extends CrmSyncContract {

    @Override
    CrmSyncFixture connect(SimulatorOptions simulator, Clock clock, SyncSettings backfillSettings) {
        return new HubSpotSyncFixture(simulator, clock, backfillSettings);
    }

    @Test
    void backfillPlanCountsASearchCallForEveryTwoHundredRecords() {
        var plan = fixture.backfill().plan(fixture.integrationId(), FROM, TO);
        assertThat(plan.records()).isGreaterThan(500);
        // A search answers at most 200 records a page (Salesforce's query pages hold 2,000).
        assertThat(plan.apiCalls()).isGreaterThan(plan.records() / 200);
    }

    @Test
    void readByIdBatchesAHundredIdsPerCallAndAsksForTheMissingAmongArchivedRecords() {
        sync();
        var stored = storedCallIds(150);
        assertThat(stored).hasSize(150);
        delete(liveCalls()
                .filter(call -> fixture.recordId(call).equals(stored.getFirst()))
                .findFirst()
                .orElseThrow());
        var ids = new ArrayList<>(stored);
        ids.add(fixture.unknownCallId(0));
        try (var connector = fixture.openConnector()) {
            long before = connector.apiCalls();
            var read = connector.read(fixture.callObject(), Set.of("hubspot_owner_id", "hs_call_status"), ids);
            assertThat(read).extracting(r -> r.recordId()).containsExactlyInAnyOrderElementsOf(stored);
            // 151 ids: two live batch reads, then one archived read for the two ids not found live.
            assertThat(connector.apiCalls() - before).isEqualTo(3);
        }
    }
}
