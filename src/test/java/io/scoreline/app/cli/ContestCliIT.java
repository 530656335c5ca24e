package io.scoreline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.pipeline.database.DatabaseEndpoint;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.TestEnvironment;
import io.scoreline.testing.TestPostgres;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code contest create|list} and {@code leaderboard} through the real command line (DESIGN §10). */
class ContestCliIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, String> env;

    @BeforeAll
    static void organization() {
        DatabaseEndpoint endpoint = TestPostgres.freshDatabase();
        env = TestEnvironment.forDatabase(endpoint);
        assertThat(CliRun.run(env, "org", "create", "--slug", "acme", "--name", "Acme", "--timezone", "Europe/Berlin")
                        .exitCode())
                .isZero();
        try (var database = DatabaseRuntime.open(TestPostgres.settingsFor(endpoint))) {
            var transactions = new TenantTransactions(database.dsl());
            long org = transactions.withoutOrganization(
                    tx -> tx.fetchSingle("select id from scoreline_org_directory() where slug = 'acme'")
                            .get(0, Long.class));
            transactions.inOrganization(org, tx -> {
                tx.execute(
                        "insert into kpi_definitions (organization_id, key, name) values (?, 'calls_made', 'Calls'), (?, 'meetings', 'Meetings')",
                        org,
                        org);
                long team = tx.fetchSingle(
                                "insert into teams (organization_id, name) values (?, 'Red') returning id", org)
                        .get(0, Long.class);
                tx.execute(
                        "insert into profiles (organization_id, email, team_id) values (?, 'ann@acme.test', ?), (?, 'bob@acme.test', null)",
                        org,
                        team,
                        org);
                tx.execute(
                        "insert into profiles (organization_id, email, active) values (?, 'gone@acme.test', false)",
                        org);
                return null;
            });
        }
    }

    @Test
    void createdContestIsListedAndHasABoardOfEveryActiveProfile() throws Exception {
        var created = CliRun.run(
                env,
                "contest",
                "create",
                "--org",
                "acme",
                "--name",
                "Call sprint",
                "--kpi",
                "calls_made",
                "--from",
                "2026-11-02",
                "--to",
                "2026-11-08",
                "--target",
                "50",
                "--grace",
                "2d",
                "--json");
        assertThat(created.exitCode()).as(created.err()).isZero();
        var contest = JSON.readValue(created.out().strip(), Map.class);
        assertThat(contest)
                .containsEntry("name", "Call sprint")
                .containsEntry("kpi", "calls_made")
                .containsEntry("status", "scheduled")
                .containsEntry("target", "50")
                .containsEntry("grace", "PT48H")
                .containsEntry("entries", 2);

        var listed = CliRun.run(env, "contest", "list", "--org", "acme");
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.outLines().getFirst()).startsWith("ID").contains("KPI", "STATUS");
        assertThat(listed.out()).contains("Call sprint").contains("scheduled");

        var board =
                CliRun.run(env, "leaderboard", "--contest", contest.get("id").toString(), "--json");
        assertThat(board.exitCode()).as(board.err()).isZero();
        assertThat(board.outLines()).hasSize(2);
        var first = JSON.readValue(board.outLines().getFirst(), Map.class);
        assertThat(first)
                .containsKeys("rank", "participant", "score", "reached_at", "status")
                .containsEntry("rank", 1)
                .containsEntry("score", 0)
                .containsEntry("status", "scheduled");
        assertThat(board.out())
                .contains("ann@acme.test")
                .contains("bob@acme.test")
                .doesNotContain("gone@acme.test");

        var human =
                CliRun.run(env, "leaderboard", "--contest", contest.get("id").toString());
        assertThat(human.out()).contains("Call sprint").contains("RANK").contains("PARTICIPANT");
    }

    @Test
    void teamContestWithNamedParticipantsRanksTheirTeams() throws Exception {
        var created = CliRun.run(
                env,
                "contest",
                "create",
                "--org",
                "acme",
                "--name",
                "Team week",
                "--kpi",
                "meetings",
                "--from",
                "2026-11-02",
                "--to",
                "2026-11-02",
                "--teams",
                "--participants",
                "ANN@acme.test, bob@acme.test",
                "--json");
        assertThat(created.exitCode()).as(created.err()).isZero();
        var id = JSON.readValue(created.out().strip(), Map.class).get("id").toString();
        var board = CliRun.run(env, "leaderboard", "--contest", id);
        assertThat(board.out()).contains("TEAM").contains("Red").doesNotContain("bob@acme.test");
    }

    @Test
    void badInputIsAUsageErrorWithOneClearLine() {
        assertUsageError(
                "unknown KPI 'calls' in acme: use one of calls_made, meetings",
                "--kpi",
                "calls",
                "--from",
                "2026-11-02",
                "--to",
                "2026-11-08");
        assertUsageError(
                "--to 2026-11-01 is before --from 2026-11-02",
                "--kpi",
                "calls_made",
                "--from",
                "2026-11-02",
                "--to",
                "2026-11-01");
        assertUsageError(
                "--from must be a date as YYYY-MM-DD, got '2.11.2026'",
                "--kpi",
                "calls_made",
                "--from",
                "2.11.2026",
                "--to",
                "2026-11-08");
        assertUsageError(
                "no profile in acme for nobody@acme.test",
                "--kpi",
                "calls_made",
                "--from",
                "2026-11-02",
                "--to",
                "2026-11-08",
                "--participants",
                "ann@acme.test,nobody@acme.test");
        assertUsageError(
                "--grace must be a duration from 0 to 31d such as 24h, 90m or 2d, got 'soon'",
                "--kpi",
                "calls_made",
                "--from",
                "2026-11-02",
                "--to",
                "2026-11-08",
                "--grace",
                "soon");
        assertUsageError(
                "--target must be a positive number below 100000000000000, got '-3'",
                "--kpi",
                "calls_made",
                "--from",
                "2026-11-02",
                "--to",
                "2026-11-08",
                "--target",
                "-3");
        assertUsageError(
                "--teams needs participants who are in a team; none of them is",
                "--kpi",
                "calls_made",
                "--from",
                "2026-11-02",
                "--to",
                "2026-11-08",
                "--teams",
                "--participants",
                "bob@acme.test");
        var listed = CliRun.run(env, "contest", "list", "--org", "acme", "--json");
        assertThat(listed.out()).doesNotContain("Bad");
    }

    @Test
    void unknownOrganizationOrContestIsAUsageError() {
        var org = CliRun.run(env, "contest", "list", "--org", "nope");
        assertThat(org.exitCode()).isEqualTo(CliErrorHandler.USAGE);
        assertThat(org.err().strip()).isEqualTo("error: no organization 'nope' (see `scoreline org list`)");
        var board = CliRun.run(env, "leaderboard", "--contest", "999999");
        assertThat(board.exitCode()).isEqualTo(CliErrorHandler.USAGE);
        assertThat(board.err()).contains("no contest with id 999999").doesNotContain("Exception");
    }

    private static void assertUsageError(String message, String... options) {
        var args = new java.util.ArrayList<>(java.util.List.of("contest", "create", "--org", "acme", "--name", "Bad"));
        args.addAll(java.util.List.of(options));
        var run = CliRun.run(env, args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(CliErrorHandler.USAGE);
        assertThat(run.err().strip()).isEqualTo("error: " + message);
    }
}
