package io.scoreline.pipeline.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.connectors.spi.ChangeQuery;
import io.scoreline.connectors.spi.CrmRecord;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.data.Activity;
import io.scoreline.sim.data.ActivityKind;
import io.scoreline.sim.hubspot.HubSpotObjectType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HubSpot connector reads a custom object that rules name {@code product_demos} through the type
 * id only the portal's schemas know: changes, batch reads and the archived list come back under the
 * rules' name with the simulator's values, and a {@code 2-…} id from a webhook names the same object.
 */
class HubSpotCustomObjectReadsIT {

    private static final Set<String> FIELDS = Set.of("hubspot_owner_id", "demo_date", "demo_status");

    private HubSpotSyncFixture fixture;

    @BeforeEach
    void start() {
        fixture = new HubSpotSyncFixture(
                SimulatorOptions.defaults().withSeed(17).withVolume(4, 20).withLastDay(LocalDate.of(2026, 3, 1)),
                HubSpotSyncFixture.tickingFrom(Instant.parse("2026-03-02T12:00:00Z")),
                new SyncSettings(Duration.ofMinutes(10), Duration.ofDays(90), 200, 0.5));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void changesReadsAndArchivedListComeBackUnderTheRulesName() {
        var dataset = fixture.sims().dataset();
        var demos =
                dataset.stream(ActivityKind.DEMO).map(d -> (Activity.Demo) d).toList();
        var live = demos.stream().filter(d -> !d.meta().deleted()).toList();
        var archived = demos.stream().filter(d -> d.meta().deleted()).toList();
        assertThat(archived).isNotEmpty();
        try (var connector = fixture.openConnector()) {
            var read = new ArrayList<CrmRecord>();
            var pages =
                    connector.changes(new ChangeQuery("product_demos", FIELDS, Instant.EPOCH, Optional.empty(), 200));
            for (var page = pages.next(); page.isPresent(); page = pages.next()) {
                assertThat(page.get().objectType()).isEqualTo("product_demos");
                read.addAll(page.get().records());
            }
            assertThat(read)
                    .hasSize(live.size())
                    .allSatisfy(r -> assertThat(r.objectType()).isEqualTo("product_demos"));
            var first = live.getFirst();
            var firstRecord = read.stream()
                    .filter(r -> r.recordId().equals(id(first)))
                    .findFirst()
                    .orElseThrow();
            assertThat(firstRecord.fields())
                    .containsEntry("demo_status", first.status().hubSpotValue())
                    .containsEntry("demo_date", first.demoDate().toString());

            var byId = connector.read("product_demos", FIELDS, List.of(id(first), id(archived.getFirst())));
            assertThat(byId)
                    .extracting(CrmRecord::recordId)
                    .containsExactlyInAnyOrder(id(first), id(archived.getFirst()));
            assertThat(byId).allSatisfy(r -> assertThat(r.objectType()).isEqualTo("product_demos"));
            assertThat(byId)
                    .filteredOn(CrmRecord::deleted)
                    .extracting(CrmRecord::recordId)
                    .containsExactly(id(archived.getFirst()));

            var deletions = connector.deletions("product_demos", Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
            assertThat(deletions.objectType()).isEqualTo("product_demos");
            assertThat(deletions.records())
                    .hasSize(archived.size())
                    .allSatisfy(r -> assertThat(r.deleted()).isTrue());

            var typeId =
                    fixture.sims().hubSpotSimulator().records().typeNames().typeId(HubSpotObjectType.PRODUCT_DEMOS);
            assertThat(connector.objectName(typeId)).isEqualTo("product_demos");
            assertThat(connector.objectName("2-1"))
                    .as("a type id the portal does not have")
                    .isEqualTo("2-1");
            assertThat(connector.objectName("calls")).isEqualTo("calls");
        }
    }

    private static String id(Activity activity) {
        return Long.toString(
                HubSpotObjectType.of(ActivityKind.DEMO).id(activity.meta().index()));
    }
}
