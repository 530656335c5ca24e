package io.scoreline.app.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.scoreline.app.config.ApiSettings;
import io.scoreline.app.config.CliOverrides;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.app.wiring.ScorelineApplication;
import io.scoreline.gamification.contests.ContestLifecycle;
import io.scoreline.gamification.contests.ContestSetup;
import io.scoreline.gamification.contests.NewContest;
import io.scoreline.gamification.notifications.NotificationKind;
import io.scoreline.gamification.notifications.NotificationStore;
import io.scoreline.pipeline.access.ApiKeys;
import io.scoreline.pipeline.access.Scope;
import io.scoreline.pipeline.audit.Actor;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.tenancy.NewOrganization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code bench api}: a real server ({@code serve}'s HTTP side) on a scratch embedded database
 * seeded with N KPI facts of 50 people, a live contest and notifications, and an open-loop load on
 * the three endpoints a sales app polls: a contest's leaderboard, 30 days of KPI values of 50
 * people, and the notification feed after a cursor.
 *
 * <p>The facts are written with SQL, not by a backfill: the endpoints read {@code kpi_values}, the
 * contest's scores and {@code notifications}, never the facts, and a backfill of a million
 * records through the simulator takes minutes of the shared cores before the first request. The
 * seed writes the facts ({@code kpi_facts}, so the tables are their real size) and {@code
 * kpi_values} as their per-day sums, as the pipeline leaves them; the contest goes live through
 * its lifecycle, which scores it from those values.
 */
public final class ApiBenchmark {

    /** KPIs of the seeded facts; the contest and the KPI query use the first. */
    private static final List<String> KPIS = List.of("calls_made", "emails_sent", "meetings_held");

    private static final int DAYS = 365;
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final Pattern NEXT = Pattern.compile("\"next\"\\s*:\\s*\"([^\"]+)\"");

    private final Clock clock;

    public ApiBenchmark(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param facts         KPI facts seeded, spread over the people, {@link #KPIS} and the last year
     * @param people        profiles (in five teams)
     * @param notifications notifications seeded, spread over the people
     * @param rate          requests per second offered, over all endpoints
     * @param duration      how long the measured load runs
     * @param warmup        load at the same rate before, not measured
     */
    public record Load(long facts, int people, int notifications, int rate, Duration duration, Duration warmup) {}

    public ApiBenchmarkReport run(Load load, Path scratchHome, PrintWriter log) {
        var env = new HashMap<String, String>();
        env.put(ScorelineConfig.HOME, scratchHome.toString());
        env.put(ScorelineConfig.MASTER_KEY, "benchmark-master-key-not-secret");
        // One key carries the whole load: its limit must not be what is measured.
        String limit = Integer.toString(Math.min(100_000, Math.max(1, load.rate()) * 4));
        env.put(ApiSettings.RATE_LIMIT, limit);
        env.put(ApiSettings.RATE_BURST, limit);
        var config = ScorelineConfig.resolve(env, new CliOverrides(Optional.empty(), Optional.of(0)));
        try (ApplicationContext context = ScorelineApplication.start(config)) {
            var server = context.getBean(EmbeddedServer.class).start();
            var today = clock.instant().atZone(ZONE).toLocalDate();
            var organization = context.getBean(OrganizationStore.class)
                    .create(NewOrganization.of("bench", "Benchmark", ZONE.getId(), "monday"));
            long started = System.nanoTime();
            long kpiRows = seed(context, organization.id(), load, today);
            analyze(context.getBean(DatabaseRuntime.class));
            var contest = context.getBean(ContestSetup.class)
                    .create(
                            "bench",
                            NewContest.of(
                                    "Bench race",
                                    KPIS.getFirst(),
                                    today.minusDays(14).toString(),
                                    today.plusDays(14).toString(),
                                    false,
                                    null,
                                    null,
                                    null))
                    .contest();
            context.getBean(ContestLifecycle.class).tick();
            notifications(context, organization.id(), contest.id(), load);
            double seedSeconds = (System.nanoTime() - started) / 1e9;
            log.println("seeded " + load.facts() + " facts (" + kpiRows + " kpi_values rows), " + load.people()
                    + " people, a live contest, " + load.notifications() + " notifications in "
                    + Math.round(seedSeconds) + " s");

            var key = context.getBean(ApiKeys.class)
                    .create("bench", new ApiKeys.NewApiKey("bench", Scope.READ, Optional.empty()), Actor.OPERATOR)
                    .key()
                    .text();
            var base = "http://localhost:" + server.getPort() + "/api/v1";
            var client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            var apiLoad = new ApiLoad(client, key);
            var targets = new ArrayList<ApiLoad.Target>();
            var absent = new ArrayList<String>();
            offer(
                    apiLoad,
                    targets,
                    absent,
                    "leaderboard",
                    URI.create(base + "/contests/" + contest.id() + "/leaderboard"));
            offer(
                    apiLoad,
                    targets,
                    absent,
                    "kpi_values",
                    URI.create(base + "/kpi-values?kpi=" + KPIS.getFirst() + "&group=week&limit=500&from="
                            + today.minusDays(29) + "&to=" + today));
            var feed = apiLoad.fetch(URI.create(base + "/notifications?limit=50"));
            if (feed.statusCode() == 200) {
                var cursor = NEXT.matcher(feed.body());
                var after = cursor.find()
                        ? "after=" + URLEncoder.encode(cursor.group(1), StandardCharsets.UTF_8) + "&"
                        : "";
                offer(
                        apiLoad,
                        targets,
                        absent,
                        "notifications",
                        URI.create(base + "/notifications?" + after + "limit=50"));
            } else {
                absent.add("notifications");
            }
            if (!absent.isEmpty()) {
                log.println("not on this build (404 or refused), left out of the load: " + String.join(", ", absent));
            }
            if (targets.isEmpty()) {
                return new ApiBenchmarkReport(
                        load, List.of(), absent, 0, kpiRows, seedSeconds, loadAverage(), loadAverage(), 0);
            }
            if (!load.warmup().isZero()) {
                apiLoad.offer(targets, load.rate(), load.warmup());
                log.println(
                        "warm-up: " + load.warmup().toSeconds() + " s at " + load.rate() + " requests/s (not counted)");
            }
            double loadBefore = loadAverage();
            try (var heap = HeapPeak.start()) {
                var outcomes = apiLoad.offer(targets, load.rate(), load.duration());
                return new ApiBenchmarkReport(
                        load,
                        outcomes,
                        absent,
                        targets.size(),
                        kpiRows,
                        seedSeconds,
                        loadBefore,
                        loadAverage(),
                        heap.peakBytes());
            }
        }
    }

    /** Adds the endpoint to the load if it answers 200 once; a route this build lacks is reported as absent. */
    private static void offer(ApiLoad load, List<ApiLoad.Target> targets, List<String> absent, String name, URI uri) {
        if (load.fetch(uri).statusCode() == 200) {
            targets.add(new ApiLoad.Target(name, uri));
        } else {
            absent.add(name);
        }
    }

    /** Teams, people, an integration the facts came from, the facts and their daily sums. @return kpi_values rows */
    private static long seed(ApplicationContext context, long organizationId, Load load, LocalDate today) {
        return context.getBean(TenantTransactions.class).inOrganization(organizationId, tx -> {
            tx.execute(
                    "insert into teams (organization_id, name) select ?, 'Team ' || t from generate_series(1, 5) t",
                    organizationId);
            tx.execute(
                    "insert into profiles (organization_id, email, name, team_id) "
                            + "select ?, 'rep' || lpad(p::text, 3, '0') || '@bench.example', 'Rep ' || p, "
                            + "(select id from teams where organization_id = ? and name = 'Team ' || (1 + p % 5)) "
                            + "from generate_series(1, ?) p",
                    organizationId, organizationId, load.people());
            long integration = tx.fetchSingle(
                            "insert into integrations (organization_id, provider, status, credentials) "
                                    + "values (?, 'salesforce', 'paused', 'not-a-ciphertext: bench seed') returning id",
                            organizationId)
                    .get(0, Long.class);
            // Fact i: person i mod N, KPI i mod 3, and the days before today in turn, so every person has every KPI on
            // every day of the year once there are enough facts; values 1 to 3.
            tx.execute(
                    "insert into kpi_facts (organization_id, integration_id, object_type, record_id, kpi_key, "
                            + "profile_id, local_date, occurred_at, value) "
                            + "select ?, ?, 'Task', 'T' || i, (array['calls_made','emails_sent','meetings_held'])[cast(1 + i % 3 as integer)], "
                            + "p.ids[cast(1 + i % cardinality(p.ids) as integer)], cast(? as date) - cast((i / (3 * cardinality(p.ids))) % ? as integer), now(), 1 + (i % 3) * (i % 2) "
                            + "from generate_series(1, ?) i, "
                            + "(select array_agg(id order by id) ids from profiles where organization_id = ?) p",
                    organizationId, integration, today, DAYS, load.facts(), organizationId);
            return (long) tx.execute(
                    "insert into kpi_values (organization_id, profile_id, kpi_key, period_date, value, fact_count) "
                            + "select organization_id, profile_id, kpi_key, local_date, sum(value), count(*) "
                            + "from kpi_facts where organization_id = ? group by 1, 2, 3, 4",
                    organizationId);
        });
    }

    /** Fresh statistics, as autovacuum would gather after the first minute of a real backfill. */
    private static void analyze(DatabaseRuntime database) {
        var owner = database.ownerEndpoint();
        try (var connection = DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password());
                var statement = connection.createStatement()) {
            statement.execute("analyze kpi_facts, kpi_values, profiles, teams");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot analyze the seeded tables: " + e.getMessage(), e);
        }
    }

    /** The rank changes a live contest would have sent, spread over the people. */
    private static void notifications(ApplicationContext context, long organizationId, long contestId, Load load) {
        var store = context.getBean(NotificationStore.class);
        context.getBean(TenantTransactions.class).inOrganization(organizationId, tx -> {
            var people = tx.fetch("select id from profiles where organization_id = ? order by id", organizationId)
                    .getValues(0, Long.class);
            for (int i = 0; i < load.notifications(); i++) {
                long profile = people.get(i % people.size());
                var kind = i % 2 == 0 ? NotificationKind.ENTERED_TOP3 : NotificationKind.TOOK_LEAD;
                store.create(
                        tx,
                        organizationId,
                        profile,
                        kind,
                        "bench:" + contestId + ":" + i,
                        "{\"contest_id\":" + contestId + ",\"contest\":\"Bench race\",\"kpi\":\"calls_made\","
                                + "\"participant\":\"p" + profile + "\",\"score\":\"" + (i % 97) + "\",\"rank\":"
                                + (1 + i % 3) + "}");
            }
            return null;
        });
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
