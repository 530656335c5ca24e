package io.scoreline.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorelineConfigTest {

    @TempDir
    Path home;

    @Test
    void defaultsToTheEmbeddedDatabaseUnderHome() {
        var config = ScorelineConfig.resolve(Map.of("SCORELINE_HOME", home.toString()), CliOverrides.none());
        assertThat(config.database().embedded()).isTrue();
        assertThat(config.database().autoMigrate()).isTrue();
        assertThat(config.database().embeddedDataDirectory()).isEqualTo(home.resolve("pg"));
        assertThat(config.database().poolSize()).isEqualTo(16);
        assertThat(config.syncInterval()).isEqualTo(java.time.Duration.ofHours(1));
        assertThat(config.schedulerThreads()).isEqualTo(2);
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.runLimits()).isEqualTo(new RunLimits(0.5, 0.5, 50_000, 0.9));
    }

    @Test
    void backfillShareFollowsTheSyncShareUnlessSetItself() {
        var shared = ScorelineConfig.resolve(
                Map.of("SCORELINE_QUOTA_SHARE", "0.3", "SCORELINE_BULK_THRESHOLD", "0"), CliOverrides.none());
        assertThat(shared.runLimits()).isEqualTo(new RunLimits(0.3, 0.3, 0, 0.9));
        var own = ScorelineConfig.resolve(
                Map.of(
                        "SCORELINE_QUOTA_SHARE",
                        "1",
                        "SCORELINE_BACKFILL_QUOTA_SHARE",
                        ".25",
                        "SCORELINE_BULK_THRESHOLD",
                        "100_000",
                        "SCORELINE_ORG_QUOTA_SHARE",
                        "0.8"),
                CliOverrides.none());
        assertThat(own.runLimits()).isEqualTo(new RunLimits(1.0, 0.25, 100_000, 0.8));
    }

    @Test
    void externalDatabaseIsNotMigratedUnlessAsked() {
        var config = ScorelineConfig.resolve(
                Map.of("SCORELINE_DB_URL", "jdbc:postgresql://db:5432/scoreline"), CliOverrides.none());
        assertThat(config.database().embedded()).isFalse();
        assertThat(config.database().autoMigrate()).isFalse();
    }

    @Test
    void commandLineWinsOverTheEnvironment() {
        var config = ScorelineConfig.resolve(
                Map.of("SCORELINE_DB_URL", "jdbc:postgresql://env/x", "SCORELINE_HTTP_PORT", "9000"),
                new CliOverrides(Optional.of("jdbc:postgresql://cli/y"), Optional.of(9100)));
        assertThat(config.database().owner().orElseThrow().jdbcUrl()).isEqualTo("jdbc:postgresql://cli/y");
        assertThat(config.httpPort()).isEqualTo(9100);
    }

    @Test
    void badValuesNameTheSetting() {
        assertRejected(
                Map.of("SCORELINE_HTTP_PORT", "eighty"),
                "SCORELINE_HTTP_PORT must be a whole number from 0 to 65535, got 'eighty'");
        assertRejected(
                Map.of("SCORELINE_DB_POOL_SIZE", "0"),
                "SCORELINE_DB_POOL_SIZE must be a whole number from 1 to 200, got '0'");
        assertRejected(
                Map.of("SCORELINE_DB_AUTO_MIGRATE", "maybe"),
                "SCORELINE_DB_AUTO_MIGRATE must be true or false, got 'maybe'");
        assertRejected(Map.of("SCORELINE_DB_URL", "postgres://x"), "SCORELINE_DB_URL must be a PostgreSQL JDBC URL");
        assertRejected(
                Map.of("SCORELINE_DB_RUNTIME_ROLE", "App; drop"),
                "SCORELINE_DB_RUNTIME_ROLE must be a lower-case role name");
        assertRejected(
                Map.of("SCORELINE_SYNC_INTERVAL", "hourly"),
                "SCORELINE_SYNC_INTERVAL must be a positive ISO-8601 duration");
        assertRejected(
                Map.of("SCORELINE_SCHEDULER_THREADS", "0"),
                "SCORELINE_SCHEDULER_THREADS must be a whole number from 1 to 32");
        assertRejected(
                Map.of("SCORELINE_DB_POOL_SIZE", "3"),
                "SCORELINE_DB_POOL_SIZE must be at least SCORELINE_SCHEDULER_THREADS + 2 (4)");
        assertRejected(
                Map.of("SCORELINE_DB_POOL_SIZE", "5", "SCORELINE_SCHEDULER_THREADS", "4"),
                "SCORELINE_DB_POOL_SIZE must be at least SCORELINE_SCHEDULER_THREADS + 2 (6)");
        assertRejected(
                Map.of("SCORELINE_QUOTA_SHARE", "0"),
                "SCORELINE_QUOTA_SHARE must be a fraction more than 0 and at most 1");
        assertRejected(Map.of("SCORELINE_QUOTA_SHARE", "50%"), "SCORELINE_QUOTA_SHARE must be a fraction");
        assertRejected(
                Map.of("SCORELINE_BACKFILL_QUOTA_SHARE", "1.5"), "SCORELINE_BACKFILL_QUOTA_SHARE must be a fraction");
        assertRejected(
                Map.of("SCORELINE_BULK_THRESHOLD", "-1"), "SCORELINE_BULK_THRESHOLD must be a whole number from 0");
        assertRejected(Map.of("SCORELINE_ORG_QUOTA_SHARE", "90%"), "SCORELINE_ORG_QUOTA_SHARE must be a fraction");
    }

    @Test
    void retentionHasDocumentedDefaultsAndNamesTheSettingWhenBad() {
        var defaults = ScorelineConfig.resolve(Map.of("SCORELINE_HOME", home.toString()), CliOverrides.none())
                .retention();
        assertThat(defaults).isEqualTo(io.scoreline.pipeline.retention.RetentionSettings.defaults());
        assertThat(defaults.inboxDone()).isEqualTo(java.time.Duration.ofDays(7));
        assertThat(defaults.kpiChangesProcessed()).isEqualTo(java.time.Duration.ofDays(7));
        assertThat(defaults.finishedRuns()).isEqualTo(java.time.Duration.ofDays(90));
        assertThat(defaults.batchSize()).isEqualTo(1_000);
        var set = ScorelineConfig.resolve(
                        Map.of(
                                "SCORELINE_RETENTION_INBOX_DONE",
                                "P2D",
                                "SCORELINE_RETENTION_KPI_CHANGES",
                                "P1D",
                                "SCORELINE_RETENTION_RUNS",
                                "P30D",
                                "SCORELINE_RETENTION_BATCH_SIZE",
                                "500",
                                "SCORELINE_RETENTION_INTERVAL",
                                "PT10M"),
                        CliOverrides.none())
                .retention();
        assertThat(set)
                .isEqualTo(new io.scoreline.pipeline.retention.RetentionSettings(
                        java.time.Duration.ofDays(2),
                        java.time.Duration.ofDays(1),
                        java.time.Duration.ofDays(30),
                        500,
                        java.time.Duration.ofMinutes(10)));
        assertRejected(
                Map.of("SCORELINE_RETENTION_RUNS", "90 days"),
                "SCORELINE_RETENTION_RUNS must be a positive ISO-8601 duration");
        assertRejected(
                Map.of("SCORELINE_RETENTION_INBOX_DONE", "P0D"), "SCORELINE_RETENTION_INBOX_DONE must be a positive");
        assertRejected(
                Map.of("SCORELINE_RETENTION_BATCH_SIZE", "0"),
                "SCORELINE_RETENTION_BATCH_SIZE must be a whole number from 1");
    }

    @Test
    void webhookSettingsHaveDefaultsAndNameTheSettingWhenBad() {
        var defaults = ScorelineConfig.resolve(Map.of("SCORELINE_HOME", home.toString()), CliOverrides.none())
                .webhooks();
        assertThat(defaults).isEqualTo(WebhookSettings.defaults());
        assertThat(defaults.maxBytes()).isEqualTo(1024 * 1024);
        var set = ScorelineConfig.resolve(
                        Map.of(
                                "SCORELINE_PUBLIC_BASE_URL",
                                "https://hooks.example.com/",
                                "SCORELINE_INBOX_WORKERS",
                                "2",
                                "SCORELINE_INBOX_WRITERS",
                                "3",
                                "SCORELINE_INBOX_APPLY_VALUES",
                                "no",
                                "SCORELINE_INBOX_VERIFY_AFTER",
                                "PT2M"),
                        CliOverrides.none())
                .webhooks();
        assertThat(set.publicBaseUrl())
                .hasValueSatisfying(u -> assertThat(u.toString()).isEqualTo("https://hooks.example.com"));
        assertThat(set.inboxWorkers()).isEqualTo(2);
        assertThat(set.inboxWriters()).isEqualTo(3);
        assertThat(set.applyValues()).isFalse();
        assertThat(set.verifyAfter()).isEqualTo(java.time.Duration.ofMinutes(2));
        assertThat(defaults.applyValues()).isTrue();
        assertThat(defaults.verifyAfter()).isEqualTo(java.time.Duration.ofSeconds(30));
        assertRejected(
                Map.of("SCORELINE_PUBLIC_BASE_URL", "hooks.example.com"),
                "SCORELINE_PUBLIC_BASE_URL must be the http(s) URL");
        assertRejected(
                Map.of("SCORELINE_WEBHOOK_MAX_BYTES", "10"),
                "SCORELINE_WEBHOOK_MAX_BYTES must be a whole number from 1024");
        assertRejected(
                Map.of("SCORELINE_INBOX_WORKERS", "0"), "SCORELINE_INBOX_WORKERS must be a whole number from 1 to 64");
        assertRejected(
                Map.of("SCORELINE_INBOX_MAX_ATTEMPTS", "many"),
                "SCORELINE_INBOX_MAX_ATTEMPTS must be a whole number from 1 to 100");
        assertRejected(
                Map.of("SCORELINE_INBOX_WRITERS", "0"), "SCORELINE_INBOX_WRITERS must be a whole number from 1 to 64");
        assertRejected(
                Map.of("SCORELINE_INBOX_APPLY_VALUES", "maybe"), "SCORELINE_INBOX_APPLY_VALUES must be true or false");
        assertRejected(
                Map.of("SCORELINE_INBOX_VERIFY_AFTER", "30s"),
                "SCORELINE_INBOX_VERIFY_AFTER must be a positive ISO-8601 duration");
    }

    @Test
    void httpTimeoutsHaveDefaultsAndNameTheSettingWhenBad() {
        var defaults = ScorelineConfig.resolve(Map.of("SCORELINE_HOME", home.toString()), CliOverrides.none())
                .webhooks();
        assertThat(defaults.readTimeout()).isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(defaults.idleTimeout()).isEqualTo(java.time.Duration.ofSeconds(60));
        var set = ScorelineConfig.resolve(
                        Map.of("SCORELINE_HTTP_READ_TIMEOUT", "PT5S", "SCORELINE_HTTP_IDLE_TIMEOUT", "PT2M"),
                        CliOverrides.none())
                .webhooks();
        assertThat(set.readTimeout()).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(set.idleTimeout()).isEqualTo(java.time.Duration.ofMinutes(2));
        assertRejected(
                Map.of("SCORELINE_HTTP_READ_TIMEOUT", "30"),
                "SCORELINE_HTTP_READ_TIMEOUT must be a positive ISO-8601 duration");
        assertRejected(
                Map.of("SCORELINE_HTTP_READ_TIMEOUT", "PT1H"),
                "SCORELINE_HTTP_READ_TIMEOUT must be from PT0.001S to PT10M");
        assertRejected(
                Map.of("SCORELINE_HTTP_IDLE_TIMEOUT", "PT0S"),
                "SCORELINE_HTTP_IDLE_TIMEOUT must be a positive ISO-8601 duration");
        assertRejected(
                Map.of("SCORELINE_HTTP_IDLE_TIMEOUT", "P1D"),
                "SCORELINE_HTTP_IDLE_TIMEOUT must be from PT0.001S to PT1H");
    }

    @Test
    void keyFileIsCreatedOwnerOnlyAndReadBack() throws Exception {
        var config = ScorelineConfig.resolve(Map.of("SCORELINE_HOME", home.toString()), CliOverrides.none());
        MasterKeySource.ensureKeyFile(config);
        var file = MasterKeySource.keyFile(config);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        var key = MasterKeySource.load(config);
        MasterKeySource.ensureKeyFile(config);
        assertThat(MasterKeySource.load(config)).isEqualTo(key);
    }

    @Test
    void keyFileReadableByOthersIsRefused() throws Exception {
        var config = ScorelineConfig.resolve(Map.of("SCORELINE_HOME", home.toString()), CliOverrides.none());
        MasterKeySource.ensureKeyFile(config);
        Files.setPosixFilePermissions(MasterKeySource.keyFile(config), PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> MasterKeySource.load(config))
                .hasMessageContaining("readable by others")
                .hasMessageContaining("chmod 600");
    }

    @Test
    void missingKeyWithAnExternalDatabaseSaysWhatToSet() {
        var config = ScorelineConfig.resolve(
                Map.of("SCORELINE_HOME", home.toString(), "SCORELINE_DB_URL", "jdbc:postgresql://db/x"),
                CliOverrides.none());
        assertThatThrownBy(() -> MasterKeySource.load(config)).hasMessageContaining("SCORELINE_MASTER_KEY is not set");
    }

    private static void assertRejected(Map<String, String> env, String message) {
        assertThatThrownBy(() -> ScorelineConfig.resolve(env, CliOverrides.none()))
                .isInstanceOfSatisfying(
                        ScorelineException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.BAD_INPUT))
                .hasMessageContaining(message);
    }
}
