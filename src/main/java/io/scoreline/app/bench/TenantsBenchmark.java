package io.scoreline.app.bench;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.config.CliOverrides;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.app.wiring.ScorelineApplication;
import io.scoreline.pipeline.database.DatabaseEndpoint;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.scheduling.IntegrationScheduler;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code bench tenants}: many small organizations on one database, synced by the clustered
 * schedule compressed to a minute, timed over one pass (every integration's first scheduled
 * run). The tenants are set up with the schedule on standby; every integration is then overdue,
 * so the pass starts for all of them at once when the nodes start, the most a node can be asked.
 *
 * <p>A second node is a second application context in this JVM on a pool of its own against the
 * first one's database (as {@code serve} with {@code SCORELINE_DB_URL}): its own scheduler, sync
 * service and connectors, so the cluster's claim of each fire is the real one. One JVM, not two,
 * because the host has two cores: a second JVM's own JIT and collector would be measured as the
 * cluster's cost (ADR 0055). The heap peak is then both nodes'.
 */
public final class TenantsBenchmark {

    /** The hourly schedule compressed: every integration is due at each minute's start. */
    static final Duration PERIOD = Duration.ofMinutes(1);

    private static final Duration POLL = Duration.ofSeconds(2);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final String MASTER_KEY = "benchmark-master-key-not-secret";
    private static final int HISTORY_DAYS = 3;
    // Each tenant's CRM has its own rate limit; here they share one simulated account, so its limit
    // is lifted rather than measured N times over.
    private static final String UNLIMITED_BURST = "1000000";

    private final Clock clock;

    public TenantsBenchmark(Clock clock) {
        this.clock = clock;
    }

    public TenantsReport run(TenantsLoad load, Path scratch, PrintWriter log) {
        try (var heap = HeapPeak.start();
                var sims = SimulatorProcess.start(
                        load.reps(),
                        HISTORY_DAYS,
                        List.of("-Xmx1g", "-XX:+UseParallelGC"),
                        List.of(
                                "--live-rate",
                                Integer.toString(load.liveRate()),
                                "--hubspot-burst-limit",
                                UNLIMITED_BURST))) {
            var first = config(load, scratch.resolve("node-1"), Map.of());
            try (ApplicationContext node1 = ScorelineApplication.start(first)) {
                var owner = node1.getBean(DatabaseRuntime.class).ownerEndpoint();
                var setupStarted = clock.instant();
                TenantFleet.create(node1, sims, load.integrations(), log);
                double setupSeconds = seconds(setupStarted, clock.instant());
                var nodes = new ArrayList<ApplicationContext>();
                nodes.add(node1);
                try {
                    for (int n = 2; n <= load.nodes(); n++) {
                        nodes.add(ScorelineApplication.start(
                                config(load, scratch.resolve("node-" + n), external(owner))));
                    }
                    return pass(load, first, nodes, owner, sims, heap, setupSeconds, log);
                } finally {
                    // Node 1 is closed by its try; the others before it, while the database is up.
                    nodes.subList(1, nodes.size()).forEach(ApplicationContext::close);
                }
            }
        }
    }

    private TenantsReport pass(
            TenantsLoad load,
            ScorelineConfig config,
            List<ApplicationContext> nodes,
            DatabaseEndpoint owner,
            SimulatorProcess sims,
            HeapPeak heap,
            double setupSeconds,
            PrintWriter log) {
        var cpu = CpuMeter.of(sims.handle(), owner);
        try (var connections = ConnectionPeak.start(owner)) {
            var cpuBefore = cpu.read();
            double loadBefore = loadAverage();
            var started = clock.instant();
            nodes.forEach(node -> node.getBean(IntegrationScheduler.class).start());
            log.println("pass started on " + nodes.size() + " node(s): " + load.integrations() + " integrations due");
            var deadline = started.plus(load.timeout());
            var nextProgress = started.plus(PROGRESS_EVERY);
            long finished = 0;
            while (finished < load.integrations() && clock.instant().isBefore(deadline)) {
                LockSupport.parkNanos(POLL.toNanos());
                finished = PassFigures.finished(owner);
                if (!clock.instant().isBefore(nextProgress)) {
                    log.println("pass: " + finished + "/" + load.integrations() + " integrations synced after "
                            + Math.round(seconds(started, clock.instant())) + " s");
                    nextProgress = nextProgress.plus(PROGRESS_EVERY);
                }
            }
            // Stop firing before reading: a node left running would start the next pass meanwhile.
            nodes.forEach(node -> node.getBean(IntegrationScheduler.class).standby());
            var pass = PassFigures.read(owner, started, PERIOD);
            var cpuUsed = cpu.read().minus(cpuBefore);
            boolean complete = pass.integrationsRun() >= load.integrations();
            double passSeconds = seconds(started, complete ? pass.end() : clock.instant());
            return new TenantsReport(
                    load.integrations(),
                    nodes.size(),
                    config.schedulerThreads(),
                    config.database().poolSize(),
                    setupSeconds,
                    passSeconds,
                    complete,
                    pass,
                    connections.peak(),
                    heap.peakBytes(),
                    Runtime.getRuntime().maxMemory(),
                    cpuUsed,
                    loadBefore,
                    loadAverage());
        }
    }

    private static ScorelineConfig config(TenantsLoad load, Path home, Map<String, String> more) {
        var env = new HashMap<String, String>(more);
        env.put(ScorelineConfig.HOME, home.toString());
        env.put(ScorelineConfig.MASTER_KEY, MASTER_KEY);
        env.put(ScorelineConfig.SYNC_INTERVAL, PERIOD.toString());
        load.schedulerThreads()
                .ifPresent(threads -> env.put(ScorelineConfig.SCHEDULER_THREADS, Integer.toString(threads)));
        System.getenv().entrySet().stream()
                .filter(e -> e.getKey().equals(ScorelineConfig.DB_POOL_SIZE))
                .forEach(e -> env.putIfAbsent(e.getKey(), e.getValue()));
        return ScorelineConfig.resolve(env, CliOverrides.none());
    }

    /** A further node: the first node's database, as {@code serve} on another machine would have it. */
    private static Map<String, String> external(DatabaseEndpoint owner) {
        var env = new HashMap<String, String>();
        env.put(ScorelineConfig.DB_URL, owner.jdbcUrl());
        if (owner.user() != null) {
            env.put(ScorelineConfig.DB_USER, owner.user());
        }
        if (owner.password() != null) {
            env.put(ScorelineConfig.DB_PASSWORD, owner.password());
        }
        env.put(ScorelineConfig.DB_AUTO_MIGRATE, "false");
        return env;
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(0.001, Duration.between(from, to).toMillis() / 1000.0);
    }
}
