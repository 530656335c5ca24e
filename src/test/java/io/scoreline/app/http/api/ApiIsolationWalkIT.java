package io.scoreline.app.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.app.config.ApiSettings;
import io.scoreline.gamification.KpiChangeDrain;
import io.scoreline.pipeline.database.DatabaseEndpoint;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import io.scoreline.testing.ApiClient;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.ScorelineServer;
import io.scoreline.testing.TestPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The isolation walk of issue 21 (ADR 0038): organizations alpha and bravo, each with one of
 * everything an {@code /api/v1} path can name, and every route the server's own OpenAPI document
 * lists called with every kind of key. No key and a revoked key: 401. Alpha's read key on a
 * write: 403. Alpha's admin key with bravo's ids in the path and the route's example body: 404 in
 * the one error format, as if bravo's things did not exist. A platform key on an organization
 * route: 404. Alpha's answers on routes without ids never name bravo's things. The routes come
 * from the document, not from this file: a new route is walked without being added here, and a
 * route with a path variable the walk cannot fill fails until its variable is added to {@link
 * #idsOf}.
 */
class ApiIsolationWalkIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

    private static DatabaseEndpoint database;
    private static ScorelineServer server;
    private static RunningSimulators alphaCrm;
    private static RunningSimulators bravoCrm;
    private static Tenant alpha;
    private static Tenant bravo;
    private static String alphaAdmin;
    private static String alphaRead;
    private static String alphaRevoked;
    private static String platform;

    /** An organization of the walk: its id, and the ids of one of each thing a path names. */
    record Tenant(long organizationId, Map<String, Long> ids, Set<String> names, Map<String, Set<Long>> allIds) {}

    @BeforeAll
    static void twoOrganizationsWithOneOfEverything() throws Exception {
        database = TestPostgres.freshDatabase();
        // The walk sends a few hundred requests with one key: far above the default rate.
        server = ScorelineServer.start(
                database, Map.of(ApiSettings.RATE_LIMIT, "100000", ApiSettings.RATE_BURST, "100000"));
        var lastDay = SimulatorOptions.defaults().effectiveLastDay();
        alphaCrm = Simulators.start(
                SimulatorOptions.defaults().withSeed(23).withVolume(3, 5).withLastDay(lastDay));
        bravoCrm = Simulators.start(
                SimulatorOptions.defaults().withSeed(41).withVolume(3, 5).withLastDay(lastDay));
        alpha = tenant("alpha", "Alpha Walkers", alphaCrm);
        bravo = tenant("bravo", "Bravo Strollers", bravoCrm);

        alphaAdmin = key("--org", "alpha", "--name", "walk admin", "--scopes", "admin");
        alphaRead = key("--org", "alpha", "--name", "walk read", "--scopes", "read");
        var revoked = created(
                cli("apikey", "create", "--org", "alpha", "--name", "walk revoked", "--scopes", "admin", "--json"));
        cli("apikey", "revoke", "--id", revoked.get("id").asText());
        alphaRevoked = revoked.get("key").asText();
        platform = key("--platform", "--name", "walk platform");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (alphaCrm != null) {
            alphaCrm.close();
        }
        if (bravoCrm != null) {
            bravoCrm.close();
        }
    }

    @Test
    void everyRouteOfTheDocumentKeepsEveryOrganizationToItself() throws Exception {
        var document = ApiClient.json(
                send("GET", "/api/v1/openapi.json", null, alphaRead).body());
        var routes = routes(document);
        assertThat(routes).as("the document lists the routes").isNotEmpty();
        var softly = new SoftAssertions();
        var secrets = bravoSecrets();
        // Reads first, so that what a write changes in alpha does not hide what a read would show.
        for (var route : routes.stream()
                .sorted((a, b) -> Boolean.compare(!a.read(), !b.read()))
                .toList()) {
            walk(route, softly, secrets);
        }
        softly.assertAll();
    }

    @Test
    void theFixtureHasOneOfEverythingInBothOrganizations() {
        for (var tenant : List.of(alpha, bravo)) {
            assertThat(tenant.ids())
                    .as("organization " + tenant.organizationId())
                    .containsOnlyKeys(
                            "teamId",
                            "profileId",
                            "integrationId",
                            "version",
                            "runId",
                            "contestId",
                            "awardId",
                            "notificationId",
                            "eventId",
                            "goalId");
        }
        assertThat(bravo.names()).contains("Bravo Strollers").anyMatch(name -> name.contains("@"));
    }

    private static void walk(Route route, SoftAssertions softly, Secrets secrets) throws Exception {
        var label = route.method() + " " + route.path();
        var unknown = new TreeSet<>(route.variables());
        unknown.removeAll(bravo.ids().keySet());
        softly.assertThat(unknown)
                .as(label + ": path variables the walk cannot fill (add them to the fixture)")
                .isEmpty();
        if (!unknown.isEmpty()) {
            return;
        }
        var bravoPath = route.path(bravo.ids());
        var body = route.example();

        var none = send(route.method(), bravoPath, body, null);
        softly.assertThat(none.statusCode()).as(label + " without a key").isEqualTo(401);
        var revoked = send(route.method(), bravoPath, body, alphaRevoked);
        softly.assertThat(revoked.statusCode())
                .as(label + " with a revoked key")
                .isEqualTo(401);

        if (route.audience().equals("platform")) {
            var organizationKey = send(route.method(), bravoPath, body, alphaAdmin);
            softly.assertThat(organizationKey.statusCode())
                    .as(label + " (platform) with an organization key")
                    .isEqualTo(404);
            return;
        }
        if (!route.scope().equals("read")) {
            var read = send(route.method(), bravoPath, body, alphaRead);
            softly.assertThat(read.statusCode())
                    .as(label + " with a read key (needs " + route.scope() + ")")
                    .isEqualTo(403);
        }
        if (route.audience().equals("organization")) {
            var platformKey = send(route.method(), bravoPath, body, platform);
            softly.assertThat(platformKey.statusCode())
                    .as(label + " with a platform key")
                    .isEqualTo(404);
        }
        var answer = send(route.method(), bravoPath, body, alphaAdmin);
        if (!route.variables().isEmpty()) {
            softly.assertThat(answer.statusCode())
                    .as(label + " with alpha's admin key and bravo's ids " + bravoPath + ": " + answer.body())
                    .isEqualTo(404);
            // A HEAD answer has no body to carry the error.
            if (answer.statusCode() == 404 && !route.method().equals("HEAD")) {
                softly.assertThat(
                                ApiClient.json(answer.body()).at("/error/code").asText())
                        .as(label + ": the one error format")
                        .isEqualTo("not_found");
            }
        }
        // Whatever alpha is answered, with or without ids, names nothing of bravo's.
        secrets.check(label, answer.body(), route, softly);
    }

    /** What only bravo has: its names and e-mails, and its ids by kind. */
    private static Secrets bravoSecrets() {
        var names = new HashSet<>(bravo.names());
        names.removeAll(alpha.names());
        return new Secrets(names, bravo.allIds());
    }

    record Secrets(Set<String> names, Map<String, Set<Long>> ids) {

        /** The kind of thing a JSON field holds the id of, by the field's name. */
        private static final Map<String, String> FIELDS = Map.ofEntries(
                Map.entry("team_id", "teamId"),
                Map.entry("parent_id", "teamId"),
                Map.entry("parent_team_id", "teamId"),
                Map.entry("profile_id", "profileId"),
                Map.entry("manager_id", "profileId"),
                Map.entry("integration_id", "integrationId"),
                Map.entry("run_id", "runId"),
                Map.entry("contest_id", "contestId"),
                Map.entry("award_id", "awardId"),
                Map.entry("notification_id", "notificationId"),
                Map.entry("event_id", "eventId"),
                Map.entry("goal_id", "goalId"),
                Map.entry("organization_id", "organizationId"));

        /** The kind of thing an {@code id} field holds, by the last word of the path that answered it. */
        private static final Map<String, String> COLLECTIONS = Map.of(
                "teams", "teamId",
                "profiles", "profileId",
                "integrations", "integrationId",
                "runs", "runId",
                "contests", "contestId",
                "awards", "awardId",
                "notifications", "notificationId",
                "inbox", "eventId",
                "events", "eventId",
                "organization", "organizationId");

        void check(String label, String body, Route route, SoftAssertions softly) throws Exception {
            for (var name : names) {
                softly.assertThat(body).as(label + " names bravo's " + name).doesNotContain(name);
            }
            JsonNode tree;
            try {
                tree = JSON.readTree(body);
            } catch (java.io.IOException e) {
                return;
            }
            var segments = route.path().split("/");
            var kind = COLLECTIONS.get(segments[segments.length - 1]);
            check(label, tree, kind, softly);
        }

        private void check(String label, JsonNode node, String kind, SoftAssertions softly) {
            if (node.isArray()) {
                node.forEach(item -> check(label, item, kind, softly));
                return;
            }
            if (!node.isObject()) {
                return;
            }
            for (var field : node.properties()) {
                var value = field.getValue();
                var fieldKind = field.getKey().equals("id") ? kind : FIELDS.get(field.getKey());
                if (fieldKind != null && value.isIntegralNumber()) {
                    softly.assertThat(ids.getOrDefault(fieldKind, Set.of()))
                            .as(label + ": " + field.getKey() + " " + value + " is bravo's")
                            .doesNotContain(value.asLong());
                }
                // Items of a page are the things of the path.
                check(label, value, field.getKey().equals("items") ? kind : null, softly);
            }
        }
    }

    /** One operation of the document. */
    record Route(String method, String path, String scope, String audience, List<String> variables, String example) {

        boolean read() {
            return method.equals("GET");
        }

        String path(Map<String, Long> ids) {
            var filled = path;
            for (var variable : variables) {
                filled = filled.replace("{" + variable + "}", Long.toString(ids.get(variable)));
            }
            return filled;
        }
    }

    private static List<Route> routes(JsonNode document) {
        var routes = new ArrayList<Route>();
        for (var path : document.get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                var method = operation.getKey().toUpperCase(Locale.ROOT);
                var spec = operation.getValue();
                var variables = new ArrayList<String>();
                var matcher = VARIABLE.matcher(path.getKey());
                while (matcher.find()) {
                    variables.add(matcher.group(1));
                }
                var example = spec.at("/requestBody/content/application~1json/example");
                String body = example.isMissingNode() ? (method.equals("GET") ? null : "{}") : example.toString();
                routes.add(new Route(
                        method,
                        path.getKey(),
                        spec.at("/security/0/apiKey/0").asText(),
                        spec.path("x-scoreline-audience").asText("organization"),
                        variables,
                        body));
            }
        }
        return routes;
    }

    /**
     * An organization as a customer would set it up: teams, a profile of its own, a HubSpot
     * integration (the simulator) with its rule set, users and a backfill that notifies, a badge
     * of its own and its awards, a contest, and a failed inbox event.
     */
    private static Tenant tenant(String slug, String name, RunningSimulators crm) throws Exception {
        cli("org", "create", "--slug", slug, "--name", name, "--timezone", "Europe/Berlin");
        var team = name + " Team";
        cli("team", "create", "--org", slug, "--name", team);
        cli("team", "create", "--org", slug, "--name", name + " Subteam", "--parent", team);
        cli(
                "profile",
                "create",
                "--org",
                slug,
                "--email",
                "lead@" + slug + ".test",
                "--display-name",
                name + " Lead",
                "--team",
                team,
                "--role",
                "manager");

        var hs = crm.hubSpot();
        var credentials = Files.createTempFile("walk", ".properties");
        Files.writeString(
                credentials,
                "client_id=" + hs.clientId() + "\nclient_secret=" + hs.clientSecret() + "\nrefresh_token="
                        + hs.refreshToken() + "\n");
        var integration = created(cli(
                        "integration",
                        "add",
                        "--org",
                        slug,
                        "--provider",
                        "hubspot",
                        "--portal-id",
                        Long.toString(hs.portalId()),
                        "--base-url",
                        hs.baseUrl().toString(),
                        "--credentials-file",
                        credentials.toString(),
                        "--json"))
                .get("id")
                .asText();
        Files.delete(credentials);
        cli("mapping", "set", "--integration", integration, "--file", "mappings/hubspot.yaml");
        cli("users", "sync", "--integration", integration, "--create-profiles", "--json");
        var badges = Files.createTempFile("walk", ".yaml");
        Files.writeString(badges, """
                badges:
                  - key: walk_first_call
                    name: %s first call
                    category: calling
                    rule: { kind: threshold, kpi: calls_made, period: day, at_least: 1 }
                """.formatted(name));
        cli("badges", "add", "--org", slug, "--file", badges.toString(), "--json");
        Files.delete(badges);
        var lastDay = SimulatorOptions.defaults().effectiveLastDay();
        cli(
                "backfill",
                "--integration",
                integration,
                "--from",
                lastDay.minusDays(4).toString(),
                "--to",
                lastDay.toString(),
                "--notify",
                "--json");
        server.bean(KpiChangeDrain.class).drainUntilEmpty();
        cli(
                "contest",
                "create",
                "--org",
                slug,
                "--name",
                name + " Cup",
                "--kpi",
                "calls_made",
                "--from",
                lastDay.minusDays(4).toString(),
                "--to",
                lastDay.plusDays(5).toString(),
                "--json");
        cli(
                "goal",
                "set",
                "--org",
                slug,
                "--kpi",
                "calls_made",
                "--period",
                "month",
                "--target",
                "40",
                "--person",
                "lead@" + slug + ".test",
                "--json");

        var transactions = server.bean(TenantTransactions.class);
        long organizationId = transactions.withoutOrganization(
                tx -> tx.fetchSingle("select id from scoreline_org_directory() where slug = ?", slug)
                        .get(0, Long.class));
        return transactions.inOrganization(organizationId, tx -> {
            // A webhook event that failed for good: what the inbox endpoints show and replay.
            tx.execute("""
                    insert into webhook_inbox (organization_id, integration_id, provider, dedupe_key, object_type,
                                               record_id, event_type, raw_body, status, attempts, last_error)
                    values (?, ?, 'hubspot', ?, 'calls', '1', 'object.propertyChange', '[]', 'failed', 5,
                            'walk: parked on purpose')""", organizationId, Long.parseLong(integration), "walk-" + slug);
            var all = new LinkedHashMap<String, Set<Long>>();
            all.put("organizationId", Set.of(organizationId));
            var tables = Map.of(
                    "teamId", "teams",
                    "profileId", "profiles",
                    "integrationId", "integrations",
                    "runId", "sync_runs",
                    "contestId", "contests",
                    "awardId", "profile_badges",
                    "notificationId", "notifications",
                    "eventId", "webhook_inbox",
                    "goalId", "goals");
            var ids = new HashMap<String, Long>();
            tables.forEach((variable, table) -> {
                var found =
                        new TreeSet<>(tx.fetch("select id from " + table + " where organization_id = ?", organizationId)
                                .getValues(0, Long.class));
                assertThat(found).as(slug + " has " + table).isNotEmpty();
                all.put(variable, found);
                ids.put(variable, found.first());
            });
            ids.put(
                    "version",
                    tx.fetchSingle(
                                    "select max(version) from mapping_rule_sets where integration_id = ?",
                                    Long.parseLong(integration))
                            .get(0, Long.class));
            var names = new HashSet<String>();
            names.add(name);
            names.addAll(tx.fetch("select name from teams where organization_id = ?", organizationId)
                    .getValues(0, String.class));
            names.addAll(tx.fetch("select email from profiles where organization_id = ?", organizationId)
                    .getValues(0, String.class));
            names.addAll(tx.fetch("select name from contests where organization_id = ?", organizationId)
                    .getValues(0, String.class));
            names.addAll(tx.fetch("select name from badges where organization_id = ?", organizationId)
                    .getValues(0, String.class));
            return new Tenant(organizationId, Map.copyOf(ids), Set.copyOf(names), Map.copyOf(all));
        });
    }

    private static String key(String... args) throws Exception {
        var command = new ArrayList<>(List.of("apikey", "create"));
        command.addAll(List.of(args));
        command.add("--json");
        return created(cli(command.toArray(String[]::new))).get("key").asText();
    }

    private static CliRun cli(String... args) {
        return CliRun.succeeded(server.environment(), args);
    }

    private static JsonNode created(CliRun run) {
        return run.lastJson();
    }

    private static HttpResponse<String> send(String method, String path, String body, String key) {
        return new ApiClient(server).send(method, path, body, key);
    }
}
