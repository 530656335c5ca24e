package io.scoreline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.TestEnvironment;
import io.scoreline.testing.TestPostgres;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §10 for bad values and unknown ids: exit 2 and one line that names the option, never an
 * internal error or the database's text, and nothing spent or written first.
 */
class CliBadInputIT {

    private static RunningSimulators sims;
    private static Map<String, String> env;
    private static String integration;

    @BeforeAll
    static void start() throws Exception {
        sims = Simulators.start(SimulatorOptions.defaults()
                .withSeed(5)
                .withVolume(2, 3)
                .withLastDay(SimulatorOptions.defaults().effectiveLastDay()));
        env = TestEnvironment.forDatabase(TestPostgres.freshDatabase());
        assertThat(CliRun.run(env, "org", "create", "--slug", "bad", "--name", "Bad Input", "--timezone", "UTC")
                        .exitCode())
                .isZero();
        var sf = sims.salesforce();
        var credentials = Files.createTempFile("sf", ".properties");
        Files.writeString(
                credentials,
                "client_id=" + sf.clientId() + "\nclient_secret=" + sf.clientSecret() + "\nrefresh_token="
                        + sf.refreshToken() + "\n");
        var added = CliRun.run(
                env,
                "integration",
                "add",
                "--org",
                "bad",
                "--provider",
                "salesforce",
                "--login-url",
                sf.loginUrl().toString(),
                "--credentials-file",
                credentials.toString(),
                "--json");
        assertThat(added.exitCode()).as(added.err()).isZero();
        integration = added.out().replaceAll("(?s).*\"id\":(\\d+).*", "$1").strip();
        assertThat(CliRun.run(env, "mapping", "set", "--integration", integration, "--file", "mappings/salesforce.yaml")
                        .exitCode())
                .isZero();
    }

    @AfterAll
    static void stop() {
        sims.close();
    }

    @Test
    void farFutureDayInADryRunIsAUsageError() {
        assertUsageError(
                "error: --from must be a day from 2000-01-01 to 2100-12-31, got +999999999-12-31",
                "backfill",
                "--integration",
                integration,
                "--from",
                "+999999999-12-31",
                "--to",
                "+999999999-12-31",
                "--dry-run");
    }

    @Test
    void farPastDaySpendsNoApiCall() {
        long before = sims.salesforceSimulator().quota().used();
        assertUsageError(
                "error: --from must be a day from 2000-01-01 to 2100-12-31, got -999999999-01-01",
                "backfill",
                "--integration",
                integration,
                "--from",
                "-999999999-01-01",
                "--to",
                "2026-01-01");
        assertUsageError(
                "error: --from must be a day from 2000-01-01 to 2100-12-31, got 1999-12-31",
                "backfill",
                "--integration",
                integration,
                "--from",
                "1999-12-31",
                "--to",
                "2026-01-01",
                "--dry-run");
        assertThat(sims.salesforceSimulator().quota().used()).isEqualTo(before);
        // The same command with a day in range does reach the CRM: the count above can see a call.
        var yesterday = SimulatorOptions.defaults().effectiveLastDay().toString();
        var dryRun = CliRun.run(
                env, "backfill", "--integration", integration, "--from", yesterday, "--to", yesterday, "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(sims.salesforceSimulator().quota().used()).isGreaterThan(before);
    }

    @Test
    void unknownRuleProviderIsAUsageError() {
        assertUsageError(
                "error: --provider must be one of salesforce, hubspot, got 'oracle'",
                "mapping",
                "validate",
                "mappings/salesforce.yaml",
                "--provider",
                "oracle");
        assertUsageError(
                "error: --provider must be one of salesforce, hubspot, got 'oracle'",
                "mapping",
                "test",
                "--rules",
                "mappings/salesforce.yaml",
                "--records",
                "none.jsonl",
                "--provider",
                "oracle");
    }

    @Test
    void contestTargetBeyondWhatTheDatabaseHoldsIsAUsageError() {
        for (var target : new String[] {"1e308", "NaN", "Infinity", "-5", "100000000000000"}) {
            assertUsageError(
                    "error: --target must be a positive number below 100000000000000, got '" + target + "'",
                    "contest",
                    "create",
                    "--org",
                    "bad",
                    "--name",
                    "Race",
                    "--kpi",
                    "calls_made",
                    "--from",
                    "2026-03-01",
                    "--to",
                    "2026-03-31",
                    "--target",
                    target);
        }
        assertThat(CliRun.run(env, "contest", "list", "--org", "bad").out()).doesNotContain("Race");
    }

    @Test
    void unknownIdsAndSlugsAreUsageErrors() {
        assertUsageError(
                "error: no integration 987654 (see `scoreline integration list --org SLUG`)",
                "runs",
                "--integration",
                "987654");
        assertUsageError(
                "error: no integration 987654 (see `scoreline integration list --org SLUG`)",
                "sync",
                "--integration",
                "987654");
        assertUsageError("error: no organization 'nope' (see `scoreline org list`)", "kpi", "show", "--org", "nope");
        assertUsageError(
                "error: no contest with id 987654 (see `scoreline contest list --org S`)",
                "leaderboard",
                "--contest",
                "987654");
        assertUsageError(
                "error: no run 987654 for integration " + integration + " (see `scoreline runs --integration "
                        + integration + "`)",
                "backfill",
                "--integration",
                integration,
                "--resume",
                "987654");
        assertUsageError(
                "error: integration " + integration + " has no version 99",
                "mapping",
                "show",
                "--integration",
                integration,
                "--version",
                "99");
    }

    @Test
    void valuesOutsideTheirRangeAreUsageErrors() {
        assertUsageError(
                "error: --to must be a day from 2000-01-01 to 2100-12-31, got 2101-01-01",
                "kpi",
                "show",
                "--org",
                "bad",
                "--from",
                "2026-01-01",
                "--to",
                "2101-01-01");
        assertUsageError(
                "error: --from must be a date as YYYY-MM-DD, got '2026-02-30'",
                "remap",
                "--integration",
                integration,
                "--from",
                "2026-02-30");
        assertUsageError(
                "error: --status must be one of pending, processing, done, failed, got 'lost'",
                "inbox",
                "--status",
                "lost");
        assertUsageError("error: --limit must be from 1 to 100000, got 0", "inbox", "--limit", "0");
        assertUsageError(
                "error: --limit must be from 1 to 100000, got -1",
                "runs",
                "--integration",
                integration,
                "--limit",
                "-1");
        assertUsageError(
                "error: --version must be from 1 to 2147483647, got 0",
                "mapping",
                "show",
                "--integration",
                integration,
                "--version",
                "0");
        assertUsageError(
                "error: --live-minutes must be from 0 to 10080, got 99999999999",
                "demo",
                "--live-minutes",
                "99999999999");
        assertUsageError("error: --live-rate must be a number from 0 to 100000, got NaN", "demo", "--live-rate", "NaN");
        assertUsageError("error: --port must be from 0 to 65535, got 70000", "serve", "--port", "70000");
        assertUsageError("error: --reps must be from 1 to 10000, got 0", "sim", "--reps", "0");
    }

    @Test
    void malformedNumberIsAParseErrorNamingTheOption() {
        var run = CliRun.run(env, "runs", "--integration", "seven");
        assertThat(run.exitCode()).isEqualTo(CliErrorHandler.USAGE);
        assertThat(run.err().lines().findFirst().orElseThrow())
                .contains("--integration")
                .contains("'seven'");
    }

    @Test
    void organizationNameWithAnEscapeSequenceIsRefusedAndNotEchoedRaw() {
        var run = CliRun.run(
                env, "org", "create", "--slug", "esc", "--name", "\u001b[2J\u001b[31mEvil", "--timezone", "UTC");
        assertThat(run.exitCode()).isEqualTo(CliErrorHandler.USAGE);
        assertThat(run.err().strip())
                .isEqualTo("error: the organization name must not contain control characters (found U+001B)");
        var slug = CliRun.run(env, "org", "create", "--slug", "\u001b[2J", "--name", "Esc", "--timezone", "UTC");
        assertThat(slug.exitCode()).isEqualTo(CliErrorHandler.USAGE);
        assertThat(slug.err()).doesNotContain("\u001b").contains("invalid slug '\\x1b[2J'");
        assertThat(CliRun.run(env, "org", "list").out()).doesNotContain("esc").doesNotContain("Esc");
    }

    @Test
    void organizationNameLongerThan200CharactersIsRefused() {
        var run = CliRun.run(env, "org", "create", "--slug", "long", "--name", "x".repeat(201), "--timezone", "UTC");
        assertThat(run.exitCode()).isEqualTo(CliErrorHandler.USAGE);
        assertThat(run.err().strip())
                .isEqualTo("error: the organization name is 201 characters long; at most 200 are allowed");
        var longest =
                CliRun.run(env, "org", "create", "--slug", "longest", "--name", "é".repeat(200), "--timezone", "UTC");
        assertThat(longest.exitCode()).as(longest.err()).isZero();
    }

    private static void assertUsageError(String message, String... args) {
        var run = CliRun.run(env, args);
        assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.err()).isEqualTo(CliErrorHandler.USAGE);
        assertThat(run.err().strip()).as(String.join(" ", args)).isEqualTo(message);
        assertThat(run.out()).isEmpty();
    }
}
