package io.scoreline.app.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.view.KpiGoalLineView;
import io.scoreline.app.view.LeaderboardEntryView;
import io.scoreline.gamification.KpiDay;
import io.scoreline.gamification.ProfileChanges;
import io.scoreline.gamification.contests.ContestGoalChanges;
import io.scoreline.gamification.contests.ContestLeaderboardUpdater;
import io.scoreline.gamification.contests.ContestLifecycle;
import io.scoreline.gamification.contests.ContestSettings;
import io.scoreline.gamification.contests.Leaderboards;
import io.scoreline.gamification.goals.ContestGoals;
import io.scoreline.gamification.goals.Goals;
import io.scoreline.gamification.goals.WorkingDays;
import io.scoreline.gamification.notifications.NotificationStore;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.goals.GoalStore;
import io.scoreline.pipeline.kpi.measure.KpiMeasureCache;
import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import io.scoreline.sim.TestClock;
import io.scoreline.testing.ApiClient;
import io.scoreline.testing.ApiKeysForTests;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.ParsedJson;
import io.scoreline.testing.ScorelineServer;
import io.scoreline.testing.TestPostgres;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Goals in boards (issue 23): a live contest on calls_made in March 2030 with monthly goals — ann's
 * own (120), the reps' role default (60, bob), none for cat (a manager), the Sales team's (300) — and
 * the same month through the KPI totals with {@code goals=true}.
 *
 * <p>The figures that depend on the day (pace, ahead by) are asserted on a fake clock on Monday 11
 * March 2030, after a weekend: March 2030 has 21 working days (Monday to Friday), of which 6 are over
 * (Friday the 1st and 4–8 March; the weekend adds none, and today counts tomorrow). The CLI and the
 * API run on the real clock, where March 2030 has not begun (pace 0): they are asserted to print the
 * same rows as the use case on the fake clock, apart from the pace fields, and the same as each other.
 */
class BoardGoalsApiIT {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate FIRST = LocalDate.of(2030, 3, 1);
    private static final LocalDate LAST = LocalDate.of(2030, 3, 31);
    private static final List<String> PACE_FIELDS = List.of("pace", "ahead_by", "status", "working_days_elapsed");

    private static ScorelineServer server;
    private static ApiClient api;
    private static String key;
    private static Organization acme;
    private static TestClock clock;
    private static long people;
    private static long teams;
    private static final Map<String, Long> ids = new HashMap<>();

    @BeforeAll
    static void start() {
        server = ScorelineServer.start(TestPostgres.freshDatabase(), Map.of());
        api = new ApiClient(server);
        cli("org", "create", "--slug", "acme", "--name", "Acme", "--timezone", "Europe/Berlin");
        key = ApiKeysForTests.create(server, "acme", "boards", "read")
                .get("key")
                .asText();
        acme = server.bean(OrganizationStore.class).require("acme");
        server.bean(TenantTransactions.class)
                .inOrganization(
                        acme.id(),
                        tx -> tx.execute(
                                "insert into kpi_definitions (organization_id, key, name) values (?, 'calls_made', 'Calls')",
                                acme.id()));
        cli("team", "create", "--org", "acme", "--name", "Sales");
        cli("team", "create", "--org", "acme", "--name", "Support");
        ids.put("ann", profile("ann", "Sales", "rep"));
        ids.put("bob", profile("bob", "Sales", "rep"));
        ids.put("cat", profile("cat", "Support", "manager"));
        goal("--person", "ann@acme.test", "120");
        goal("--role", "rep", "60");
        goal("--team", "Sales", "300");
        people = contest("March calls", false);
        teams = contest("March teams", true);

        clock = new TestClock(
                LocalDateTime.parse("2030-03-11T10:00").atZone(BERLIN).toInstant());
        var transactions = server.bean(TenantTransactions.class);
        var notifications = new NotificationStore(transactions, clock);
        new ContestLifecycle(transactions, notifications, clock, ContestSettings.defaults()).tick();
        var updater = new ContestLeaderboardUpdater(notifications, clock, ContestSettings.defaults());
        calls(updater, "ann", LocalDate.of(2030, 3, 4), 30);
        calls(updater, "ann", LocalDate.of(2030, 3, 8), 12);
        calls(updater, "bob", LocalDate.of(2030, 3, 5), 25);
        calls(updater, "cat", LocalDate.of(2030, 3, 6), 10);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void eachPersonRowShowsTheirGoalPercentAndPaceAndARowWithoutAGoalNothing() {
        var rows = fakeClockRows(people);
        assertThat(rows)
                .extracting(r -> r.get("participant").asText())
                .containsExactly("ann@acme.test", "bob@acme.test", "cat@acme.test");

        var ann = rows.get(0).get("goal");
        assertThat(ann.get("goal_subject").asText()).isEqualTo("person");
        assertThat(ann.get("goal_name").asText()).isEqualTo("ann@acme.test");
        assertThat(ann.get("period").asText()).isEqualTo("month:2030-03");
        assertThat(ann.get("target").decimalValue()).isEqualByComparingTo("120");
        assertThat(ann.get("value").decimalValue()).isEqualByComparingTo("42");
        assertThat(ann.get("percent").decimalValue()).isEqualByComparingTo("35");
        // 120 × 6 / 21 working days
        assertThat(ann.get("pace").decimalValue()).isEqualByComparingTo("34.285714");
        assertThat(ann.get("ahead_by").decimalValue()).isEqualByComparingTo("7.714286");
        assertThat(ann.get("status").asText()).isEqualTo("ahead");
        assertThat(ann.get("working_days").asInt()).isEqualTo(21);
        assertThat(ann.get("working_days_elapsed").asInt()).isEqualTo(6);

        var bob = rows.get(1).get("goal");
        assertThat(bob.get("goal_subject").asText()).as("the reps' default").isEqualTo("role");
        assertThat(bob.get("goal_name").asText()).isEqualTo("rep");
        assertThat(bob.get("target").decimalValue()).isEqualByComparingTo("60");
        assertThat(bob.get("value").decimalValue()).isEqualByComparingTo("25");
        assertThat(bob.get("percent").decimalValue()).isEqualByComparingTo("41.7");
        assertThat(bob.get("pace").decimalValue()).isEqualByComparingTo("17.142857");
        assertThat(bob.get("ahead_by").decimalValue()).isEqualByComparingTo("7.857143");

        assertThat(rows.get(2).has("goal")).as("cat has no goal: no goal field").isFalse();
        assertThat(rows.get(2).get("score").decimalValue()).isEqualByComparingTo("10");

        // The CLI and the API print these rows (on the real clock, before March 2030: pace 0).
        var cliRows = CliRun.succeeded(
                        server.environment(), "leaderboard", "--contest", Long.toString(people), "--json")
                .jsonLines();
        var apiRows = new ArrayList<JsonNode>();
        ApiClient.json(ok(api.get("/api/v1/contests/" + people + "/leaderboard", key)))
                .get("entries")
                .forEach(apiRows::add);
        assertThat(apiRows).isEqualTo(cliRows);
        assertThat(withoutPace(cliRows)).isEqualTo(withoutPace(rows));
        assertThat(cliRows.get(0).get("goal").get("pace").decimalValue()).isEqualByComparingTo("0");
        assertThat(cliRows.get(0).get("goal").get("working_days_elapsed").asInt())
                .isZero();
        assertThat(cliRows.get(0).get("goal").get("ahead_by").decimalValue()).isEqualByComparingTo("42");
    }

    @Test
    void teamRowsShowTheTeamsGoalAgainstItsTotal() {
        var rows = fakeClockRows(teams);
        assertThat(rows).extracting(r -> r.get("participant").asText()).containsExactly("Sales", "Support");
        var sales = rows.get(0).get("goal");
        assertThat(sales.get("subject").asText()).isEqualTo("team");
        assertThat(sales.get("goal_subject").asText()).isEqualTo("team");
        assertThat(sales.get("target").decimalValue()).isEqualByComparingTo("300");
        assertThat(sales.get("value").decimalValue()).isEqualByComparingTo("67");
        assertThat(sales.get("percent").decimalValue()).isEqualByComparingTo("22.3");
        assertThat(sales.get("pace").decimalValue()).isEqualByComparingTo("85.714286");
        assertThat(sales.get("ahead_by").decimalValue()).isEqualByComparingTo("-18.714286");
        assertThat(sales.get("status").asText()).isEqualTo("behind");
        assertThat(rows.get(1).has("goal")).as("Support has no goal").isFalse();

        var cliRows = CliRun.succeeded(server.environment(), "leaderboard", "--contest", Long.toString(teams), "--json")
                .jsonLines();
        var apiRows = new ArrayList<JsonNode>();
        ApiClient.json(ok(api.get("/api/v1/contests/" + teams + "/leaderboard", key)))
                .get("entries")
                .forEach(apiRows::add);
        assertThat(apiRows).isEqualTo(cliRows);
        assertThat(withoutPace(cliRows)).isEqualTo(withoutPace(rows));

        var text = CliRun.succeeded(server.environment(), "leaderboard", "--contest", Long.toString(teams))
                .outLines();
        assertThat(text)
                .anySatisfy(line -> assertThat(line)
                        .contains("GOAL")
                        .contains("TARGET")
                        .contains("PERCENT")
                        .contains("PACE"));
        assertThat(text)
                .anySatisfy(line -> assertThat(line.split("\\s+"))
                        .containsSubsequence("Sales", "67", "month:2030-03", "300", "22.3%", "0"));
    }

    @Test
    void totalsWithGoalsAreTheLinesOfKpiShowGoals() {
        var fake = new Goals(
                        server.bean(OrganizationStore.class),
                        server.bean(GoalStore.class),
                        server.bean(TenantTransactions.class),
                        server.bean(WorkingDays.class),
                        clock,
                        server.bean(ContestGoalChanges.class))
                .board(acme.id(), FIRST, LAST);
        var annLine = fake.lines().stream()
                .filter(l -> l.email().equals("ann@acme.test"))
                .findFirst()
                .map(l -> KpiGoalLineView.of(fake, l))
                .orElseThrow();
        assertThat(annLine.goal().pace()).isEqualByComparingTo("34.285714");
        assertThat(annLine.goal().percent()).isEqualByComparingTo("35");

        var page =
                ApiClient.json(ok(api.get("/api/v1/kpi-values/totals?goals=true&from=2030-03-01&to=2030-03-31", key)));
        assertThat(page.get("from").asText()).isEqualTo("2030-03-01");
        assertThat(page.get("group").asText()).isEqualTo("person");
        var items = new ArrayList<JsonNode>();
        page.get("items").forEach(items::add);
        var cli = CliRun.succeeded(
                        server.environment(),
                        "kpi",
                        "show",
                        "--org",
                        "acme",
                        "--goals",
                        "--from",
                        "2030-03-01",
                        "--to",
                        "2030-03-31",
                        "--json")
                .jsonLines();
        assertThat(items).isEqualTo(cli).hasSize(3);
        assertThat(items.get(0).get("profile").asText()).isEqualTo("ann@acme.test");
        assertThat(items.get(0).get("goal").get("percent").decimalValue()).isEqualByComparingTo("35");
        assertThat(items.get(2).get("profile").asText()).isEqualTo("cat@acme.test");
        assertThat(items.get(2).get("goal").isNull()).as("cat has no goal").isTrue();
        assertThat(items.get(2).get("value").decimalValue()).isEqualByComparingTo("10");

        var byTeam = ApiClient.json(
                ok(api.get("/api/v1/kpi-values/totals?goals=true&by=team&from=2030-03-01&to=2030-03-31", key)));
        assertThat(byTeam.get("group").asText()).isEqualTo("team");
        assertThat(byTeam.get("items")).hasSize(1);
        var sales = byTeam.get("items").get(0);
        var progress = CliRun.succeeded(
                        server.environment(),
                        "goal",
                        "progress",
                        "--org",
                        "acme",
                        "--kpi",
                        "calls_made",
                        "--period",
                        "month",
                        "--team",
                        "Sales",
                        "--date",
                        "2030-03-15",
                        "--json")
                .lastJson();
        assertThat(sales).isEqualTo(progress);
        assertThat(sales.get("value").decimalValue()).isEqualByComparingTo("67");

        var notAPeriod = ApiClient.assertProblem(
                api.get("/api/v1/kpi-values/totals?goals=true&from=2030-03-01&to=2030-03-20", key), 422, "from");
        assertThat(notAPeriod.get("message").asText())
                .contains("goals=true needs from and to spanning exactly one week (from monday), month or quarter")
                .contains("from=2030-03-01&to=2030-03-31");
        ApiClient.assertProblem(api.get("/api/v1/kpi-values/totals?goals=true&from=2030-03-01", key), 422, "to");
        ApiClient.assertProblem(
                api.get("/api/v1/kpi-values/totals?goals=yes&from=2030-03-01&to=2030-03-31", key), 422, "goals");
        ApiClient.assertProblem(
                api.get("/api/v1/kpi-values/totals?goals=true&by=role&from=2030-03-01&to=2030-03-31", key), 422, "by");
    }

    /** The board on the fake clock, rendered as the CLI and the API render it. */
    private static List<JsonNode> fakeClockRows(long contestId) {
        var goals = new ContestGoals(
                server.bean(Leaderboards.class),
                server.bean(OrganizationStore.class),
                server.bean(TenantTransactions.class),
                server.bean(KpiMeasureCache.class),
                server.bean(WorkingDays.class),
                clock);
        return LeaderboardEntryView.of(goals.show(acme.id(), contestId)).stream()
                .map(BoardGoalsApiIT::json)
                .toList();
    }

    private static List<JsonNode> withoutPace(List<JsonNode> rows) {
        return rows.stream()
                .map(row -> {
                    var copy = row.deepCopy();
                    if (copy.get("goal") instanceof com.fasterxml.jackson.databind.node.ObjectNode goal) {
                        goal.remove(PACE_FIELDS);
                    }
                    return (JsonNode) copy;
                })
                .toList();
    }

    private static JsonNode json(Object value) {
        try {
            return ParsedJson.of(CliOutput.JSON.writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void calls(ContestLeaderboardUpdater updater, String person, LocalDate day, int value) {
        long profile = ids.get(person);
        server.bean(TenantTransactions.class).inOrganization(acme.id(), tx -> {
            tx.execute(
                    "insert into kpi_values (organization_id, profile_id, kpi_key, period_date, value, fact_count) "
                            + "values (?, ?, 'calls_made', ?, ?, 1)",
                    acme.id(),
                    profile,
                    day,
                    value);
            updater.apply(tx, new ProfileChanges(acme, profile, Set.of(new KpiDay("calls_made", day)), true));
            return null;
        });
    }

    private static long profile(String name, String team, String role) {
        return cli(
                        "profile",
                        "create",
                        "--org",
                        "acme",
                        "--email",
                        name + "@acme.test",
                        "--team",
                        team,
                        "--role",
                        role,
                        "--json")
                .lastJson()
                .get("id")
                .asLong();
    }

    private static void goal(String subjectOption, String subject, String target) {
        cli(
                "goal",
                "set",
                "--org",
                "acme",
                "--kpi",
                "calls_made",
                "--period",
                "month",
                "--target",
                target,
                subjectOption,
                subject,
                "--from",
                FIRST.toString());
    }

    private static long contest(String name, boolean teams) {
        var args = new ArrayList<>(List.of(
                "contest",
                "create",
                "--org",
                "acme",
                "--name",
                name,
                "--kpi",
                "calls_made",
                "--from",
                FIRST.toString(),
                "--to",
                LAST.toString(),
                "--json"));
        if (teams) {
            args.add("--teams");
        }
        return cli(args.toArray(String[]::new)).lastJson().get("id").asLong();
    }

    private static java.net.http.HttpResponse<String> ok(java.net.http.HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static CliRun cli(String... args) {
        return CliRun.succeeded(server.environment(), args);
    }
}
