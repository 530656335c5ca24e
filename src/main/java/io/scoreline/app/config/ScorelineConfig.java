package io.scoreline.app.config;

import io.scoreline.failure.ScorelineException;
import io.scoreline.gamification.EvaluatorSettings;
import io.scoreline.gamification.contests.ContestSettings;
import io.scoreline.gamification.goalalerts.GoalAlertSettings;
import io.scoreline.pipeline.database.DatabaseEndpoint;
import io.scoreline.pipeline.database.DatabaseSettings;
import io.scoreline.pipeline.integrations.catalogs.CatalogSettings;
import io.scoreline.pipeline.retention.RetentionSettings;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of a Scoreline process, typed and validated once at start-up. {@link #resolve} is
 * the only place they are read; {@link ScorelineSettings#all} lists what it reads, with the defaults,
 * and docs/configuration.md must list the same (ConfigurationDocumentationTest).
 */
public record ScorelineConfig(
        Path home,
        DatabaseSettings database,
        Optional<String> masterKey,
        int httpPort,
        Duration syncInterval,
        int schedulerThreads,
        ContestSettings contests,
        EvaluatorSettings evaluator,
        WebhookSettings webhooks,
        RunLimits runLimits,
        RetentionSettings retention,
        Duration catalogMaxAge,
        Duration formulaRefreshWindow,
        ApiSettings api,
        GoalAlertSettings goalAlerts,
        ConsoleSettings console,
        OAuthSettings oauth) {

    public static final String HOME = "SCORELINE_HOME";
    public static final String DB_URL = "SCORELINE_DB_URL";
    public static final String DB_USER = "SCORELINE_DB_USER";
    public static final String DB_PASSWORD = "SCORELINE_DB_PASSWORD";
    public static final String DB_APP_URL = "SCORELINE_DB_APP_URL";
    public static final String DB_RUNTIME_ROLE = "SCORELINE_DB_RUNTIME_ROLE";
    public static final String DB_POOL_SIZE = "SCORELINE_DB_POOL_SIZE";
    public static final String DB_AUTO_MIGRATE = "SCORELINE_DB_AUTO_MIGRATE";
    public static final String MASTER_KEY = "SCORELINE_MASTER_KEY";
    public static final String HTTP_PORT = "SCORELINE_HTTP_PORT";
    public static final String SYNC_INTERVAL = "SCORELINE_SYNC_INTERVAL";
    public static final String SCHEDULER_THREADS = "SCORELINE_SCHEDULER_THREADS";
    public static final String CONTEST_TICK = "SCORELINE_CONTEST_TICK";
    public static final String RANK_NOTIFY_COALESCE = "SCORELINE_RANK_NOTIFY_COALESCE";
    public static final String EVALUATOR_WORKERS = "SCORELINE_EVALUATOR_WORKERS";
    public static final String EVALUATOR_POLL_INTERVAL = "SCORELINE_EVALUATOR_POLL_INTERVAL";
    public static final String EVALUATOR_BATCH_SIZE = "SCORELINE_EVALUATOR_BATCH_SIZE";
    public static final String EVALUATOR_WORKING_DAYS = "SCORELINE_EVALUATOR_WORKING_DAYS";
    public static final String EVALUATOR_PB_MIN_HISTORY = "SCORELINE_EVALUATOR_PB_MIN_HISTORY";
    public static final String QUOTA_SHARE = "SCORELINE_QUOTA_SHARE";
    public static final String BACKFILL_QUOTA_SHARE = "SCORELINE_BACKFILL_QUOTA_SHARE";
    public static final String BULK_THRESHOLD = "SCORELINE_BULK_THRESHOLD";
    public static final String ORG_QUOTA_SHARE = "SCORELINE_ORG_QUOTA_SHARE";
    public static final String RETENTION_INBOX_DONE = "SCORELINE_RETENTION_INBOX_DONE";
    public static final String RETENTION_KPI_CHANGES = "SCORELINE_RETENTION_KPI_CHANGES";
    public static final String RETENTION_RUNS = "SCORELINE_RETENTION_RUNS";
    /** How far back the nightly formula-field refresh re-reads (ADR 0035). */
    public static final String FORMULA_REFRESH_WINDOW = "SCORELINE_FORMULA_REFRESH_WINDOW";

    public static final Duration DEFAULT_FORMULA_REFRESH_WINDOW = Duration.ofDays(7);
    public static final String RETENTION_BATCH_SIZE = "SCORELINE_RETENTION_BATCH_SIZE";
    public static final String RETENTION_INTERVAL = "SCORELINE_RETENTION_INTERVAL";
    public static final String CATALOG_MAX_AGE = "SCORELINE_CATALOG_MAX_AGE";
    /** How far below pace a person falls before a behind-pace notification (issue 23). */
    public static final String GOAL_BEHIND_PACE_SHARE = "SCORELINE_GOAL_BEHIND_PACE_SHARE";

    public static ScorelineConfig resolve(Map<String, String> environment, CliOverrides overrides) {
        return resolve(new SettingsReader(environment), overrides);
    }

    /** Reads every setting whatever the others say, so that {@link ScorelineSettings#all} sees each one. */
    static ScorelineConfig resolve(SettingsReader settings, CliOverrides overrides) {
        var home = settings.defaultShownAs(HOME, "~/.scoreline")
                .text(HOME)
                .map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".scoreline"))
                .toAbsolutePath();
        var url = overrides
                .databaseUrl()
                .or(() -> settings.defaultShownAs(DB_URL, "embedded").text(DB_URL))
                .map(u -> jdbcUrl(u, overrides.databaseUrl().isPresent() ? "--db" : DB_URL));
        var user = settings.defaultShownAs(DB_USER, "from the URL").text(DB_USER);
        var password = settings.defaultShownAs(DB_PASSWORD, "from the URL").text(DB_PASSWORD);
        var owner = url.map(u -> new DatabaseEndpoint(u, user.orElse(null), password.orElse(null)));
        var runtime = settings.text(DB_APP_URL).map(u -> new DatabaseEndpoint(jdbcUrl(u, DB_APP_URL), null, null));
        var role = settings.text(DB_RUNTIME_ROLE, DatabaseSettings.DEFAULT_RUNTIME_ROLE);
        if (!role.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw ScorelineException.badInput(DB_RUNTIME_ROLE + " must be a lower-case role name, got '" + role + "'");
        }
        var database = new DatabaseSettings(
                owner,
                runtime,
                home.resolve("pg"),
                role,
                settings.integer(DB_POOL_SIZE, 16, 1, 200),
                // The embedded database is ours to migrate; an external one is migrated on purpose.
                settings.defaultShownAs(DB_AUTO_MIGRATE, "true embedded, false external")
                        .bool(DB_AUTO_MIGRATE, owner.isEmpty()));
        int schedulerThreads = settings.integer(SCHEDULER_THREADS, 2, 1, 32);
        // A run holds one connection for its run lock the whole time and writes through another, so
        // a pool no larger than the runs it may host at once can starve every one of them.
        if (database.poolSize() < schedulerThreads + 2) {
            throw ScorelineException.badInput(
                    DB_POOL_SIZE + " must be at least " + SCHEDULER_THREADS + " + 2 (" + (schedulerThreads + 2)
                            + "): each running sync holds a connection for its run lock and needs another to write; got "
                            + database.poolSize());
        }
        var rankNotifyCoalesce = settings.duration(
                RANK_NOTIFY_COALESCE, ContestSettings.defaults().rankNotifyCoalesce());
        int port = overrides.httpPort().orElseGet(() -> settings.integer(HTTP_PORT, 8080, 0, 65535));
        if (port < 0 || port > 65535) {
            throw ScorelineException.badInput("--port must be from 0 to 65535, got " + port);
        }
        return new ScorelineConfig(
                home,
                database,
                settings.defaultShownAs(MASTER_KEY, "key file").text(MASTER_KEY),
                port,
                settings.duration(SYNC_INTERVAL, Duration.ofHours(1)),
                schedulerThreads,
                new ContestSettings(
                        settings.duration(
                                CONTEST_TICK, ContestSettings.defaults().tick()),
                        rankNotifyCoalesce),
                evaluator(settings),
                WebhookSettings.read(settings),
                runLimits(settings),
                retention(settings),
                settings.duration(CATALOG_MAX_AGE, CatalogSettings.DEFAULT_MAX_AGE),
                formulaRefreshWindow(settings),
                ApiSettings.read(settings),
                new GoalAlertSettings(
                        settings.fraction(GOAL_BEHIND_PACE_SHARE, GoalAlertSettings.DEFAULT_BEHIND_PACE_SHARE),
                        rankNotifyCoalesce),
                ConsoleSettings.read(settings),
                OAuthSettings.read(settings));
    }

    /** At most 90 days: the first sync's window; a longer re-read every night is a backfill's job. */
    private static Duration formulaRefreshWindow(SettingsReader settings) {
        var window = settings.duration(FORMULA_REFRESH_WINDOW, DEFAULT_FORMULA_REFRESH_WINDOW);
        if (window.compareTo(Duration.ofDays(90)) > 0) {
            throw ScorelineException.badInput(
                    FORMULA_REFRESH_WINDOW + " must be at most P90D (a longer re-read is a backfill), got " + window);
        }
        return window;
    }

    private static EvaluatorSettings evaluator(SettingsReader settings) {
        var defaults = EvaluatorSettings.defaults();
        return new EvaluatorSettings(
                settings.integer(EVALUATOR_WORKERS, defaults.workers(), 0, 32),
                settings.duration(EVALUATOR_POLL_INTERVAL, defaults.pollInterval()),
                settings.integer(EVALUATOR_BATCH_SIZE, defaults.batchSize(), 1, 10_000),
                settings.defaultShownAs(EVALUATOR_WORKING_DAYS, weekdays(defaults.workingDays()))
                        .text(EVALUATOR_WORKING_DAYS)
                        .map(ScorelineConfig::workingDays)
                        .orElse(defaults.workingDays()),
                settings.integer(EVALUATOR_PB_MIN_HISTORY, defaults.personalBestMinHistory(), 1, 520));
    }

    /** A comma-separated list of weekday names, e.g. {@code monday,tuesday,wednesday,thursday,friday}. */
    private static java.util.Set<DayOfWeek> workingDays(String value) {
        var days = EnumSet.noneOf(DayOfWeek.class);
        for (var part : value.split(",")) {
            try {
                days.add(DayOfWeek.valueOf(part.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ScorelineException.badInput(EVALUATOR_WORKING_DAYS
                        + " must list weekdays such as monday,tuesday,wednesday,thursday,friday; got '" + value + "'");
            }
        }
        return days;
    }

    /** The form {@link #workingDays} reads: {@code monday,tuesday,wednesday,thursday,friday}. */
    private static String weekdays(java.util.Set<DayOfWeek> days) {
        return days.stream()
                .sorted()
                .map(d -> d.name().toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.joining(","));
    }

    private static RunLimits runLimits(SettingsReader settings) {
        double share = settings.fraction(QUOTA_SHARE, RunLimits.DEFAULT_QUOTA_SHARE);
        return new RunLimits(
                share,
                settings.defaultShownAs(BACKFILL_QUOTA_SHARE, QUOTA_SHARE).fraction(BACKFILL_QUOTA_SHARE, share),
                settings.wholeNumber(BULK_THRESHOLD, RunLimits.DEFAULT_BULK_THRESHOLD, 0, 1_000_000_000_000L),
                settings.fraction(ORG_QUOTA_SHARE, RunLimits.DEFAULT_ORG_QUOTA_SHARE));
    }

    private static RetentionSettings retention(SettingsReader settings) {
        return new RetentionSettings(
                settings.duration(RETENTION_INBOX_DONE, RetentionSettings.DEFAULT_INBOX_DONE),
                settings.duration(RETENTION_KPI_CHANGES, RetentionSettings.DEFAULT_KPI_CHANGES_PROCESSED),
                settings.duration(RETENTION_RUNS, RetentionSettings.DEFAULT_FINISHED_RUNS),
                settings.integer(RETENTION_BATCH_SIZE, RetentionSettings.DEFAULT_BATCH_SIZE, 1, 100_000),
                settings.duration(RETENTION_INTERVAL, RetentionSettings.DEFAULT_INTERVAL));
    }

    private static String jdbcUrl(String value, String name) {
        if (!value.startsWith("jdbc:postgresql://")) {
            throw ScorelineException.badInput(name + " must be a PostgreSQL JDBC URL such as "
                    + "jdbc:postgresql://host:5432/scoreline?user=scoreline, got '"
                    + new DatabaseEndpoint(value, null, null).display() + "'");
        }
        return value;
    }

    @Override
    public String toString() {
        return "ScorelineConfig[home=" + home + ", database=" + database + ", masterKey="
                + (masterKey.isPresent() ? "***" : "file")
                + ", httpPort=" + httpPort + ", syncInterval=" + syncInterval + ", evaluator=" + evaluator
                + ", webhooks=" + webhooks
                + ", runLimits=" + runLimits + ", retention=" + retention
                + ", formulaRefreshWindow=" + formulaRefreshWindow + ", api=" + api + ", console=" + console + "]";
    }
}
