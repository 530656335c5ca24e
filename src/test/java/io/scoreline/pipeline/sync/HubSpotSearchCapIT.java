package io.scoreline.pipeline.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.connectors.hubspot.HubSpotConnector;
import io.scoreline.connectors.hubspot.HubSpotConnectorFactory;
import io.scoreline.connectors.hubspot.HubSpotSettings;
import io.scoreline.connectors.spi.ChangeQuery;
import io.scoreline.connectors.spi.ConnectorSettings;
import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.connectors.spi.CrmRecord;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import io.scoreline.sim.data.ActivityKind;
import io.scoreline.sim.hubspot.HubSpotObjectType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * HubSpot answers 400 once a search pages past its 10,000th result. A window of more than 10,000
 * calls, 3,000 of them stamped with one modification instant (a bulk import), is read completely,
 * once each, in (modification time, id) order, without any search reaching the cap.
 */
class HubSpotSearchCapIT {

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    @Test
    void moreThanTenThousandRecordsWithThousandsOnOneTimestampAreReadOnceEach() throws Exception {
        var clock = HubSpotSyncFixture.tickingFrom(NOW);
        try (var sims = Simulators.start(SimulatorOptions.defaults()
                .withSeed(3)
                .withVolume(16, 30)
                .withLastDay(LocalDate.of(2026, 3, 1))
                .withClock(clock))) {
            var dataset = sims.dataset();
            var bulkImport = Instant.parse("2026-02-20T09:30:00.123Z");
            dataset.stream(ActivityKind.CALL)
                    .filter(a -> !a.meta().deleted())
                    .limit(3_000)
                    .toList()
                    .forEach(call -> dataset.update(call.withMeta(call.meta().modified(bulkImport))));
            var expected = dataset.stream(ActivityKind.CALL)
                    .filter(a -> !a.meta().deleted())
                    .map(a -> Long.toString(HubSpotObjectType.CALLS.id(a.meta().index())))
                    .collect(Collectors.toSet());
            assertThat(expected).hasSizeGreaterThan(10_000);

            var hs = sims.hubSpot();
            try (var camel = new DefaultCamelContext()) {
                camel.start();
                var factory = new HubSpotConnectorFactory(camel, HubSpotSyncFixture.fastOptions(), clock);
                try (var connector = factory.open(new ConnectorSettings(
                        1,
                        CrmProvider.HUBSPOT,
                        Map.of(HubSpotSettings.BASE_URL, hs.baseUrl().toString()),
                        new CrmCredentials.PrivateAppToken(hs.privateAppToken())))) {
                    var query = new ChangeQuery(
                            "calls",
                            Set.of("hubspot_owner_id", "hs_call_status"),
                            Instant.EPOCH,
                            Optional.empty(),
                            2000);
                    assertThat(connector.count(query)).isEqualTo(expected.size());

                    // How many 429s the search limit causes depends on how fast this machine is; the plan's cost does
                    // not.
                    var hubSpot = (HubSpotConnector) connector;
                    long callsBefore = connector.apiCalls() - hubSpot.throttledCalls();
                    var read = new ArrayList<CrmRecord>();
                    var pages = connector.changes(query);
                    for (var page = pages.next(); page.isPresent(); page = pages.next()) {
                        read.addAll(page.get().records());
                        page.get()
                                .cursorAfter()
                                .ifPresent(cursor -> assertThat(cursor.recordId())
                                        .isEqualTo(read.getLast().recordId()));
                    }
                    long searches = connector.apiCalls() - hubSpot.throttledCalls() - callsBefore;
                    // Keyset windows re-read only the records on a search's last timestamp: a few percent over 200 per
                    // search.
                    assertThat(searches).isLessThanOrEqualTo(expected.size() / 190 + 3);
                    assertThat(read).extracting(CrmRecord::recordId).doesNotHaveDuplicates();
                    Set<String> readIds =
                            read.stream().map(CrmRecord::recordId).collect(Collectors.toCollection(HashSet::new));
                    assertThat(readIds).isEqualTo(expected);
                    assertThat(read)
                            .isSortedAccordingTo(Comparator.comparing(CrmRecord::modstamp)
                                    .thenComparing(r -> Long.parseLong(r.recordId())));
                    assertThat(read)
                            .filteredOn(r -> r.modstamp().equals(bulkImport))
                            .hasSize(3_000);
                    assertThat(read).allSatisfy(r -> assertThat(r.fields()).containsKey("hubspot_owner_id"));
                }
            }
        }
    }
}
