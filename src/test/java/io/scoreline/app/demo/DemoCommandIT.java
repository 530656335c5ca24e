package io.scoreline.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.app.cli.CliErrorHandler;
import io.scoreline.pipeline.database.DatabaseEndpoint;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.TestEnvironment;
import io.scoreline.testing.TestPostgres;
import java.math.BigDecimal;
import java.sql.DriverManager;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The newcomer's first command, run as they would run it (small dataset, no live phase), and its
 * summary checked against what the database holds.
 */
class DemoCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static DatabaseEndpoint database;
    private static Map<String, String> env;

    @BeforeAll
    static void start() {
        database = TestPostgres.freshDatabase();
        env = TestEnvironment.forDatabase(database);
    }

    @Test
    void summaryMatchesTheDatabaseAndASecondRunReplacesTheOrganization() throws Exception {
        var first = demo();
        assertThat(first.exitCode()).as(first.err()).isZero();
        var summary = JSON.readTree(first.outLines().getLast());
        assertThat(summary.path("organization").asText()).isEqualTo("demo");
        assertThat(summary.path("replaced_earlier").asBoolean()).isFalse();

        var totals = totals(summary);
        // The scorecard is derived at read time (ADR 0042): listed beside the stored KPIs, never stored.
        var stored = new TreeMap<>(totals);
        stored.keySet().removeIf(k -> k.endsWith("/" + DemoTenant.SCORECARD_KPI));
        assertThat(stored).isNotEmpty().isEqualTo(databaseTotals(summary));
        assertThat(totals.keySet()).anyMatch(k -> k.endsWith("/" + DemoTenant.SCORECARD_KPI));
        // The KPI on the custom field Task.Call_Outcome__c has values: the catalog was discovered, the rule compiled.
        var connectedCalls = totals.entrySet().stream()
                .filter(t -> t.getKey().endsWith("/" + DemoTenant.CUSTOM_FIELD_KPI))
                .map(Map.Entry::getValue)
                .toList();
        assertThat(connectedCalls).isNotEmpty().anySatisfy(v -> assertThat(v).isPositive());
        assertThat(summary.path("totals"))
                .allSatisfy(t -> assertThat(t.path("team").asText()).matches("(Outbound|Inbound) .*"));
        assertContestMatchesTheDatabase(summary);
        assertScorecardContestAndGoal(summary);
        assertThat(badges(summary)).isNotEmpty().isEqualTo(databaseBadges());

        var second = demo();
        assertThat(second.exitCode()).as(second.err()).isZero();
        var again = JSON.readTree(second.outLines().getLast());
        assertThat(again.path("replaced_earlier").asBoolean()).isTrue();
        assertThat(createdBy("demo")).isEqualTo("demo");
        // Same seeds, fresh organization: the same numbers, not doubled.
        assertThat(totals(again)).isEqualTo(totals);
        assertThat(databaseTotals(again)).isEqualTo(stored);
    }

    private static Map<String, Integer> badges(JsonNode summary) {
        var badges = new TreeMap<String, Integer>();
        summary.path("badges")
                .properties()
                .forEach(profile -> profile.getValue()
                        .properties()
                        .forEach(badge -> badges.put(
                                profile.getKey() + "/" + badge.getKey(),
                                badge.getValue().asInt())));
        return badges;
    }

    /** Badges held (not revoked) per person and badge, straight from profile_badges. */
    private static Map<String, Integer> databaseBadges() throws Exception {
        var badges = new TreeMap<String, Integer>();
        try (var connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                var statement = connection.prepareStatement("""
                        select p.email, b.name, count(*) from profile_badges a
                        join profiles p on p.id = a.profile_id join badges b on b.id = a.badge_id
                        join organizations o on o.id = a.organization_id
                        where o.slug = 'demo' and a.status = 'awarded'
                        group by p.email, b.name""");
                var rows = statement.executeQuery()) {
            while (rows.next()) {
                badges.put(rows.getString(1) + "/" + rows.getString(2), rows.getInt(3));
            }
        }
        return badges;
    }

    /** The running contest is live, ranks every rep (anyone with KPIs) by the KPI summed over its days, best first. */
    private static void assertContestMatchesTheDatabase(JsonNode summary) throws Exception {
        var contest = summary.path("contest");
        assertThat(contest.path("status").asText()).isEqualTo("live");
        assertThat(contest.path("kpi").asText()).isEqualTo("call_connects");
        var board = new TreeMap<String, BigDecimal>();
        var scores = new java.util.ArrayList<BigDecimal>();
        int rank = 0;
        for (var row : contest.path("leaderboard")) {
            assertThat(row.path("rank").asInt()).isEqualTo(++rank);
            board.put(
                    row.path("participant").asText(),
                    row.path("score").decimalValue().stripTrailingZeros());
            scores.add(row.path("score").decimalValue());
        }
        assertThat(scores).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        var expected = new TreeMap<String, BigDecimal>();
        try (var connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                var statement = connection.prepareStatement("""
                        select p.email, coalesce(sum(v.value), 0) from profiles p
                        join organizations o on o.id = p.organization_id and o.slug = 'demo'
                        left join kpi_values v on v.profile_id = p.id and v.kpi_key = ?
                            and v.period_date between ?::date and ?::date
                        where exists (select 1 from kpi_values a where a.profile_id = p.id
                            and a.period_date between ?::date and ?::date)
                        group by p.email""")) {
            statement.setString(1, contest.path("kpi").asText());
            statement.setString(2, contest.path("from").asText());
            statement.setString(3, contest.path("to").asText());
            statement.setString(4, summary.path("from").asText());
            statement.setString(5, summary.path("to").asText());
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    expected.put(rows.getString(1), rows.getBigDecimal(2).stripTrailingZeros());
                }
            }
        }
        assertThat(board).isEqualTo(expected);
        assertThat(expected.values()).anySatisfy(score -> assertThat(score).isPositive());
    }

    /**
     * The second contest ranks the same reps by the scorecard, best first; the goal's progress is
     * the connect sprint leader's, against the demo's monthly target.
     */
    private static void assertScorecardContestAndGoal(JsonNode summary) {
        var scorecard = summary.path("scorecard_contest");
        assertThat(scorecard.path("status").asText()).isEqualTo("live");
        assertThat(scorecard.path("kpi").asText()).isEqualTo(DemoTenant.SCORECARD_KPI);
        var participants = new java.util.TreeSet<String>();
        var scores = new java.util.ArrayList<BigDecimal>();
        for (var row : scorecard.path("leaderboard")) {
            participants.add(row.path("participant").asText());
            scores.add(row.path("score").decimalValue());
        }
        var sprint = new java.util.TreeSet<String>();
        summary.path("contest")
                .path("leaderboard")
                .forEach(row -> sprint.add(row.path("participant").asText()));
        assertThat(participants).isNotEmpty().isEqualTo(sprint);
        assertThat(scores).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(scores).anySatisfy(score -> assertThat(score).isPositive());

        var goal = summary.path("goal");
        assertThat(goal.path("kpi").asText()).isEqualTo(DemoGoal.KPI);
        assertThat(goal.path("target").decimalValue()).isEqualByComparingTo(DemoGoal.TARGET);
        assertThat(goal.path("goal_subject").asText()).isEqualTo("role");
        assertThat(goal.path("name").asText())
                .isEqualTo(summary.path("contest")
                        .path("leaderboard")
                        .get(0)
                        .path("participant")
                        .asText());
        assertThat(goal.path("status").asText()).isIn("ahead", "behind", "on_pace");
    }

    /**
     * A customer's organization that happens to be called demo: the demo stops with one line
     * before anything starts and deletes nothing (issue 18).
     */
    @Test
    void refusesAnOrganizationCalledDemoThatItDidNotCreate() throws Exception {
        var own = TestEnvironment.forDatabase(TestPostgres.freshDatabase());
        assertThat(CliRun.run(
                                own,
                                "org",
                                "create",
                                "--slug",
                                "demo",
                                "--name",
                                "Demo Customer Inc",
                                "--timezone",
                                "UTC")
                        .exitCode())
                .isZero();
        var added = CliRun.run(
                own,
                "integration",
                "add",
                "--org",
                "demo",
                "--provider",
                "hubspot",
                "--private-app-token",
                "pat-na1-customer",
                "--portal-id",
                "777",
                "--json");
        assertThat(added.exitCode()).as(added.err()).isZero();
        var before = CliRun.run(own, "org", "list", "--json").out();
        var integrationsBefore = CliRun.run(own, "integration", "list", "--org", "demo", "--json")
                .outLines();
        assertThat(integrationsBefore).singleElement().asString().contains("\"provider\":\"hubspot\"");

        var refused = CliRun.run(own, "demo", "--live-minutes", "0", "--reps", "2", "--days", "7", "--json");
        assertThat(refused.exitCode()).isEqualTo(CliErrorHandler.FAILURE);
        assertThat(refused.err().strip())
                .isEqualTo(
                        "error: organization 'demo' was not created by `scoreline demo`, so the demo"
                                + " leaves it alone; run the demo on a database of its own: SCORELINE_HOME=/tmp/scoreline-demo scoreline demo");
        assertThat(refused.out()).isEmpty();
        assertThat(CliRun.run(own, "org", "list", "--json").out())
                .isEqualTo(before)
                .contains("Demo Customer Inc");
        assertThat(CliRun.run(own, "integration", "list", "--org", "demo", "--json")
                        .outLines())
                .isEqualTo(integrationsBefore);
    }

    private static String createdBy(String slug) throws Exception {
        try (var connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                var statement = connection.prepareStatement("select created_by from organizations where slug = ?")) {
            statement.setString(1, slug);
            try (var rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getString(1);
            }
        }
    }

    private static CliRun demo() {
        return CliRun.run(env, "demo", "--live-minutes", "0", "--reps", "2", "--days", "7", "--seed", "5", "--json");
    }

    private static Map<String, BigDecimal> totals(JsonNode summary) {
        var totals = new TreeMap<String, BigDecimal>();
        summary.path("totals")
                .forEach(t -> totals.put(
                        t.path("profile").asText() + "/" + t.path("kpi").asText(),
                        t.path("value").decimalValue().stripTrailingZeros()));
        return totals;
    }

    /** Read as the owner, straight from kpi_values, so the check does not share the demo's read path. */
    private static Map<String, BigDecimal> databaseTotals(JsonNode summary) throws Exception {
        var totals = new TreeMap<String, BigDecimal>();
        try (var connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                var statement = connection.prepareStatement("""
                        select p.email, v.kpi_key, sum(v.value) from kpi_values v
                        join profiles p on p.id = v.profile_id join organizations o on o.id = v.organization_id
                        where o.slug = 'demo' and v.period_date between ?::date and ?::date
                        group by p.email, v.kpi_key""")) {
            statement.setString(1, summary.path("from").asText());
            statement.setString(2, summary.path("to").asText());
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    totals.put(
                            rows.getString(1) + "/" + rows.getString(2),
                            rows.getBigDecimal(3).stripTrailingZeros());
                }
            }
        }
        return totals;
    }
}
