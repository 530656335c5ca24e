package io.scoreline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.gamification.EvaluatorFixture;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.TestEnvironment;
import io.scoreline.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code badges}, {@code badges add}, {@code badges catalog} and {@code notifications} against a real database (DESIGN §10). */
class BadgesCliIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, String> env;
    private static DatabaseRuntime database;

    @BeforeAll
    static void awardsExist() {
        var endpoint = TestPostgres.freshDatabase();
        env = TestEnvironment.forDatabase(endpoint);
        database = DatabaseRuntime.open(TestPostgres.settingsFor(endpoint));
        var org = new EvaluatorFixture(database, "cli", "Europe/Berlin", "monday", """
                badges:
                  - { key: calls_day_3, name: Three a day, category: calling, rule: { kind: threshold, kpi: calls_made, period: day, at_least: 3 } }
                """);
        org.profile("ana@cli.test");
        org.profile("bo@cli.test");
        org.calls("A", "ana@cli.test", LocalDate.parse("2026-11-02"), 3);
        org.calls("B", "bo@cli.test", LocalDate.parse("2026-11-03"), 4);
        org.drain();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void awardsAsJsonCarryTheDesignFieldsAndTheirEvidence() throws Exception {
        var run = CliRun.run(env, "badges", "--org", "cli", "--profile", "ANA@cli.test", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        var line = JSON.readTree(run.outLines().getFirst());
        assertThat(run.outLines()).hasSize(1);
        assertThat(line.get("profile").asText()).isEqualTo("ana@cli.test");
        assertThat(line.get("badge").asText()).isEqualTo("calls_day_3");
        assertThat(line.get("period_key").asText()).isEqualTo("day:2026-11-02");
        assertThat(line.get("status").asText()).isEqualTo("awarded");
        assertThat(line.get("awarded_at").asText()).isEqualTo("2026-12-01T12:00:00Z");
        assertThat(line.at("/evidence/records/0/record_id").asText()).isEqualTo("A-1");
    }

    @Test
    void awardsAsATable() {
        var run = CliRun.run(env, "badges", "--org", "cli");
        assertThat(run.outLines().getFirst()).startsWith("PROFILE").contains("BADGE", "PERIOD", "STATUS");
        assertThat(run.out()).contains("bo@cli.test", "day:2026-11-03", "Three a day");
    }

    @Test
    void notificationsAsJson() throws Exception {
        var run = CliRun.run(env, "notifications", "--org", "cli", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).hasSize(2);
        var line = JSON.readTree(run.outLines().getFirst());
        assertThat(line.get("kind").asText()).isEqualTo("badge_earned");
        assertThat(line.get("dedupe_key").asText())
                .startsWith("badge:")
                .endsWith(":calls_day_3:" + line.at("/payload/period_key").asText());
        assertThat(line.at("/payload/name").asText()).isEqualTo("Three a day");
        assertThat(CliRun.run(
                                env,
                                "notifications",
                                "--org",
                                "cli",
                                "--profile",
                                "bo@cli.test",
                                "--limit",
                                "5",
                                "--json")
                        .outLines())
                .singleElement()
                .asString()
                .contains("bo@cli.test");
        assertThat(CliRun.run(env, "notifications", "--org", "cli", "--profile", "nobody@cli.test")
                        .exitCode())
                .isEqualTo(CliErrorHandler.USAGE);
    }

    @Test
    void badgesAddValidatesLikeMappingRules(@TempDir Path dir) throws Exception {
        var bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                badges:
                  - key: big_week
                    name: Big week
                    category: calling
                    rule: { kind: threshold, kpi: calls_made, period: week, at_least: lots }
                """);
        var rejected = CliRun.run(env, "badges", "add", "--org", "cli", "--file", bad.toString());
        assertThat(rejected.exitCode()).isEqualTo(CliErrorHandler.FAILURE);
        assertThat(rejected.err())
                .contains(bad + ":5:71: at_least must be a positive number, got 'lots'", "nothing was stored");

        var good = dir.resolve("good.yaml");
        Files.writeString(good, Files.readString(bad).replace("lots", "40"));
        var added = CliRun.run(env, "badges", "add", "--org", "cli", "--file", good.toString(), "--json");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(JSON.readTree(added.out()).get("badges").get(0).asText()).isEqualTo("big_week");
    }

    @Test
    void catalogNeedsNoDatabase() throws Exception {
        var run = CliRun.run(Map.of(), "badges", "catalog", "--json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(JSON.readTree(run.outLines().getFirst()).has("rule")).isTrue();
        assertThat(run.out()).contains("\"badge\":\"contest_winner\"");
    }

    @Test
    void badgesWithoutAnOrganizationIsAUsageError() {
        var run = CliRun.run(env, "badges");
        assertThat(run.exitCode()).isEqualTo(CliErrorHandler.USAGE);
        assertThat(run.err()).contains("--org is required");
    }
}
