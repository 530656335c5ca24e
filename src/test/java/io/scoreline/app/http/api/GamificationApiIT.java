package io.scoreline.app.http.api;

import static io.scoreline.pipeline.db.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.gamification.KpiDay;
import io.scoreline.gamification.ProfileChanges;
import io.scoreline.gamification.contests.ContestLeaderboardUpdater;
import io.scoreline.gamification.contests.ContestLifecycle;
import io.scoreline.gamification.contests.ContestSettings;
import io.scoreline.gamification.notifications.NotificationStore;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import io.scoreline.sim.TestClock;
import io.scoreline.testing.ApiClient;
import io.scoreline.testing.ApiKeysForTests;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.ScorelineServer;
import io.scoreline.testing.TestPostgres;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Badges and contests through the admin API against the real server and database: every endpoint,
 * bad input on each, another organization's ids answered 404, a read key refused on writes, the CLI
 * and the API giving the same answers, and a cancelled contest that no longer moves or awards
 * (the lifecycle and the leaderboard updater on a fake clock, beside the server).
 */
// In order: the awards test counts the awards made so far, and the last test finishes a contest
// with placement awards.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GamificationApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String CUSTOM_CATALOG = """
            badges:
              - key: calls_day_40
                name: Forty calls
                category: calling
                description: Forty calls in a day.
                rule: { kind: threshold, kpi: calls_made, period: day, at_least: 40 }
              - key: first_call
                name: Hello world
                category: calling
                rule: { kind: first, kpi: calls_made }
            """;

    private static ScorelineServer server;
    private static String readKey;
    private static String writeKey;
    private static long writeKeyId;
    private static String globexKey;
    private static Organization acme;
    private static Organization globex;
    private static final Map<String, Long> people = new HashMap<>();
    private static long globexContest;
    private static long globexAward;

    @BeforeAll
    static void start() throws Exception {
        server = ScorelineServer.start(TestPostgres.freshDatabase(), Map.of());
        cli("org", "create", "--slug", "acme", "--name", "Acme", "--timezone", "Europe/Berlin");
        cli("org", "create", "--slug", "globex", "--name", "Globex", "--timezone", "Europe/Berlin");
        readKey = key("acme", "read").get("key").asText();
        var write = key("acme", "write");
        writeKey = write.get("key").asText();
        writeKeyId = write.get("id").asLong();
        globexKey = key("globex", "write").get("key").asText();
        var organizations = server.bean(OrganizationStore.class);
        acme = organizations.require("acme");
        globex = organizations.require("globex");
        cli("team", "create", "--org", "acme", "--name", "Alpha");
        for (var name : List.of("ann", "bob")) {
            people.put(name, profile("acme", name, "Alpha"));
        }
        people.put("cat", profile("acme", "cat", null));
        people.put("gus", profile("globex", "gus", null));
        for (var organization : List.of(acme, globex)) {
            sql(
                    organization,
                    "insert into kpi_definitions (organization_id, key, name) values (?, 'calls_made', 'Calls')");
            // Installs the stock catalog, as the evaluator's first run would.
            assertThat(get("/api/v1/badges", organization == acme ? readKey : globexKey)
                            .statusCode())
                    .isEqualTo(200);
        }
        award(acme, people.get("ann"), "first_call", "all", "2026-11-02T09:00:00Z");
        award(acme, people.get("bob"), "first_call", "all", "2026-11-03T09:00:00Z");
        award(acme, people.get("ann"), "dialer_day_25", "2026-11-03", "2026-11-03T18:00:00Z");
        globexAward = award(globex, people.get("gus"), "first_call", "all", "2026-11-02T09:00:00Z");
        var created = send(
                "POST",
                "/api/v1/contests",
                "{\"name\":\"Globex race\",\"kpi\":\"calls_made\",\"from\":\"2031-01-05\",\"to\":\"2031-01-09\"}",
                globexKey);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        globexContest = ApiClient.json(created.body()).get("id").asLong();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @Order(1)
    void theCatalogIsTheStockOneWithTheOrganizationsOwnBadgesAddedByPut() throws Exception {
        var before = items(get("/api/v1/badges", readKey));
        // The stock part is `badges catalog --json`, field by field.
        var stock = cli("badges", "catalog", "--json").outLines().stream()
                .map(GamificationApiIT::tree)
                .toList();
        assertThat(stock).hasSizeGreaterThan(10);
        var apiStock = before.stream()
                .filter(b -> b.get("origin").asText().equals("stock"))
                .toList();
        assertThat(apiStock).containsExactlyInAnyOrderElementsOf(stock);

        var refused = send("PUT", "/api/v1/badges", body("document", CUSTOM_CATALOG), readKey);
        assertThat(refused.statusCode()).isEqualTo(403);
        var auditBefore = audit(acme, "badges.add").size();
        var added = send("PUT", "/api/v1/badges", body("document", CUSTOM_CATALOG), writeKey);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(ApiClient.json(added.body()))
                .isEqualTo(ApiClient.json("{\"organization\":\"acme\",\"badges\":[\"calls_day_40\",\"first_call\"]}"));
        var after = items(get("/api/v1/badges", readKey));
        assertThat(after)
                .filteredOn(b -> b.get("badge").asText().equals("first_call"))
                .singleElement()
                .satisfies(b -> {
                    assertThat(b.get("name").asText()).isEqualTo("Hello world");
                    assertThat(b.get("origin").asText()).isEqualTo("custom");
                });
        assertThat(after)
                .filteredOn(b -> b.get("badge").asText().equals("calls_day_40"))
                .singleElement()
                .satisfies(b -> assertThat(b.at("/rule/at_least").asInt()).isEqualTo(40));
        assertThat(after).hasSize(before.size() + 1);
        var rows = audit(acme, "badges.add");
        assertThat(rows).hasSize(auditBefore + 1);
        assertThat(rows.getLast()).contains("api_key:" + writeKeyId).contains("calls_day_40");
        // Another organization's catalog is untouched.
        assertThat(items(get("/api/v1/badges", globexKey)))
                .noneMatch(b -> b.get("badge").asText().equals("calls_day_40"));
    }

    @Test
    @Order(2)
    void anInvalidCatalogIs422WithLineAndColumnAndStoresNothing() throws Exception {
        var invalid = send(
                "PUT",
                "/api/v1/badges",
                body(
                        "document",
                        "badges:\n  - key: x\n    name: X\n    category: c\n    rule: { kind: threshold, kpi: calls_made, period: day, at_least: lots }\n"),
                writeKey);
        assertThat(invalid.statusCode()).isEqualTo(422);
        var error = ApiClient.json(invalid.body()).get("error");
        assertThat(error.get("field").asText()).isEqualTo("document");
        assertThat(error.get("message").asText()).matches("document:5:\\d+: at_least must be a positive number.*");
        assertThat(items(get("/api/v1/badges", readKey)))
                .noneMatch(b -> b.get("badge").asText().equals("x"));

        assertStatus(send("PUT", "/api/v1/badges", "{\"document\": ", writeKey), 400, null);
        assertStatus(send("PUT", "/api/v1/badges", "{\"doc\":\"badges: []\"}", writeKey), 422, "doc");
        assertStatus(send("PUT", "/api/v1/badges", "{}", writeKey), 422, "document");
        assertStatus(send("PUT", "/api/v1/badges", "{\"document\":7}", writeKey), 422, "document");
    }

    @Test
    @Order(3)
    void awardsArePagedWithTheirEvidenceAndEqualTheClisList() throws Exception {
        var all = items(get("/api/v1/badges/awards", readKey));
        assertThat(all).hasSize(3);
        assertThat(all.getFirst().get("badge").asText()).isEqualTo("dialer_day_25");
        assertThat(all.getFirst().at("/evidence/window").asText()).isEqualTo("2026-11-03");
        assertThat(all.getFirst().at("/evidence/records/0").asText()).isEqualTo("00T1");

        // The CLI's lines, field by field, the ids the API addresses things by included.
        var cli = cli("badges", "--org", "acme", "--json").outLines().stream()
                .map(GamificationApiIT::tree)
                .toList();
        all.forEach(a -> {
            assertThat(a.get("id").asLong()).isPositive();
            assertThat(a.get("profile_id").asLong())
                    .isEqualTo(people.get(a.get("profile").asText().replace("@acme.test", "")));
        });
        assertThat(all).containsExactlyInAnyOrderElementsOf(cli);

        var first = ApiClient.json(get("/api/v1/badges/awards?limit=2", readKey).body());
        assertThat(first.get("items")).hasSize(2);
        var next = next(first);
        assertThat(next).isNotNull();
        var second = ApiClient.json(get("/api/v1/badges/awards?limit=2&after=" + encode(next), readKey)
                .body());
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.has("next")).as("the last page says so").isTrue();
        assertThat(next(second)).isNull();
        var paged = new ArrayList<JsonNode>();
        first.get("items").forEach(paged::add);
        second.get("items").forEach(paged::add);
        assertThat(paged).isEqualTo(all);

        var anns = items(get("/api/v1/badges/awards?profile_id=" + people.get("ann"), readKey));
        assertThat(anns).hasSize(2).allMatch(a -> a.get("profile").asText().equals("ann@acme.test"));
        var firstCalls = items(get("/api/v1/badges/awards?badge=first_call", readKey));
        assertThat(firstCalls).hasSize(2).allMatch(a -> a.get("badge").asText().equals("first_call"));
        // Another organization's person is nobody here: an empty page, written out.
        var nobody = get("/api/v1/badges/awards?profile_id=" + people.get("gus"), readKey);
        assertThat(ApiClient.json(nobody.body())).isEqualTo(ApiClient.json("{\"items\":[],\"next\":null}"));

        var one = get("/api/v1/badges/awards/" + all.get(1).get("id").asLong(), readKey);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(one.body())).isEqualTo(all.get(1));
        assertStatus(get("/api/v1/badges/awards/" + globexAward, readKey), 404, null);
        assertThat(get("/api/v1/badges/awards/" + globexAward, globexKey).statusCode())
                .isEqualTo(200);
        assertStatus(get("/api/v1/badges/awards/999999", readKey), 404, null);

        assertStatus(get("/api/v1/badges/awards?limit=0", readKey), 422, "limit");
        assertStatus(get("/api/v1/badges/awards?limit=many", readKey), 422, "limit");
        assertStatus(get("/api/v1/badges/awards?profile_id=ann", readKey), 422, "profile_id");
        assertStatus(get("/api/v1/badges/awards?after=yesterday", readKey), 422, "after");
    }

    @Test
    @Order(4)
    void aContestIsCreatedListedAndShownAsTheCliDoes() throws Exception {
        var refused = send("POST", "/api/v1/contests", contest("Refused", "2031-02-02", "2031-02-06"), readKey);
        assertThat(refused.statusCode()).isEqualTo(403);
        var auditBefore = audit(acme, "contest.create").size();
        var created = send(
                "POST",
                "/api/v1/contests",
                "{\"name\":\"Team race\",\"kpi\":\"calls_made\",\"from\":\"2031-03-02\",\"to\":\"2031-03-06\","
                        + "\"teams\":true,\"target\":50,\"grace\":\"2d\"}",
                writeKey);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var body = ApiClient.json(created.body());
        long id = body.get("id").asLong();
        assertThat(body.get("teams").asBoolean()).isTrue();
        assertThat(body.get("target").asText()).isEqualTo("50");
        assertThat(body.get("grace").asText()).isEqualTo("PT48H");
        assertThat(body.get("status").asText()).isEqualTo("scheduled");
        assertThat(body.get("entries").asInt()).as("one team: Alpha").isEqualTo(1);
        var rows = audit(acme, "contest.create");
        assertThat(rows).hasSize(auditBefore + 1);
        assertThat(rows.getLast())
                .contains("api_key:" + writeKeyId)
                .contains("contest:" + id)
                .contains("Team race");

        var cliCreated = tree(cli(
                        "contest",
                        "create",
                        "--org",
                        "acme",
                        "--name",
                        "By the CLI",
                        "--kpi",
                        "calls_made",
                        "--from",
                        "2031-04-06",
                        "--to",
                        "2031-04-10",
                        "--participants",
                        "ann@acme.test,cat@acme.test",
                        "--json")
                .outLines()
                .getLast());
        var shown = get("/api/v1/contests/" + cliCreated.get("id").asLong(), readKey);
        assertThat(ApiClient.json(shown.body())).isEqualTo(cliCreated);
        assertThat(ApiClient.json(get("/api/v1/contests/" + id, readKey).body()))
                .isEqualTo(body);

        // The whole list, page by page, is `contest list --json` in the same order.
        var cliList = cli("contest", "list", "--org", "acme", "--json").outLines().stream()
                .map(GamificationApiIT::tree)
                .toList();
        var apiList = new ArrayList<JsonNode>();
        String after = null;
        do {
            var page = ApiClient.json(
                    get("/api/v1/contests?limit=1" + (after == null ? "" : "&after=" + encode(after)), readKey)
                            .body());
            assertThat(page.get("items").size()).isLessThanOrEqualTo(1);
            page.get("items").forEach(apiList::add);
            after = next(page);
        } while (after != null);
        assertThat(apiList).isEqualTo(cliList);
        assertThat(apiList).noneMatch(c -> c.get("id").asLong() == globexContest);

        assertStatus(get("/api/v1/contests/" + globexContest, readKey), 404, null);
        assertStatus(get("/api/v1/contests/" + globexContest + "/leaderboard", readKey), 404, null);
        assertStatus(send("POST", "/api/v1/contests/" + globexContest + "/cancel", null, writeKey), 404, null);
        assertStatus(get("/api/v1/contests/999999", readKey), 404, null);
        assertStatus(get("/api/v1/contests?after=nope", readKey), 422, "after");
        assertStatus(get("/api/v1/contests?limit=501", readKey), 422, "limit");
        assertThat(ApiClient.json(get("/api/v1/contests/" + globexContest, globexKey)
                                .body())
                        .get("name")
                        .asText())
                .isEqualTo("Globex race");
    }

    @Test
    @Order(5)
    void badContestInputIsRefusedNamingTheFieldAndStoresNothing() throws Exception {
        var before = items(get("/api/v1/contests?limit=500", readKey)).size();
        assertStatus(
                send(
                        "POST",
                        "/api/v1/contests",
                        "{\"name\":\"X\",\"kpi\":\"deals_won\",\"from\":\"2031-05-04\",\"to\":\"2031-05-08\"}",
                        writeKey),
                422,
                null,
                "unknown KPI 'deals_won'");
        assertStatus(send("POST", "/api/v1/contests", contest("X", "2031-02-30", "2031-03-02"), writeKey), 422, "from");
        assertStatus(
                send("POST", "/api/v1/contests", contest("X", "2031-03-02", "2031-03-01"), writeKey),
                422,
                "to",
                "to 2031-03-01 is before from 2031-03-02");
        assertStatus(send("POST", "/api/v1/contests", contest(" ", "2031-03-02", "2031-03-03"), writeKey), 422, "name");
        assertStatus(send("POST", "/api/v1/contests", withField("grace", "\"forever\""), writeKey), 422, "grace");
        assertStatus(send("POST", "/api/v1/contests", withField("target", "-1"), writeKey), 422, "target");
        assertStatus(send("POST", "/api/v1/contests", withField("target", "true"), writeKey), 422, "target");
        assertStatus(send("POST", "/api/v1/contests", withField("teams", "\"yes\""), writeKey), 422, "teams");
        assertStatus(
                send("POST", "/api/v1/contests", withField("participants", "[\"nobody@acme.test\"]"), writeKey),
                422,
                null,
                "nobody@acme.test");
        // Another organization's people are nobody here either.
        assertStatus(
                send("POST", "/api/v1/contests", withField("participants", "[\"gus@acme.test\"]"), writeKey),
                422,
                null,
                "gus@acme.test");
        // A team contest among people in no team has no team to rank.
        assertStatus(
                send(
                        "POST",
                        "/api/v1/contests",
                        withField("participants", "[\"cat@acme.test\"],\"teams\":true"),
                        writeKey),
                422,
                null,
                "in a team");
        assertStatus(send("POST", "/api/v1/contests", withField("colour", "\"red\""), writeKey), 422, "colour");
        assertStatus(send("POST", "/api/v1/contests", "{\"name\":", writeKey), 400, null);
        assertStatus(send("POST", "/api/v1/contests", "{\"name\":\"X\"}", writeKey), 422, "kpi");
        assertThat(items(get("/api/v1/contests?limit=500", readKey))).hasSize(before);
        // The CLI refuses the same value in the same words, but for the option's name.
        var cli = CliRun.run(
                server.environment(),
                "contest",
                "create",
                "--org",
                "acme",
                "--name",
                "X",
                "--kpi",
                "calls_made",
                "--from",
                "2031-03-02",
                "--to",
                "2031-03-03",
                "--grace",
                "forever");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--grace must be a duration from 0 to 31d");
    }

    @Test
    @Order(6)
    void aCancelledContestNoLongerMovesNotifiesOrAwardsWhileAnotherFinishes() throws Exception {
        // The stock placement badges are installed (as by the evaluator's first run).
        assertThat(get("/api/v1/badges", readKey).statusCode()).isEqualTo(200);
        long kept = contestId(send("POST", "/api/v1/contests", contest("Kept", "2030-03-04", "2030-03-05"), writeKey));
        long cancelled = contestId(
                send("POST", "/api/v1/contests", contest("Called off", "2030-03-04", "2030-03-05"), writeKey));
        var clock = new TestClock(berlin("2030-03-04T10:00"));
        var transactions = server.bean(TenantTransactions.class);
        var notifications = new NotificationStore(transactions, clock);
        var lifecycle = new ContestLifecycle(transactions, notifications, clock, ContestSettings.defaults());
        var updater = new ContestLeaderboardUpdater(notifications, clock, ContestSettings.defaults());

        assertThat(lifecycle.tick()).isGreaterThanOrEqualTo(2);
        assertThat(status(kept)).isEqualTo("live");
        assertThat(status(cancelled)).isEqualTo("live");
        calls(updater, "ann", LocalDate.parse("2030-03-04"), 3);
        assertThat(scores(cancelled)).startsWith("1 ann@acme.test 3").hasSize(3);

        // The leaderboard is `leaderboard --contest ID --json`, row by row.
        var board = ApiClient.json(
                get("/api/v1/contests/" + cancelled + "/leaderboard", readKey).body());
        assertThat(board.get("contest_id").asLong()).isEqualTo(cancelled);
        assertThat(board.get("status").asText()).isEqualTo("live");
        var cliBoard = cli("leaderboard", "--contest", Long.toString(cancelled), "--json").outLines().stream()
                .map(GamificationApiIT::tree)
                .toList();
        var apiBoard = new ArrayList<JsonNode>();
        board.get("entries").forEach(apiBoard::add);
        assertThat(apiBoard).hasSize(3).isEqualTo(cliBoard);

        assertStatus(send("POST", "/api/v1/contests/" + cancelled + "/cancel", null, readKey), 403, null);
        var auditBefore = audit(acme, "contest.cancel").size();
        var cancel = send("POST", "/api/v1/contests/" + cancelled + "/cancel", null, writeKey);
        assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(200);
        assertThat(ApiClient.json(cancel.body()).get("status").asText()).isEqualTo("cancelled");
        var rows = audit(acme, "contest.cancel");
        assertThat(rows).hasSize(auditBefore + 1);
        assertThat(rows.getLast())
                .contains("api_key:" + writeKeyId)
                .contains("contest:" + cancelled)
                .contains("\"was\": \"live\"");
        // Cancelling again answers the contest as it is, without a second audit row.
        var again = send("POST", "/api/v1/contests/" + cancelled + "/cancel", null, writeKey);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(audit(acme, "contest.cancel")).hasSize(auditBefore + 1);
        var noticesAtCancel = notices(cancelled);

        calls(updater, "ann", LocalDate.parse("2030-03-05"), 10);
        calls(updater, "bob", LocalDate.parse("2030-03-05"), 20);
        assertThat(scores(kept)).containsExactly("1 bob@acme.test 20", "2 ann@acme.test 13", "3 cat@acme.test 0");
        assertThat(scores(cancelled)).startsWith("1 ann@acme.test 3").hasSize(3);

        // Past the last day and the grace period: the kept contest is final and awards its places.
        clock.advance(java.time.Duration.between(clock.instant(), berlin("2030-03-08T10:00")));
        lifecycle.tick();
        assertThat(status(kept)).isEqualTo("final");
        assertThat(status(cancelled)).isEqualTo("cancelled");
        assertThat(placements(kept)).isEqualTo(2);
        assertThat(placements(cancelled)).isZero();
        assertThat(notices(kept)).isGreaterThan(0);
        assertThat(notices(cancelled)).isEqualTo(noticesAtCancel);
        assertThat(ApiClient.json(get("/api/v1/contests/" + cancelled + "/leaderboard", readKey)
                                .body())
                        .at("/entries/0/status")
                        .asText())
                .isEqualTo("cancelled");

        var finalOne = send("POST", "/api/v1/contests/" + kept + "/cancel", null, writeKey);
        assertStatus(finalOne, 409, null, "final");
        // The CLI cancels through the same use case, and refuses the same.
        var cliCancel = CliRun.run(server.environment(), "contest", "cancel", "--id", Long.toString(kept));
        assertThat(cliCancel.exitCode()).isEqualTo(1);
        assertThat(cliCancel.err()).contains("final");
        long byCli =
                contestId(send("POST", "/api/v1/contests", contest("CLI off", "2031-06-02", "2031-06-03"), writeKey));
        var cliJson = tree(cli("contest", "cancel", "--id", Long.toString(byCli), "--json")
                .outLines()
                .getLast());
        assertThat(cliJson)
                .isEqualTo(
                        ApiClient.json(get("/api/v1/contests/" + byCli, readKey).body()));
        assertThat(cliJson.get("status").asText()).isEqualTo("cancelled");
        assertThat(audit(acme, "contest.cancel").getLast()).startsWith("operator contest.cancel contest:" + byCli);
    }

    // --- helpers -------------------------------------------------------------------------------

    private static void calls(ContestLeaderboardUpdater updater, String person, LocalDate day, int value) {
        long profile = people.get(person);
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

    private static List<String> scores(long contestId) throws Exception {
        var board = ApiClient.json(
                get("/api/v1/contests/" + contestId + "/leaderboard", readKey).body());
        var lines = new ArrayList<String>();
        board.get("entries")
                .forEach(e -> lines.add(e.get("rank").asInt() + " "
                        + e.get("participant").asText() + " " + e.get("score").asText()));
        return lines;
    }

    private static String status(long contestId) throws Exception {
        return ApiClient.json(get("/api/v1/contests/" + contestId, readKey).body())
                .get("status")
                .asText();
    }

    private static int placements(long contestId) {
        return server.bean(TenantTransactions.class)
                .inOrganization(
                        acme.id(),
                        tx -> tx.fetchSingle(
                                        "select count(*) from profile_badges where period_key = ?",
                                        "contest:" + contestId)
                                .get(0, Integer.class));
    }

    private static int notices(long contestId) {
        return server.bean(TenantTransactions.class)
                .inOrganization(
                        acme.id(),
                        tx -> tx.fetchSingle(
                                        "select count(*) from notifications where dedupe_key like ?",
                                        "contest:" + contestId + ":%")
                                .get(0, Integer.class));
    }

    private static long contestId(HttpResponse<String> created) throws IOException {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ApiClient.json(created.body()).get("id").asLong();
    }

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    private static String contest(String name, String from, String to) throws IOException {
        return JSON.writeValueAsString(Map.of("name", name, "kpi", "calls_made", "from", from, "to", to));
    }

    private static String withField(String field, String rawValue) {
        return "{\"name\":\"X\",\"kpi\":\"calls_made\",\"from\":\"2031-03-02\",\"to\":\"2031-03-03\",\"" + field + "\":"
                + rawValue + "}";
    }

    private static String body(String field, String value) throws IOException {
        return JSON.writeValueAsString(Map.of(field, value));
    }

    private static long award(Organization organization, long profile, String badge, String period, String at) {
        var evidence = "{\"rule\":\"" + badge + "\",\"window\":\"" + period + "\",\"value\":3,\"records\":[\"00T1\"]}";
        return server.bean(TenantTransactions.class)
                .inOrganization(
                        organization.id(),
                        tx -> tx.fetchSingle(
                                        "insert into profile_badges (organization_id, profile_id, badge_id, period_key, evidence, awarded_at) "
                                                + "select ?, ?, id, ?, ?::jsonb, ?::timestamptz from badges where organization_id = ? and key = ? "
                                                + "returning id",
                                        organization.id(),
                                        profile,
                                        period,
                                        evidence,
                                        at,
                                        organization.id(),
                                        badge)
                                .get(0, Long.class));
    }

    private static void sql(Organization organization, String statement) {
        server.bean(TenantTransactions.class)
                .inOrganization(organization.id(), tx -> tx.execute(statement, organization.id()));
    }

    private static long profile(String org, String name, String team) throws IOException {
        var args = new ArrayList<>(List.of("profile", "create", "--org", org, "--email", name + "@" + org + ".test"));
        if (team != null) {
            args.addAll(List.of("--team", team));
        }
        args.add("--json");
        return tree(cli(args.toArray(String[]::new)).outLines().getLast())
                .get("id")
                .asLong();
    }

    private static JsonNode key(String org, String scope) {
        return ApiKeysForTests.create(server, org, scope + " key", scope);
    }

    private static List<String> audit(Organization organization, String action) {
        return server.bean(TenantTransactions.class)
                .inOrganization(
                        organization.id(),
                        tx -> tx.select(AUDIT_LOG.ACTOR, AUDIT_LOG.ACTION, AUDIT_LOG.TARGET, AUDIT_LOG.DETAILS)
                                .from(AUDIT_LOG)
                                .where(AUDIT_LOG.ACTION.eq(action))
                                .orderBy(AUDIT_LOG.ID)
                                .fetch())
                .map(r -> r.value1() + " " + r.value2() + " " + r.value3() + " "
                        + r.value4().data());
    }

    private static void assertStatus(HttpResponse<String> response, int status, String field) throws IOException {
        assertStatus(response, status, field, null);
    }

    private static void assertStatus(HttpResponse<String> response, int status, String field, String message) {
        var error = ApiClient.assertProblem(response, status, field);
        if (message != null) {
            assertThat(error.get("message").asText()).contains(message);
        }
    }

    private static List<JsonNode> items(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var node = ApiClient.json(response.body());
        var list = new ArrayList<JsonNode>();
        (node.isArray() ? node : node.get("items")).forEach(list::add);
        return list;
    }

    /** The cursor of the next page, or null on the last page. */
    private static String next(JsonNode page) {
        var next = page.path("next");
        return next.isTextual() ? next.asText() : null;
    }

    private static JsonNode tree(String line) {
        return ApiClient.json(line);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static CliRun cli(String... args) {
        return CliRun.succeeded(server.environment(), args);
    }

    private static HttpResponse<String> get(String path, String key) throws Exception {
        return send("GET", path, null, key);
    }

    private static HttpResponse<String> send(String method, String path, String body, String key) {
        return new ApiClient(server).send(method, path, body, key);
    }
}
