package io.scoreline.app.cli;

import static io.scoreline.pipeline.db.Tables.CRM_RECORDS;
import static io.scoreline.pipeline.db.Tables.KPI_FACTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.app.http.WebhookController;
import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.facts.PageWriter;
import io.scoreline.pipeline.inbox.InboxProcessor;
import io.scoreline.pipeline.inbox.InboxSettings;
import io.scoreline.pipeline.inbox.InboxStatus;
import io.scoreline.pipeline.inbox.InboxStore;
import io.scoreline.pipeline.inbox.InboxWorkers;
import io.scoreline.pipeline.inbox.OpenConnectors;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.integrations.NewIntegration;
import io.scoreline.pipeline.rules.RuleSetStore;
import io.scoreline.pipeline.sync.ConnectorOpener;
import io.scoreline.pipeline.tenancy.NewOrganization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import io.scoreline.sim.data.ActivityKind;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.OutboundMessages;
import io.scoreline.testing.ScorelineServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An event that keeps failing is parked after the last attempt with its error; {@code scoreline
 * inbox} shows it, and once the cause is fixed {@code --replay-all} processes it.
 */
class InboxCliIT {

    @Test
    void aParkedEventIsShownAndReplayedOnceItsCauseIsFixed() throws Exception {
        try (var sims = Simulators.start(
                        SimulatorOptions.defaults().withSeed(31).withVolume(2, 3));
                var server = ScorelineServer.start(Map.of())) {
            var organizationId = server.bean(OrganizationStore.class)
                    .create(NewOrganization.of("parked", "Parked", "UTC", "monday"))
                    .id();
            var sf = sims.salesforce();
            var connected = server.bean(IntegrationStore.class)
                    .connect(NewIntegration.of(
                                    organizationId,
                                    CrmProvider.SALESFORCE,
                                    new CrmCredentials.RefreshToken(
                                            sf.clientId(), sf.clientSecret(), sf.refreshToken()),
                                    Optional.of(sf.loginUrl().toString()),
                                    Optional.empty(),
                                    Optional.empty())
                            .withWebhookAccountId(Optional.of(sf.orgId())));
            var integrationId = connected.integration().id();

            // A call the simulator holds; the message says only that it changed, and its state is read back (ADR 0020).
            var call = sims.dataset().stream(ActivityKind.CALL)
                    .filter(a -> !a.meta().deleted())
                    .findFirst()
                    .map(a -> sims.salesforceSimulator().records().row(a))
                    .orElseThrow();
            var recordId = call.id();
            var xml = OutboundMessages.envelope(
                    sf.orgId(),
                    List.of(new OutboundMessages.Notification("04l000000000321AAA", "Task", Map.of("Id", recordId))));
            assertThat(server.post(
                                    WebhookController.path(
                                            integrationId,
                                            connected.endpointSecret().orElseThrow()),
                                    xml.getBytes(StandardCharsets.UTF_8),
                                    Map.of("Content-Type", "text/xml"))
                            .body())
                    .contains("<Ack>true</Ack>");

            // Workers with a short backoff: the integration has no rules yet, so every attempt fails.
            // drain() looks one coalescing window ahead, as far as the controller delayed the event; the 1 ms
            // backoff keeps each retry inside that window.
            var settings =
                    InboxSettings.defaults().withMaxAttempts(3).withBackoff(Duration.ofMillis(1), Duration.ofMillis(1));
            var inbox = server.bean(InboxStore.class);
            try (var connectors = new OpenConnectors(server.bean(ConnectorOpener.class))) {
                var processor = new InboxProcessor(
                        server.bean(IntegrationStore.class),
                        server.bean(OrganizationStore.class),
                        server.bean(RuleSetStore.class),
                        server.bean(PageWriter.class),
                        inbox,
                        connectors,
                        settings,
                        Clock.systemUTC());
                var workers = new InboxWorkers(inbox, processor, settings, Clock.systemUTC());
                assertThat(workers.drain()).isEqualTo(3);
            }
            var parked = inbox.list(organizationId, Optional.of(InboxStatus.FAILED), 10);
            assertThat(parked).singleElement().satisfies(e -> {
                assertThat(e.attempts()).isEqualTo(3);
                assertThat(e.lastError()).hasValueSatisfying(m -> assertThat(m).contains("no mapping rules"));
            });

            var shown = CliRun.run(server.environment(), "inbox", "--org", "parked", "--status", "failed", "--json");
            assertThat(shown.exitCode()).as(shown.err()).isZero();
            assertThat(shown.outLines())
                    .singleElement()
                    .satisfies(line -> assertThat(line)
                            .contains("\"status\":\"failed\"")
                            .contains("\"attempts\":3")
                            .contains("no mapping rules"));

            server.bean(RuleSetStore.class)
                    .saveNewVersion(
                            organizationId,
                            integrationId,
                            Files.readString(Path.of("mappings/salesforce.yaml")),
                            "test");
            var replay = CliRun.run(server.environment(), "inbox", "--org", "parked", "--replay-all");
            assertThat(replay.exitCode()).as(replay.err()).isZero();
            assertThat(replay.out()).contains("inbox event " + parked.getFirst().id() + ": done");

            var transactions = server.bean(TenantTransactions.class);
            int stored = transactions.inOrganization(
                    organizationId, tx -> tx.fetchCount(CRM_RECORDS, CRM_RECORDS.RECORD_ID.eq(recordId)));
            assertThat(stored).isEqualTo(1);
            List<String> facts = transactions.inOrganization(
                    organizationId,
                    tx -> tx.select(KPI_FACTS.KPI_KEY)
                            .from(KPI_FACTS)
                            .where(KPI_FACTS.RECORD_ID.eq(recordId))
                            .fetch(KPI_FACTS.KPI_KEY));
            assertThat(facts).contains("calls_made");
            assertThat(CliRun.run(server.environment(), "inbox", "--org", "parked", "--status", "failed")
                            .out())
                    .contains("No inbox events");
        }
    }
}
