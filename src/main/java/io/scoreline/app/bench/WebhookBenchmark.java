package io.scoreline.app.bench;

import static io.scoreline.pipeline.db.Tables.CRM_RECORDS;
import static io.scoreline.pipeline.db.Tables.WEBHOOK_INBOX;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.scoreline.app.config.CliOverrides;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.app.wiring.ScorelineApplication;
import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.connectors.spi.CrmProvider;
import io.scoreline.connectors.spi.FailureKind;
import io.scoreline.connectors.spi.ScorelineException;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.identities.CrmIdentityStore;
import io.scoreline.pipeline.inbox.InboxStatus;
import io.scoreline.pipeline.inbox.InboxWorkers;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.integrations.NewIntegration;
import io.scoreline.pipeline.rules.RuleSetStore;
import io.scoreline.pipeline.runs.SyncTrigger;
import io.scoreline.pipeline.sync.ConnectorOpener;
import io.scoreline.pipeline.sync.SyncService;
import io.scoreline.pipeline.tenancy.NewOrganization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code bench webhooks}: the HubSpot simulator in its own JVM, a real server (HTTP, inbox
 * workers) on a scratch embedded database, a synced HubSpot integration, and signed batches of
 * property-change events about its calls posted concurrently. Acknowledgement latency is measured
 * by the poster; event-to-{@code kpi_values} latency is each row's {@code processed_at -
 * received_at}, since a row is marked done in the transaction that moves its KPI values.
 */
public final class WebhookBenchmark {

    private static final int BATCH = 100;
    /** How long the inbox may make no progress before the benchmark stops waiting for it. */
    private static final long STALL_MILLIS = 30_000;

    private final Clock clock;

    public WebhookBenchmark(Clock clock) {
        this.clock = clock;
    }

    public WebhookBenchmarkReport run(int events, int concurrency, Path scratchHome, PrintWriter log) {
        try (var sims = SimulatorProcess.start(4, 14, "1g")) {
            var env = new HashMap<String, String>();
            env.put(ScorelineConfig.HOME, scratchHome.toString());
            env.put(ScorelineConfig.MASTER_KEY, "benchmark-master-key-not-secret");
            var config = ScorelineConfig.resolve(env, new CliOverrides(Optional.empty(), Optional.of(0)));
            try (ApplicationContext context = ScorelineApplication.start(config)) {
                var server = context.getBean(EmbeddedServer.class).start();
                var hubSpot = sims.hubSpot();
                var organizationId = context.getBean(OrganizationStore.class)
                        .create(NewOrganization.of("bench", "Benchmark", "America/New_York", "monday")).id();
                var integration = context.getBean(IntegrationStore.class).add(NewIntegration.of(organizationId, CrmProvider.HUBSPOT,
                        new CrmCredentials.RefreshToken(hubSpot.path("client_id").asText(), hubSpot.path("client_secret").asText(),
                                hubSpot.path("refresh_token").asText()),
                        Optional.empty(), Optional.of(hubSpot.path("base_url").asText()), Optional.of(hubSpot.path("portal_id").asText())));
                context.getBean(RuleSetStore.class).saveNewVersion(organizationId, integration.id(), resource("/mappings/hubspot.yaml"), "bench");
                var note = "";
                try {
                    try (var connector = context.getBean(ConnectorOpener.class).open(integration)) {
                        context.getBean(CrmIdentityStore.class).sync(organizationId, integration.id(), connector.users(), true);
                    }
                    var synced = context.getBean(SyncService.class).sync(integration.id(), SyncTrigger.MANUAL);
                    log.println("initial sync: " + synced.status().key() + ", " + synced.recordsRead() + " records");
                } catch (ScorelineException e) {
                    note = "no HubSpot processing (" + e.getMessage() + "): acceptance only";
                    log.println(note);
                }
                var transactions = context.getBean(TenantTransactions.class);
                List<String> callIds = transactions.inOrganization(organizationId, tx -> tx.select(CRM_RECORDS.RECORD_ID).from(CRM_RECORDS)
                        .where(CRM_RECORDS.INTEGRATION_ID.eq(integration.id())).and(CRM_RECORDS.OBJECT_TYPE.eq("calls"))
                        .limit(5000).fetch(CRM_RECORDS.RECORD_ID));
                if (callIds.isEmpty()) {
                    callIds = java.util.stream.LongStream.rangeClosed(1, 1000).mapToObj(Long::toString).toList();
                }
                context.getBean(InboxWorkers.class).start();
                var target = URI.create("http://localhost:" + server.getPort() + "/webhooks/hubspot");
                var posted = post(target, hubSpot.path("client_secret").asText(), hubSpot.path("portal_id").asLong(), callIds, events,
                        concurrency, log);
                var waited = waitForInbox(transactions, organizationId, log);
                var latencies = transactions.inOrganization(organizationId, tx -> tx.select(WEBHOOK_INBOX.RECEIVED_AT,
                                WEBHOOK_INBOX.PROCESSED_AT).from(WEBHOOK_INBOX).where(WEBHOOK_INBOX.STATUS.eq(InboxStatus.DONE.key()))
                        .fetch(r -> (double) java.time.Duration.between(r.value1(), r.value2()).toMillis()))
                        .stream().mapToDouble(Double::doubleValue).toArray();
                var toKpi = new Percentiles(latencies);
                var ack = new Percentiles(posted.ackMillis());
                return new WebhookBenchmarkReport(events, posted.batches(), concurrency, posted.seconds(),
                        posted.accepted() / Math.max(0.001, posted.seconds()), ack.at(50), ack.at(99), waited[0], waited[1], waited[2],
                        toKpi.at(50), toKpi.at(95), note.isEmpty() ? (posted.refused() == 0 ? "ok" : posted.refused() + " batches refused") : note,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        }
    }

    private record Posted(long batches, long accepted, long refused, double seconds, double[] ackMillis) {
    }

    private Posted post(URI target, String secret, long portalId, List<String> ids, int events, int concurrency, PrintWriter log) {
        var http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        var slots = new Semaphore(concurrency);
        var acks = new ConcurrentLinkedQueue<Double>();
        var accepted = new AtomicLong();
        var refused = new AtomicLong();
        long eventBase = clock.millis() * 1000;
        int batches = (events + BATCH - 1) / BATCH;
        long started = System.nanoTime();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int b = 0; b < batches; b++) {
                int first = b * BATCH;
                int size = Math.min(BATCH, events - first);
                slots.acquireUninterruptibly();
                executor.submit(() -> {
                    try {
                        var body = batch(portalId, ids, eventBase, first, size);
                        long timestamp = clock.millis();
                        var request = HttpRequest.newBuilder(target).header("Content-Type", "application/json")
                                .header("X-HubSpot-Signature-v3", sign(secret, "POST" + target + body + timestamp))
                                .header("X-HubSpot-Request-Timestamp", Long.toString(timestamp))
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        long sent = System.nanoTime();
                        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        acks.add((System.nanoTime() - sent) / 1_000_000.0);
                        if (response.statusCode() == 200) {
                            accepted.addAndGet(size);
                        } else {
                            refused.incrementAndGet();
                        }
                    } catch (IOException e) {
                        refused.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        slots.release();
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        log.println("posted " + events + " events in " + batches + " batches in " + Math.round(seconds * 10) / 10.0 + " s");
        return new Posted(batches, accepted.get(), refused.get(), seconds, acks.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static String batch(long portalId, List<String> ids, long eventBase, int first, int size) {
        var json = new StringBuilder(size * 260).append('[');
        for (int i = 0; i < size; i++) {
            int n = first + i;
            json.append(i == 0 ? "" : ",").append("{\"eventId\":").append(eventBase + n).append(",\"subscriptionId\":200048,\"portalId\":")
                    .append(portalId).append(",\"appId\":1,\"occurredAt\":").append(eventBase / 1000)
                    .append(",\"subscriptionType\":\"object.propertyChange\",\"attemptNumber\":0,\"objectId\":")
                    .append(ids.get(n % ids.size())).append(",\"objectTypeId\":\"0-48\",\"propertyName\":\"hs_call_disposition\",")
                    .append("\"propertyValue\":\"f240bbac-87c9-4f6e-bf70-924b57d47db7\",\"changeSource\":\"CRM_UI\"}");
        }
        return json.append(']').toString();
    }

    /** Waits until no row is pending or processing, or the inbox stops making progress; returns done, failed, left. */
    private long[] waitForInbox(TenantTransactions transactions, long organizationId, PrintWriter log) {
        long lastLeft = -1;
        long lastProgress = System.nanoTime();
        while (true) {
            var counts = transactions.inOrganization(organizationId, tx -> tx.select(WEBHOOK_INBOX.STATUS, org.jooq.impl.DSL.count())
                    .from(WEBHOOK_INBOX).groupBy(WEBHOOK_INBOX.STATUS).fetchMap(WEBHOOK_INBOX.STATUS, org.jooq.impl.DSL.count()));
            long done = counts.getOrDefault("done", 0);
            long failed = counts.getOrDefault("failed", 0);
            long left = counts.getOrDefault("pending", 0) + counts.getOrDefault("processing", 0);
            if (left == 0) {
                return new long[] {done, failed, 0};
            }
            if (left != lastLeft) {
                lastLeft = left;
                lastProgress = System.nanoTime();
            } else if ((System.nanoTime() - lastProgress) / 1_000_000 > STALL_MILLIS) {
                log.println("the inbox made no progress for " + STALL_MILLIS / 1000 + " s; " + left + " events left");
                return new long[] {done, failed, left};
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new long[] {done, failed, left};
            }
        }
    }

    private static String sign(String secret, String source) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(source.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
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
