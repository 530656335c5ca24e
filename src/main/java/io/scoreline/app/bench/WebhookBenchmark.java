package io.scoreline.app.bench;

import static io.scoreline.pipeline.db.Tables.CONTEST_PARTICIPANTS;
import static io.scoreline.pipeline.db.Tables.KPI_CHANGES;
import static io.scoreline.pipeline.db.Tables.KPI_FACTS;
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
import io.scoreline.gamification.KpiChangeWorkers;
import io.scoreline.gamification.badges.BadgeCatalogReader;
import io.scoreline.gamification.badges.BadgeStore;
import io.scoreline.gamification.contests.ContestLifecycleTicker;
import io.scoreline.gamification.contests.ContestSetup;
import io.scoreline.gamification.contests.NewContest;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.audit.Actor;
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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code bench webhooks}: the HubSpot simulator in its own JVM, a real server (HTTP, inbox
 * workers) on a scratch embedded database, a synced HubSpot integration, and signed batches of
 * property-change events about its calls posted concurrently. Acknowledgement latency is measured
 * by the poster; event-to-{@code kpi_values} latency is each row's {@code processed_at -
 * received_at}, since a row is marked done in the transaction that moves its KPI values.
 *
 * <p>The server's evaluator runs throughout, as under {@code serve}, with a live contest on the
 * KPI the events move ({@code call_connects}, every person) and, for the open loop, a ladder of
 * daily {@code call_connects} badges that the loop's rising cells cross while it runs; the open
 * loop's events are then attributed to the KPI row, leaderboard row and badge notification they
 * caused ({@link RewardLatencies}).
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
     * @param durationSeconds   how long the open-loop phase offers them
     * @param hubSpotBurstLimit the simulated portal's non-search calls per 10 s
     * @param inboxWorkers      the server's inbox worker threads
     * @param inboxWriters      how many of them write at once
     * @param inboxBatchSize    most inbox rows one claim takes
     */
    public record Load(
            int events,
            int warmup,
            int concurrency,
            int offeredRate,
            int durationSeconds,
            int hubSpotBurstLimit,
            int inboxWorkers,
            int inboxWriters,
            int inboxBatchSize) {}

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
            env.put(WebhookSettings.INBOX_BATCH_SIZE, Integer.toString(load.inboxBatchSize()));
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
                var calls = callsByDay(transactions, organizationId, integration.id());
                List<String> callIds = calls.earlier();
                List<String> openLoopCallIds = calls.later();
                if (callIds.isEmpty() || openLoopCallIds.isEmpty()) {
                    callIds = java.util.stream.LongStream.rangeClosed(1, 1000)
                            .mapToObj(Long::toString)
                            .toList();
                    openLoopCallIds = callIds;
                }
                // Installed before the evaluator catches up with the initial sync, so that the rungs the
                // simulated data already reaches are awarded then and not during the open loop.
                int rungs = installBadgeLadder(context, organizationId);
                var contestId = liveContest(context, organizationId);
                // The evaluator runs as under serve; what the initial sync queued is evaluated first.
                context.getBean(KpiChangeWorkers.class).start();
                waitForEvaluator(transactions, organizationId, log);
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
                Optional<WebhookBenchmarkReport.Rewards> rewards = Optional.empty();
                if (load.offeredRate() > 0) {
                    waitForEvaluator(transactions, organizationId, log);
                    // Calls of the later days, which the rounds before left alone: their (person, day) cells
                    // start where the simulated data put them, and each ladder rung above that which the loop
                    // makes them cross is a new award.
                    var openPoster = new WebhookPoster(
                            URI.create("http://localhost:" + server.getPort() + "/webhooks/hubspot"),
                            hubSpot.path("client_secret").asText(),
                            hubSpot.path("portal_id").asLong(),
                            openLoopCallIds,
                            clock);
                    int openEvents = (int) Math.min(5_000_000L, (long) load.offeredRate() * load.durationSeconds());
                    double loadBefore = loadAverage();
                    var phaseStart = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
                    try (var heap = HeapPeak.start()) {
                        WebhookBenchmarkReport.Phase open;
                        List<RewardObserver.Seen> rows;
                        List<RewardObserver.Seen> badges;
                        long polls;
                        try (var observer = new RewardObserver(transactions, organizationId, contestId, clock)) {
                            open = phase(
                                    transactions,
                                    organizationId,
                                    log,
                                    "open loop, " + load.offeredRate() + " events/s offered for "
                                            + load.durationSeconds() + " s",
                                    (base, events, rate) -> openPoster.openLoop(base, events, rate),
                                    eventBase,
                                    openEvents,
                                    load.offeredRate());
                            waitForEvaluator(transactions, organizationId, log);
                            observer.close();
                            rows = observer.leaderboardRows();
                            badges = observer.badgeNotifications();
                            polls = observer.polls();
                        }
                        var attributed = RewardLatencies.attribute(
                                events(transactions, organizationId, integration.id(), phaseStart),
                                participants(transactions, organizationId, contestId),
                                rows,
                                badges,
                                passes(transactions, organizationId, phaseStart));
                        log.println(attributed.toKpi().line());
                        log.println(attributed.toLeaderboard().line());
                        log.println(attributed.toBadge().line());
                        atRate = Optional.of(open);
                        rewards = Optional.of(new WebhookBenchmarkReport.Rewards(
                                openEvents, attributed, rungs, polls, loadBefore, loadAverage(), heap.peakBytes()));
                    }
                }
                return new WebhookBenchmarkReport(
                        load, saturated, atRate, rewards, note.isEmpty() ? "ok" : note, loadAverage());
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
                ack.at(100),
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

    /** The synced calls, split by the day they fall on: the earlier half of the days and the later. */
    private record CallsByDay(List<String> earlier, List<String> later) {}

    /**
     * At most 5,000 calls of each half of the simulated days (by the day of their
     * {@code calls_made} fact): the warm-up and the closed loop post about the earlier ones, the
     * open loop about the later ones, so that no (person, day) cell is moved by both.
     */
    private static CallsByDay callsByDay(TenantTransactions transactions, long organizationId, long integrationId) {
        var days = transactions.inOrganization(
                organizationId,
                tx -> tx.select(KPI_FACTS.RECORD_ID, KPI_FACTS.LOCAL_DATE)
                        .from(KPI_FACTS)
                        .where(KPI_FACTS.INTEGRATION_ID.eq(integrationId))
                        .and(KPI_FACTS.OBJECT_TYPE.eq("calls"))
                        .and(KPI_FACTS.KPI_KEY.eq("calls_made"))
                        .orderBy(KPI_FACTS.LOCAL_DATE, KPI_FACTS.RECORD_ID)
                        .fetch());
        if (days.isEmpty()) {
            return new CallsByDay(List.of(), List.of());
        }
        var middle = days.get(days.size() / 2).value2();
        var earlier = days.stream()
                .filter(r -> r.value2().isBefore(middle))
                .map(r -> r.value1())
                .limit(5000)
                .toList();
        var later = days.stream()
                .filter(r -> !r.value2().isBefore(middle))
                .map(r -> r.value1())
                .limit(5000)
                .toList();
        return new CallsByDay(earlier, later);
    }

    /** A contest on the KPI the events move, live over every day the simulated calls fall on. */
    private long liveContest(ApplicationContext context, long organizationId) {
        var today = LocalDate.ofInstant(clock.instant(), ZoneId.of("America/New_York"));
        var contest = context.getBean(ContestSetup.class)
                .create(
                        organizationId,
                        new NewContest(
                                "Bench connects",
                                "call_connects",
                                today.minusDays(60),
                                today.plusDays(1),
                                false,
                                Optional.empty(),
                                NewContest.DEFAULT_GRACE,
                                List.of()),
                        Actor.OPERATOR);
        context.getBean(ContestLifecycleTicker.class).tickOnce();
        return contest.contest().id();
    }

    /** Daily {@code call_connects} thresholds every 5 connects up to 200: sticky, so each rung is awarded once. */
    private static int installBadgeLadder(ApplicationContext context, long organizationId) {
        var yaml = new StringBuilder("badges:\n");
        for (int n = 5; n <= 200; n += 5) {
            yaml.append("  - key: bench_connects_day_")
                    .append(n)
                    .append("\n    name: Bench ")
                    .append(n)
                    .append(
                            "\n    category: calling\n    rule: { kind: threshold, kpi: call_connects, period: day, at_least: ")
                    .append(n)
                    .append(" }\n");
        }
        var read = BadgeCatalogReader.read(yaml.toString());
        if (!read.valid()) {
            throw new ScorelineException(
                    FailureKind.BUG,
                    "the bench's badges are invalid: "
                            + read.problems().getFirst().format("bench"));
        }
        return context.getBean(BadgeStore.class).addCustom(organizationId, read.badges(), Actor.OPERATOR);
    }

    /** The phase's events (verification reads are not events), each with its call's person. */
    private static List<RewardLatencies.Event> events(
            TenantTransactions transactions, long organizationId, long integrationId, OffsetDateTime from) {
        return transactions.inOrganization(organizationId, tx -> {
            var people = new HashMap<String, Long>();
            tx.selectDistinct(KPI_FACTS.RECORD_ID, KPI_FACTS.PROFILE_ID)
                    .from(KPI_FACTS)
                    .where(KPI_FACTS.INTEGRATION_ID.eq(integrationId))
                    .and(KPI_FACTS.OBJECT_TYPE.eq("calls"))
                    .and(KPI_FACTS.PROFILE_ID.isNotNull())
                    .fetch()
                    .forEach(r -> people.put(r.value1(), r.value2()));
            return tx
                    .select(WEBHOOK_INBOX.RECORD_ID, WEBHOOK_INBOX.OCCURRED_AT, WEBHOOK_INBOX.PROCESSED_AT)
                    .from(WEBHOOK_INBOX)
                    .where(WEBHOOK_INBOX.STATUS.eq(InboxStatus.DONE.key()))
                    .and(WEBHOOK_INBOX.RECEIVED_AT.ge(from))
                    .and(WEBHOOK_INBOX.EVENT_TYPE.ne(InboxEvent.VERIFY))
                    .fetch()
                    .stream()
                    .map(r -> new RewardLatencies.Event(
                            people.getOrDefault(r.value1(), -1L),
                            r.value2().toInstant(),
                            r.value3().toInstant()))
                    .toList();
        });
    }

    private static java.util.Set<Long> participants(
            TenantTransactions transactions, long organizationId, long contestId) {
        return java.util.Set.copyOf(transactions.inOrganization(
                organizationId,
                tx -> tx.select(CONTEST_PARTICIPANTS.PROFILE_ID)
                        .from(CONTEST_PARTICIPANTS)
                        .where(CONTEST_PARTICIPANTS.CONTEST_ID.eq(contestId))
                        .fetch(CONTEST_PARTICIPANTS.PROFILE_ID)));
    }

    /** Per person, when the evaluator claimed their changes during the phase. */
    private static Map<Long, NavigableSet<Instant>> passes(
            TenantTransactions transactions, long organizationId, OffsetDateTime from) {
        var passes = new HashMap<Long, NavigableSet<Instant>>();
        transactions
                .inOrganization(
                        organizationId,
                        tx -> tx.selectDistinct(KPI_CHANGES.PROFILE_ID, KPI_CHANGES.PROCESSED_AT)
                                .from(KPI_CHANGES)
                                .where(KPI_CHANGES.PROCESSED_AT.ge(from))
                                .fetch())
                .forEach(r -> passes.computeIfAbsent(r.value1(), p -> new TreeSet<>())
                        .add(r.value2().toInstant()));
        return passes;
    }

    /**
     * Waits until the evaluator has no change of the organization left to process, or makes no
     * progress for as long as the inbox may.
     */
    private static void waitForEvaluator(TenantTransactions transactions, long organizationId, PrintWriter log) {
        long lastLeft = -1;
        long lastProgress = System.nanoTime();
        while (true) {
            int left = transactions.inOrganization(
                    organizationId, tx -> tx.fetchCount(KPI_CHANGES, KPI_CHANGES.PROCESSED_AT.isNull()));
            if (left == 0) {
                return;
            }
            if (left != lastLeft) {
                lastLeft = left;
                lastProgress = System.nanoTime();
            } else if ((System.nanoTime() - lastProgress) / 1_000_000 > STALL_MILLIS) {
                log.println("the evaluator made no progress for " + STALL_MILLIS / 1000 + " s; " + left
                        + " KPI changes left");
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
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
