package io.scoreline.app.bench;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.config.CliOverrides;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.app.wiring.ScorelineApplication;
import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.identities.CrmUserLinking;
import io.scoreline.pipeline.integrations.NewIntegration;
import io.scoreline.pipeline.integrations.onboarding.IntegrationOnboarding;
import io.scoreline.pipeline.rules.RuleSetVersions;
import io.scoreline.pipeline.sync.OnDemandRuns;
import io.scoreline.pipeline.sync.ProgressListener;
import io.scoreline.pipeline.tenancy.NewOrganization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bench backfill}: the simulator and the whole pipeline on a scratch embedded database,
 * timed end to end, beside a plain {@code COPY} of as many fact rows into a scratch table on the
 * same database, so the figure can be read against what PostgreSQL itself does on this machine.
 */
public final class BackfillBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(BackfillBenchmark.class);

    /** About how many Task rows (calls, e-mails, to-dos) the simulator gives per rep and working day (measured). */
    private static final double TASKS_PER_REP_DAY = 62;

    private static final int DAYS = 90;
    /**
     * The simulator stands in for Salesforce's servers but shares these cores, so it runs on the
     * collector that costs the least CPU (ADR 0018); its pauses only delay the pages it serves.
     */
    private static final List<String> SIMULATOR_JVM = List.of("-Xmx2g", "-XX:+UseParallelGC");

    private final Clock clock;

    public BackfillBenchmark(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param bulkThreshold the scratch process's {@code SCORELINE_BULK_THRESHOLD} (records of an object
     *                      above which the backfill reads it through Bulk API 2.0; 0 = REST only)
     */
    public BenchmarkReport run(long records, long bulkThreshold, Path scratchHome, ProgressListener progress) {
        int reps = (int) Math.max(1, Math.ceil(records / (TASKS_PER_REP_DAY * DAYS * 5.0 / 7.0)));
        var lastDay = LocalDate.now(clock).minusDays(1);
        try (var heap = HeapPeak.start();
                var sims = SimulatorProcess.start(reps, DAYS, SIMULATOR_JVM, List.of())) {
            var env = new HashMap<String, String>();
            env.put(ScorelineConfig.HOME, scratchHome.toString());
            env.put(ScorelineConfig.MASTER_KEY, "benchmark-master-key-not-secret");
            env.put(ScorelineConfig.BULK_THRESHOLD, Long.toString(bulkThreshold));
            try (ApplicationContext context =
                    ScorelineApplication.start(ScorelineConfig.resolve(env, CliOverrides.none()))) {
                long integrationId = connect(context, sims);
                var database = context.getBean(DatabaseRuntime.class);
                var owner = database.ownerEndpoint();
                var databaseTime = new DatabaseTime(owner, database.pool());
                // The dry-run count is not part of the backfill being timed.
                long tasks = taskCount(context, integrationId, lastDay);
                double activeBefore = databaseTime.activeMillis();
                var cpu = CpuMeter.of(sims.handle(), owner);
                var cpuBefore = cpu.read();
                var started = clock.millis();
                var outcome = context.getBean(OnDemandRuns.class)
                        .backfill(integrationId, lastDay.minusDays(DAYS + 1), lastDay, false, progress);
                double seconds = Math.max(0.001, (clock.millis() - started) / 1000.0);
                long peakHeap = heap.peakBytes();
                double databaseSeconds = (databaseTime.activeMillis() - activeBefore) / 1000.0;
                var cpuUsed = cpu.read().minus(cpuBefore);
                var copy = new CopyBaseline(owner).measure(outcome.factsChanged());
                return new BenchmarkReport(
                        outcome.status().key(),
                        tasks,
                        outcome.recordsRead(),
                        outcome.factsChanged(),
                        seconds,
                        outcome.recordsRead() / seconds,
                        outcome.apiCalls(),
                        outcome.recordsRead() == 0 ? 0 : outcome.apiCalls() * 10_000.0 / outcome.recordsRead(),
                        peakHeap,
                        Runtime.getRuntime().maxMemory(),
                        databaseSeconds,
                        cpuUsed,
                        copy.rowsPerSecond(),
                        copy.rowsPerSecond() == 0 ? 0 : (outcome.recordsRead() / seconds) / copy.rowsPerSecond());
            }
        }
    }

    /** What the CRM holds, from the dry run; only reported, so a count the CRM does not answer is -1, not a failed benchmark. */
    private static long taskCount(ApplicationContext context, long integrationId, LocalDate lastDay) {
        try {
            var plan = context.getBean(OnDemandRuns.class)
                    .planBackfill(integrationId, lastDay.minusDays(DAYS + 1), lastDay);
            return plan.objects().stream()
                    .filter(o -> o.objectType().equals("Task"))
                    .mapToLong(o -> o.records())
                    .sum();
        } catch (ScorelineException e) {
            LOG.warn("The dry-run count failed ({}); reporting -1 Task records in the CRM", e.getMessage());
            return -1;
        }
    }

    private static long connect(ApplicationContext context, SimulatorProcess sims) {
        var organization = context.getBean(OrganizationStore.class)
                .findBySlug("bench")
                .orElseGet(() -> context.getBean(OrganizationStore.class)
                        .create(NewOrganization.of("bench", "Benchmark", "America/New_York", "monday")));
        var sf = sims.salesforce();
        var integration = context.getBean(IntegrationOnboarding.class)
                .add(
                        organization.slug(),
                        NewIntegration.of(
                                0,
                                CrmProvider.SALESFORCE,
                                new CrmCredentials.RefreshToken(
                                        sf.path("client_id").asText(),
                                        sf.path("client_secret").asText(),
                                        sf.path("refresh_token").asText()),
                                Optional.of(sf.path("login_url").asText()),
                                Optional.empty(),
                                Optional.empty()))
                .integration();
        context.getBean(RuleSetVersions.class)
                .setOrFail(integration.id(), stockRules(), "bench", "mappings/salesforce.yaml");
        context.getBean(CrmUserLinking.class).sync(integration.id(), true);
        return integration.id();
    }

    private static String stockRules() {
        try (var in = BackfillBenchmark.class.getResourceAsStream("/mappings/salesforce.yaml")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
