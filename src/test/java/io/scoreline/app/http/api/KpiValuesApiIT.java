package io.scoreline.app.http.api;

import static io.scoreline.pipeline.db.Tables.KPI_VALUES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scoreline.app.config.ApiSettings;
import io.scoreline.pipeline.database.DatabaseEndpoint;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.testing.ApiClient;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.ScorelineServer;
import io.scoreline.testing.TestPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/kpi-values} and its totals against the real server: every grouping across a
 * daylight-saving change (Berlin's on 2026-10-25 with weeks from Monday, New York's on 2026-11-01
 * with weeks from Sunday), teams with their sub-teams, totals equal to {@code kpi show --json} and
 * {@code kpi teams --json}, bad input on each parameter, and another organization's ids and values.
 */
class KpiValuesApiIT {

    private static final LocalDate FIRST = LocalDate.of(2026, 10, 20);
    private static final LocalDate LAST = LocalDate.of(2026, 11, 2);

    private static DatabaseEndpoint database;
    private static ScorelineServer server;
    private static String acmeKey;
    private static String globexKey;
    private static final Map<String, Long> profiles = new LinkedHashMap<>();
    private static final Map<String, Long> teams = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        database = TestPostgres.freshDatabase();
        // The class sends dozens of requests with one key; on a quiet host they came faster than the default
        // rate and got 429 (the rate limit has its own test in ApiKeysApiIT).
        server = ScorelineServer.start(
                database, Map.of(ApiSettings.RATE_LIMIT, "100000", ApiSettings.RATE_BURST, "100000"));
        cli("org", "create", "--slug", "acme", "--name", "Acme", "--timezone", "Europe/Berlin");
        cli(
                "org",
                "create",
                "--slug",
                "globex",
                "--name",
                "Globex",
                "--timezone",
                "America/New_York",
                "--week-start",
                "sunday");
        acmeKey = line(cli("apikey", "create", "--org", "acme", "--name", "app", "--scopes", "read", "--json"))
                .get("key")
                .asText();
        globexKey = line(cli("apikey", "create", "--org", "globex", "--name", "app", "--scopes", "read", "--json"))
                .get("key")
                .asText();
        team("acme", "Sales", null);
        team("acme", "EMEA", "Sales");
        team("acme", "Nordics", "EMEA");
        team("acme", "Americas", "Sales");
        team("globex", "Field", null);
        profile("acme", "ana@acme.example", "EMEA");
        profile("acme", "bob@acme.example", "Nordics");
        profile("acme", "cy@acme.example", "Americas");
        profile("acme", "dee@acme.example", null);
        profile("globex", "pat@globex.example", "Field");

        long acme = organizationId(acmeKey);
        long globex = organizationId(globexKey);
        var transactions = server.bean(TenantTransactions.class);
        transactions.inOrganization(acme, tx -> {
            for (var email : List.of("ana@acme.example", "bob@acme.example", "cy@acme.example", "dee@acme.example")) {
                for (var day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
                    insert(tx, acme, profiles.get(email), "calls_made", day, "1", 1);
                }
            }
            insert(tx, acme, profiles.get("ana@acme.example"), "deals_won", LocalDate.of(2026, 10, 25), "2.5", 2);
            return null;
        });
        transactions.inOrganization(globex, tx -> {
            for (var day = LocalDate.of(2026, 10, 28); !day.isAfter(LocalDate.of(2026, 11, 3)); day = day.plusDays(1)) {
                insert(tx, globex, profiles.get("pat@globex.example"), "demos_booked", day, "1", 1);
                // The same KPI key as acme's: never in acme's answers.
                insert(tx, globex, profiles.get("pat@globex.example"), "calls_made", day, "100", 1);
            }
            return null;
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void dayWeekMonthAndWindowGroupAcrossBerlinsDaylightSavingChange() throws Exception {
        var ana = "&person=" + profiles.get("ana@acme.example") + "&kpi=calls_made&from=2026-10-20&to=2026-11-02";
        var days = items(ok("/api/v1/kpi-values?group=day&limit=500" + ana, acmeKey));
        assertThat(days).hasSize(14);
        assertThat(dates(days).getFirst()).isEqualTo("2026-10-20");
        assertThat(byDate(days)).containsEntry("2026-10-25", "1").containsEntry("2026-10-26", "1");

        // Weeks from Monday: 19 October (the 20th to the 25th, the day the clocks go back), 26 October, 2 November.
        var weeks = ok("/api/v1/kpi-values?group=week" + ana, acmeKey);
        assertThat(byDate(items(weeks)))
                .containsExactly(
                        Map.entry("2026-10-19", "6"), Map.entry("2026-10-26", "7"), Map.entry("2026-11-02", "1"));
        assertThat(weeks.get("group").asText()).isEqualTo("week");
        assertThat(weeks.get("from").asText()).isEqualTo("2026-10-20");
        assertThat(weeks.get("to").asText()).isEqualTo("2026-11-02");

        var months = items(ok("/api/v1/kpi-values?group=month" + ana, acmeKey));
        assertThat(byDate(months)).containsExactly(Map.entry("2026-10-01", "12"), Map.entry("2026-11-01", "2"));

        var window = items(ok("/api/v1/kpi-values?group=window" + ana, acmeKey));
        assertThat(window).hasSize(1);
        assertThat(window.getFirst().has("date")).isFalse();
        assertThat(window.getFirst().get("value").decimalValue()).isEqualByComparingTo("14");
        assertThat(window.getFirst().get("facts").asLong()).isEqualTo(14);
        assertThat(window.getFirst().get("profile").asText()).isEqualTo("ana@acme.example");
        assertThat(window.getFirst().get("profile_id").asLong()).isEqualTo(profiles.get("ana@acme.example"));
        // Without group: the whole window.
        assertThat(items(ok("/api/v1/kpi-values?" + ana.substring(1), acmeKey))).isEqualTo(window);
    }

    @Test
    void weeksStartOnTheOrganizationsWeekStartAcrossNewYorksChange() throws Exception {
        var pat = profiles.get("pat@globex.example");
        var weeks = items(ok(
                "/api/v1/kpi-values?group=week&kpi=demos_booked&from=2026-10-28&to=2026-11-03&person=" + pat,
                globexKey));
        // Sundays: 25 October (28th to 31st) and 1 November (the change; 1st to 3rd).
        assertThat(byDate(weeks)).containsExactly(Map.entry("2026-10-25", "4"), Map.entry("2026-11-01", "3"));
    }

    @Test
    void theDefaultWindowIsTheLastThirtyDaysInTheOrganizationsZone() throws Exception {
        var page = ok("/api/v1/kpi-values", acmeKey);
        var today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        var to = LocalDate.parse(page.get("to").asText());
        // The server's clock and this one may straddle midnight, never more.
        assertThat(to).isBetween(today.minusDays(1), today);
        assertThat(LocalDate.parse(page.get("from").asText())).isEqualTo(to.minusDays(29));
        assertThat(page.get("group").asText()).isEqualTo("window");
        var onlyFrom = ok("/api/v1/kpi-values?from=2026-10-01", acmeKey);
        assertThat(LocalDate.parse(onlyFrom.get("to").asText())).isEqualTo(to);
        var onlyTo = ok("/api/v1/kpi-values?to=2026-10-31", acmeKey);
        assertThat(onlyTo.get("from").asText()).isEqualTo("2026-10-02");
    }

    @Test
    void aTeamIncludesItsSubTeamsAndPagesFollowTheCursor() throws Exception {
        var window = "&kpi=calls_made&from=2026-10-20&to=2026-11-02";
        assertThat(profilesOf(items(ok("/api/v1/kpi-values?team=" + teams.get("Sales") + window, acmeKey))))
                .containsExactly("ana@acme.example", "bob@acme.example", "cy@acme.example");
        assertThat(profilesOf(items(ok("/api/v1/kpi-values?team=" + teams.get("EMEA") + window, acmeKey))))
                .containsExactly("ana@acme.example", "bob@acme.example");
        assertThat(profilesOf(items(ok("/api/v1/kpi-values?team=" + teams.get("Nordics") + window, acmeKey))))
                .containsExactly("bob@acme.example");

        var whole = items(ok("/api/v1/kpi-values?group=day&limit=500&team=" + teams.get("Sales") + window, acmeKey));
        assertThat(whole).hasSize(3 * 14);
        var paged = new ArrayList<JsonNode>();
        String after = null;
        int pages = 0;
        do {
            var page = ok(
                    "/api/v1/kpi-values?group=day&limit=5&team=" + teams.get("Sales") + window
                            + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8)),
                    acmeKey);
            paged.addAll(items(page));
            after = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        } while (after != null && pages < 100);
        assertThat(pages).isEqualTo(9);
        assertThat(paged).isEqualTo(whole);

        // Weeks page too: the cursor carries the week.
        var weeks = items(ok("/api/v1/kpi-values?group=week&limit=500&team=" + teams.get("Sales") + window, acmeKey));
        var first = ok("/api/v1/kpi-values?group=week&limit=4&team=" + teams.get("Sales") + window, acmeKey);
        var rest = ok(
                "/api/v1/kpi-values?group=week&limit=500&team=" + teams.get("Sales") + window + "&after="
                        + first.get("next").asText(),
                acmeKey);
        var joined = new ArrayList<>(items(first));
        joined.addAll(items(rest));
        assertThat(joined).isEqualTo(weeks);
        assertThat(rest.get("next").isNull()).isTrue();
    }

    @Test
    void totalsByPersonAndByTeamEqualKpiShowAndKpiTeams() throws Exception {
        var byPerson = ok("/api/v1/kpi-values/totals?by=person&from=2026-10-20&to=2026-11-02", acmeKey);
        var show =
                jsonLines(cli("kpi", "show", "--org", "acme", "--from", "2026-10-20", "--to", "2026-11-02", "--json"));
        assertThat(byPerson.get("group").asText()).isEqualTo("person");
        assertSameFields(items(byPerson), show);
        assertThat(show).hasSize(5);

        var byTeam = ok("/api/v1/kpi-values/totals?by=team&from=2026-10-20&to=2026-11-02", acmeKey);
        var teamsCli =
                jsonLines(cli("kpi", "teams", "--org", "acme", "--from", "2026-10-20", "--to", "2026-11-02", "--json"));
        assertSameFields(items(byTeam), teamsCli);
        var sales = items(byTeam).stream()
                .filter(t -> t.get("team").asText().equals("Sales")
                        && t.get("kpi").asText().equals("calls_made"))
                .findFirst()
                .orElseThrow();
        assertThat(sales.get("value").decimalValue()).isEqualByComparingTo("42");
        assertThat(sales.get("people").asInt()).isEqualTo(3);

        // Pages of totals: two at a time, the same rows in the same order.
        var paged = new ArrayList<JsonNode>();
        var page = ok("/api/v1/kpi-values/totals?by=person&limit=2&from=2026-10-20&to=2026-11-02", acmeKey);
        paged.addAll(items(page));
        while (!page.get("next").isNull()) {
            page = ok(
                    "/api/v1/kpi-values/totals?by=person&limit=2&from=2026-10-20&to=2026-11-02&after="
                            + page.get("next").asText(),
                    acmeKey);
            paged.addAll(items(page));
        }
        assertThat(paged).isEqualTo(items(byPerson));
    }

    @Test
    void badInputIsRefusedWithTheFieldAtFault() throws Exception {
        refused("/api/v1/kpi-values?from=2026-11-02&to=2026-10-20", "to");
        refused("/api/v1/kpi-values?from=2025-01-01&to=2026-01-02", "to");
        refused("/api/v1/kpi-values?from=2026-02-30", "from");
        refused("/api/v1/kpi-values?to=yesterday", "to");
        refused("/api/v1/kpi-values?kpi=no_such_kpi", "kpi");
        refused("/api/v1/kpi-values?kpi=" + "k".repeat(101), "kpi");
        refused("/api/v1/kpi-values?group=year", "group");
        refused("/api/v1/kpi-values?person=ana", "person");
        refused("/api/v1/kpi-values?team=-3", "team");
        refused("/api/v1/kpi-values?limit=0", "limit");
        refused("/api/v1/kpi-values?after=not-a-cursor", "after");
        // A window cursor is not a day cursor.
        var window = ok("/api/v1/kpi-values?limit=1&from=2026-10-20&to=2026-11-02", acmeKey);
        refused("/api/v1/kpi-values?group=day&after=" + window.get("next").asText(), "after");
        refused("/api/v1/kpi-values/totals?by=region", "by");
        refused("/api/v1/kpi-values/totals?from=2026-11-02&to=2026-10-20", "to");
        refused("/api/v1/kpi-values/totals?by=team&from=2024-01-01&to=2026-01-01", "to");
        refused("/api/v1/kpi-values/totals?after=xyz", "after");
        // 366 days are allowed.
        assertThat(get("/api/v1/kpi-values?from=2025-11-02&to=2026-11-02", acmeKey)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void unknownAndOtherOrganizationsPeopleAndTeamsAreNotFound() throws Exception {
        var notFound = get("/api/v1/kpi-values?person=999999", acmeKey);
        assertThat(notFound.statusCode()).isEqualTo(404);
        for (var path : List.of(
                "/api/v1/kpi-values?person=" + profiles.get("pat@globex.example"),
                "/api/v1/kpi-values?team=" + teams.get("Field"),
                "/api/v1/kpi-values?team=999999")) {
            var response = get(path, acmeKey);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).isEqualTo(notFound.body());
        }
        // Another organization's KPI key is no KPI of this one.
        refused("/api/v1/kpi-values?kpi=demos_booked", "kpi");
    }

    @Test
    void noAnswerEverHoldsAnotherOrganizationsValues() throws Exception {
        var window = "from=2026-10-01&to=2026-11-30";
        for (var group : List.of("day", "week", "month", "window")) {
            var acme = items(ok("/api/v1/kpi-values?limit=500&group=" + group + "&" + window, acmeKey));
            assertThat(acme).isNotEmpty();
            assertThat(profilesOf(acme)).allMatch(p -> p.endsWith("@acme.example"));
            var globex = items(ok("/api/v1/kpi-values?limit=500&group=" + group + "&" + window, globexKey));
            assertThat(profilesOf(globex)).containsOnly("pat@globex.example");
        }
        for (var by : List.of("person", "team")) {
            var acme = ok("/api/v1/kpi-values/totals?by=" + by + "&" + window, acmeKey)
                    .toString();
            assertThat(acme).doesNotContain("globex").doesNotContain("Field").doesNotContain("demos_booked");
            var globex = ok("/api/v1/kpi-values/totals?by=" + by + "&" + window, globexKey)
                    .toString();
            assertThat(globex).doesNotContain("acme").doesNotContain("Sales");
        }
        var calls = items(ok("/api/v1/kpi-values?kpi=calls_made&" + window, acmeKey));
        assertThat(calls)
                .allSatisfy(v -> assertThat(v.get("value").decimalValue()).isEqualByComparingTo("14"));
    }

    private static void assertSameFields(List<JsonNode> api, List<JsonNode> cli) {
        assertThat(api).hasSameSizeAs(cli);
        for (int i = 0; i < cli.size(); i++) {
            var fromCli = cli.get(i);
            var fromApi = api.get(i);
            fromCli.fieldNames().forEachRemaining(field -> {
                var expected = fromCli.get(field);
                var actual = fromApi.get(field);
                assertThat(actual).as(field + " of " + fromApi).isNotNull();
                if (expected.isNumber()) {
                    assertThat(actual.decimalValue()).as(field).isEqualByComparingTo(expected.decimalValue());
                } else {
                    assertThat(actual).as(field).isEqualTo(expected);
                }
            });
        }
    }

    private static void refused(String path, String field) throws Exception {
        var response = get(path, acmeKey);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(422);
        var error = ApiClient.json(response.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("invalid_input");
        assertThat(error.get("field").asText()).as(path).isEqualTo(field);
        assertThat(error.get("message").asText()).isNotBlank();
    }

    private static JsonNode ok(String path, String key) throws Exception {
        var response = get(path, key);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return ApiClient.json(response.body());
    }

    private static List<JsonNode> items(JsonNode page) {
        var items = new ArrayList<JsonNode>();
        page.get("items").forEach(items::add);
        return items;
    }

    private static List<String> dates(List<JsonNode> items) {
        return items.stream().map(i -> i.get("date").asText()).toList();
    }

    private static Map<String, String> byDate(List<JsonNode> items) {
        return items.stream()
                .collect(Collectors.toMap(
                        i -> i.get("date").asText(),
                        i -> i.get("value").decimalValue().stripTrailingZeros().toPlainString(),
                        (a, b) -> a + "+" + b,
                        LinkedHashMap::new));
    }

    private static List<String> profilesOf(List<JsonNode> items) {
        return items.stream().map(i -> i.get("profile").asText()).distinct().toList();
    }

    private static void insert(
            org.jooq.DSLContext tx, long org, long profile, String kpi, LocalDate day, String value, int facts) {
        tx.insertInto(KPI_VALUES)
                .set(KPI_VALUES.ORGANIZATION_ID, org)
                .set(KPI_VALUES.PROFILE_ID, profile)
                .set(KPI_VALUES.KPI_KEY, kpi)
                .set(KPI_VALUES.PERIOD_DATE, day)
                .set(KPI_VALUES.VALUE, new BigDecimal(value))
                .set(KPI_VALUES.FACT_COUNT, facts)
                .execute();
    }

    private static void team(String org, String name, String parent) throws IOException {
        var run = parent == null
                ? cli("team", "create", "--org", org, "--name", name, "--json")
                : cli("team", "create", "--org", org, "--name", name, "--parent", parent, "--json");
        teams.put(name, line(run).get("id").asLong());
    }

    private static void profile(String org, String email, String team) throws IOException {
        var run = team == null
                ? cli("profile", "create", "--org", org, "--email", email, "--json")
                : cli("profile", "create", "--org", org, "--email", email, "--team", team, "--json");
        profiles.put(email, line(run).get("id").asLong());
    }

    private static long organizationId(String key) throws Exception {
        return ok("/api/v1/organization", key).get("id").asLong();
    }

    private static CliRun cli(String... args) {
        return CliRun.succeeded(server.environment(), args);
    }

    private static JsonNode line(CliRun run) {
        return run.lastJson();
    }

    private static List<JsonNode> jsonLines(CliRun run) {
        return run.jsonLines();
    }

    private static HttpResponse<String> get(String path, String key) {
        return new ApiClient(server).get(path, key);
    }
}
