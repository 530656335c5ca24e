package io.scoreline.app.bench;

import static io.scoreline.pipeline.db.Tables.CRM_RECORDS;
import static io.scoreline.pipeline.db.Tables.WEBHOOK_INBOX;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.scoreline.app.config.CliOverrides;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.app.config.WebhookSettings;
import io.scoreline.app.wiring.ScorelineApplication;
import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.identities.CrmUserLinking;
import io.scoreline.pipeline.inbox.InboxEvent;
import io.scoreline.pipeline.inbox.InboxStatus;
import io.scoreline.pipeline.inbox.InboxWorkers;
import io.scoreline.pipeline.integrations.NewIntegration;
import io.scoreline.pipeline.integrations.onboarding.IntegrationOnboarding;
import io.scoreline.pipeline.rules.RuleSetVersions;
import io.scoreline.pipeline.sync.OnDemandRuns;
import io.scoreline.pipeline.tenancy.NewOrganization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * {@code bench webhooks}: the HubSpot simulator in its own JVM, a real server (HTTP, inbox
 * workers) on a scratch embedded database, a synced HubSpot integration, and signed batches of
 * property-change events about its calls posted concurrently. Acknowledgement latency is measured
 * by the poster; event-to-{@code kpi_values} latency is each row's {@code processed_at -
 * received_at}, since a row is marked done in the transaction that moves its KPI values.
 */
public final class WebhookBenchmark {

    /**
     * How long the inbox may make no progress before the benchmark stops waiting for it: longer
     * than the default wait before verification reads (ADR 0016), which leave rows pending.
     */
    private static final long STALL_MILLIS = 90_000;

    private final Clock clock;

    public WebhookBenchmark(Clock clock) {
        this.clock = clock;
    }

    /**
     * What to post.
     *
     * @param events            events per measured phase
     * @param warmup            events posted and processed first, not measured (0: none), so that the
     *                          figures are those of a warm server
     * @param concurrency       batches in flight in the closed-loop phase
     * @param offeredRate       events per second offered in the open-loop phase (0: no such phase)
     * @param hubSpotBurstLimit the simulated portal's non-search calls per 10 s
     * @param inboxWorkers      the server's inbox worker threads
     * @param inboxWriters      how many of them write at once
     */
    public record Load(
            int events,
            int warmup,
            int concurrency,
            int offeredRate,
            int hubSpotBurstLimit,
            int inboxWorkers,
            int inboxWriters) {}

    public WebhookBenchmarkReport run(Load load, Path scratchHome, PrintWriter log) {
        try (var sims = SimulatorProcess.start(
                4,
                14,
                List.of("-Xmx1g"),
                List.of("--hubspot-burst-limit", Integer.toString(load.hubSpotBurstLimit())))) {
            var env = new HashMap<String, String>();
            env.put(ScorelineConfig.HOME, scratchHome.toString());
            env.put(ScorelineConfig.MASTER_KEY, "benchmark-master-key-not-secret");
            env.put(WebhookSettings.INBOX_WORKERS, Integer.toString(load.inboxWorkers()));
            env.put(WebhookSettings.INBOX_WRITERS, Integer.toString(load.inboxWriters()));
            var config = ScorelineConfig.resolve(env, new CliOverrides(Optional.empty(), Optional.of(0)));
            try (ApplicationContext context = ScorelineApplication.start(config)) {
                var server = context.getBean(EmbeddedServer.class).start();
                var hubSpot = sims.hubSpot();
                var organizationId = context.getBean(OrganizationStore.class)
                        .create(NewOrganization.of("bench", "Benchmark", "America/New_York", "monday"))
                        .id();
                var integration = context.getBean(IntegrationOnboarding.class)
                        .add(
                                "bench",
                                NewIntegration.of(
                                        0,
                                        CrmProvider.HUBSPOT,
                                        new CrmCredentials.RefreshToken(
                                                hubSpot.path("client_id").asText(),
                                                hubSpot.path("client_secret").asText(),
                                                hubSpot.path("refresh_token").asText()),
                                        Optional.empty(),
                                        Optional.of(hubSpot.path("base_url").asText()),
                                        Optional.of(hubSpot.path("portal_id").asText())))
                        .integration();
                context.getBean(RuleSetVersions.class)
                        .setOrFail(
                                integration.id(), resource("/mappings/hubspot.yaml"), "bench", "mappings/hubspot.yaml");
                var note = "";
                try {
                    context.getBean(CrmUserLinking.class).sync(integration.id(), true);
                    var synced = context.getBean(OnDemandRuns.class).sync(integration.id());
                    log.println("initial sync: " + synced.status().key() + ", " + synced.recordsRead() + " records");
                } catch (ScorelineException e) {
                    note = "no HubSpot processing (" + e.getMessage() + "): acceptance only";
                    log.println(note);
                }
                var transactions = context.getBean(TenantTransactions.class);
                List<String> callIds = transactions.inOrganization(
                        organizationId,
                        tx -> tx.select(CRM_RECORDS.RECORD_ID)
                                .from(CRM_RECORDS)
                                .where(CRM_RECORDS.INTEGRATION_ID.eq(integration.id()))
                                .and(CRM_RECORDS.OBJECT_TYPE.eq("calls"))
                                .limit(5000)
                                .fetch(CRM_RECORDS.RECORD_ID));
                if (callIds.isEmpty()) {
                    callIds = java.util.stream.LongStream.rangeClosed(1, 1000)
                            .mapToObj(Long::toString)
                            .toList();
                }
                context.getBean(InboxWorkers.class).start();
                var poster = new WebhookPoster(
                        URI.create("http://localhost:" + server.getPort() + "/webhooks/hubspot"),
                        hubSpot.path("client_secret").asText(),
                        hubSpot.path("portal_id").asLong(),
                        callIds,
                        clock);
                long eventBase = clock.millis() * 1000;
                if (load.warmup() > 0) {
                    // A server runs warm: the first seconds after start are the JIT compiling the request
                    // and page paths (a third of the CPU of a cold 20,000-event run, measured).
                    poster.closedLoop(eventBase, load.warmup(), load.concurrency());
                    waitForInbox(
                            transactions, organizationId, OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC), log);
                    log.println("warm-up: " + load.warmup() + " events posted and processed (not counted)");
                }
                eventBase += load.warmup();
                var saturated = phase(
                        transactions,
                        organizationId,
                        log,
                        "closed loop, " + load.concurrency() + " batches in flight",
                        poster::closedLoop,
                        eventBase,
                        load.events(),
                        load.concurrency());
                eventBase += load.events();
                Optional<WebhookBenchmarkReport.Phase> atRate = Optional.empty();
                if (load.offeredRate() > 0) {
                    atRate = Optional.of(phase(
                            transactions,
                            organizationId,
                            log,
                            "open loop, " + load.offeredRate() + " events/s offered",
                            (base, events, rate) -> poster.openLoop(base, events, rate),
                            eventBase,
                            load.events(),
                            load.offeredRate()));
                }
                return new WebhookBenchmarkReport(
                        load,
                        saturated,
                        atRate,
                        note.isEmpty() ? "ok" : note,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        }
    }

    private interface Round {
        WebhookPoster.Posted post(long eventBase, int events, int pace);
    }

    /** Posts one round, waits for the inbox to finish it, and measures the round's own rows. */
    private WebhookBenchmarkReport.Phase phase(
            TenantTransactions transactions,
            long organizationId,
            PrintWriter log,
            String name,
            Round round,
            long eventBase,
            int events,
            int pace) {
        var receivedFrom = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        var posted = round.post(eventBase, events, pace);
        log.println(name + ": posted " + events + " events in " + posted.batches() + " batches in "
                + Math.round(posted.seconds() * 10) / 10.0 + " s");
        var waited = waitForInbox(transactions, organizationId, receivedFrom, log);
        var latencies = transactions
                .inOrganization(
                        organizationId,
                        tx -> tx.select(WEBHOOK_INBOX.RECEIVED_AT, WEBHOOK_INBOX.PROCESSED_AT)
                                .from(WEBHOOK_INBOX)
                                .where(WEBHOOK_INBOX.STATUS.eq(InboxStatus.DONE.key()))
                                .and(WEBHOOK_INBOX.RECEIVED_AT.ge(receivedFrom))
                                // The reads scheduled to verify applied changes are not events (ADR 0016).
                                .and(WEBHOOK_INBOX.EVENT_TYPE.ne(InboxEvent.VERIFY))
                                .fetch(r -> (double) java.time.Duration.between(r.value1(), r.value2())
                                        .toMillis()))
                .stream()
                .mapToDouble(Double::doubleValue)
                .toArray();
        var ack = new Percentiles(posted.ackMillis());
        var toKpi = new Percentiles(latencies);
        return new WebhookBenchmarkReport.Phase(
                posted.batches(),
                posted.refused(),
                posted.seconds(),
                posted.acceptedPerSecond(),
                ack.at(50),
                ack.at(99),
                waited[0],
                waited[1],
                waited[2],
                waited[3],
                toKpi.at(50),
                toKpi.at(95));
    }

    /**
     * Waits until no row received from {@code receivedFrom} on is pending or processing, or the
     * inbox stops making progress; returns events done, failed and left, and verification reads.
     */
    private long[] waitForInbox(
            TenantTransactions transactions, long organizationId, OffsetDateTime receivedFrom, PrintWriter log) {
        long lastLeft = -1;
        long lastProgress = System.nanoTime();
        // Inlined: a bind parameter in the select list and another in GROUP BY are different expressions.
        var verification =
                org.jooq.impl.DSL.field(WEBHOOK_INBOX.EVENT_TYPE.eq(org.jooq.impl.DSL.inline(InboxEvent.VERIFY)));
        while (true) {
            var counts = transactions.inOrganization(
                    organizationId,
                    tx -> tx.select(WEBHOOK_INBOX.STATUS, verification, org.jooq.impl.DSL.count())
                            .from(WEBHOOK_INBOX)
                            .where(WEBHOOK_INBOX.RECEIVED_AT.ge(receivedFrom))
                            .groupBy(WEBHOOK_INBOX.STATUS, verification)
                            .fetch());
            long done = 0;
            long failed = 0;
            long left = 0;
            long verifications = 0;
            for (var row : counts) {
                long n = row.value3();
                if (Boolean.TRUE.equals(row.value2())) {
                    verifications += n;
                }
                switch (InboxStatus.fromKey(row.value1())) {
                    case DONE -> done += Boolean.TRUE.equals(row.value2()) ? 0 : n;
                    case FAILED -> failed += n;
                    case PENDING, PROCESSING -> left += n;
                }
            }
            if (left == 0) {
                return new long[] {done, failed, 0, verifications};
            }
            if (left != lastLeft) {
                lastLeft = left;
                lastProgress = System.nanoTime();
            } else if ((System.nanoTime() - lastProgress) / 1_000_000 > STALL_MILLIS) {
                log.println("the inbox made no progress for " + STALL_MILLIS / 1000 + " s; " + left + " events left");
                return new long[] {done, failed, left, verifications};
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new long[] {done, failed, left, verifications};
            }
        }
    }

    private static String resource(String name) {
        try (var in = WebhookBenchmark.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new ScorelineException(FailureKind.BUG, name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
