package io.scoreline.app.http.api;

import static io.scoreline.pipeline.db.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.testing.ApiClient;
import io.scoreline.testing.ApiKeysForTests;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.ScorelineServer;
import io.scoreline.testing.TestPostgres;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Teams and profiles through {@code /api/v1} against the real server and database: every endpoint,
 * bad input on each, another organization's ids (in the path, the body and the query) answered
 * 404, a read key refused on every write, the audit rows, and the CLI's {@code --json} equal to the
 * API's items after the same changes. Each test works in its own organization.
 */
class PeopleApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ScorelineServer server;

    @BeforeAll
    static void start() {
        server = ScorelineServer.start(TestPostgres.freshDatabase(), Map.of());
        for (var slug : List.of("acme", "initech", "umbrella", "globex", "hooli", "wayne")) {
            cli("org", "create", "--slug", slug, "--name", slug.toUpperCase(), "--timezone", "Europe/Berlin");
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void teamsAreCreatedRenamedMovedListedAndDeletedWithEveryRefusal() throws Exception {
        var key = key("acme", "write");
        var sales = created(send("POST", "/api/v1/teams", "{\"name\":\"Sales\"}", key));
        assertThat(sales.path("parent").isNull()).isTrue();
        assertThat(sales.path("parent_id").isNull()).isTrue();
        var emea = created(send("POST", "/api/v1/teams", "{\"name\":\" EMEA \",\"parent_id\":" + id(sales) + "}", key));
        assertThat(emea.get("name").asText()).isEqualTo("EMEA");
        assertThat(emea.get("parent").asText()).isEqualTo("Sales");
        assertThat(emea.get("parent_id").asLong()).isEqualTo(id(sales));
        assertThat(emea.get("depth").asInt()).isEqualTo(1);
        var nordics =
                created(send("POST", "/api/v1/teams", "{\"name\":\"Nordics\",\"parent_id\":" + id(emea) + "}", key));

        // Create: a taken name, an unknown parent, and malformed bodies.
        assertError(send("POST", "/api/v1/teams", "{\"name\":\"EMEA\"}", key), 409, "conflict", "name")
                .contains("a team called 'EMEA' already exists");
        assertError(
                        send("POST", "/api/v1/teams", "{\"name\":\"X\",\"parent_id\":999999}", key),
                        404,
                        "not_found",
                        "parent_id")
                .contains("no team with id 999999");
        assertError(send("POST", "/api/v1/teams", "{}", key), 422, "missing_field", "name");
        assertError(send("POST", "/api/v1/teams", "{\"name\":\"  \"}", key), 422, "invalid_input", "name");
        assertError(send("POST", "/api/v1/teams", "{\"name\":\"Bad\\u001b[31m\"}", key), 422, "invalid_input", "name")
                .contains("control characters");
        assertError(send("POST", "/api/v1/teams", "{\"name\":42}", key), 422, "invalid_input", "name");
        assertError(
                send("POST", "/api/v1/teams", "{\"name\":\"X\",\"parent_id\":\"EMEA\"}", key),
                422,
                "invalid_input",
                "parent_id");
        assertError(
                send("POST", "/api/v1/teams", "{\"name\":\"X\",\"parent\":\"EMEA\"}", key),
                422,
                "unknown_field",
                "parent");
        assertError(send("POST", "/api/v1/teams", "{\"name\":", key), 400, "invalid_json", null);

        // Rename and move, alone or together; never into a cycle.
        assertError(
                        patch("/api/v1/teams/" + id(sales), "{\"parent_id\":" + id(nordics) + "}", key),
                        422,
                        "invalid_input",
                        "parent_id")
                .contains("'Nordics' is inside 'Sales'");
        assertError(
                        patch("/api/v1/teams/" + id(emea), "{\"parent_id\":" + id(emea) + "}", key),
                        422,
                        "invalid_input",
                        "parent_id")
                .contains("a team cannot be its own parent");
        assertError(patch("/api/v1/teams/" + id(emea), "{\"name\":\"Sales\"}", key), 409, "conflict", "name");
        assertError(patch("/api/v1/teams/" + id(emea), "{}", key), 422, "invalid_input", null)
                .contains("nothing to change");
        assertError(patch("/api/v1/teams/" + id(emea), "{\"name\":null}", key), 422, "invalid_input", "name");
        assertError(patch("/api/v1/teams/" + id(emea), "{\"parent_id\":999999}", key), 404, "not_found", "parent_id");
        assertError(patch("/api/v1/teams/999999", "{\"name\":\"Y\"}", key), 404, "not_found", null);
        var europe = ok(patch("/api/v1/teams/" + id(emea), "{\"name\":\"Europe\"}", key));
        assertThat(europe.get("name").asText()).isEqualTo("Europe");
        assertThat(europe.get("parent").asText()).isEqualTo("Sales");
        var topLevel = ok(patch("/api/v1/teams/" + id(emea), "{\"parent_id\":null}", key));
        assertThat(topLevel.path("parent_id").isNull()).isTrue();
        assertThat(topLevel.get("depth").asInt()).isZero();
        var both =
                ok(patch("/api/v1/teams/" + id(nordics), "{\"name\":\"North\",\"parent_id\":" + id(sales) + "}", key));
        assertThat(both.get("name").asText()).isEqualTo("North");
        assertThat(both.get("parent").asText()).isEqualTo("Sales");

        assertThat(names(ok(send("GET", "/api/v1/teams", null, key)))).containsExactly("Europe", "Sales", "North");
        assertThat(ok(send("GET", "/api/v1/teams", null, key)).path("next").asText(null))
                .isNull();

        // Delete only when empty; the refusal says what is left.
        assertError(send("DELETE", "/api/v1/teams/" + id(sales), null, key), 409, "conflict", null)
                .contains("team 'Sales' is not empty (1 sub-team)");
        cli("profile", "create", "--org", "acme", "--email", "zed@acme.example", "--team", "North");
        assertError(send("DELETE", "/api/v1/teams/" + id(nordics), null, key), 409, "conflict", null)
                .contains("(1 person)");
        var deleted = send("DELETE", "/api/v1/teams/" + id(emea), null, key);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertError(send("DELETE", "/api/v1/teams/" + id(emea), null, key), 404, "not_found", null);
        assertThat(names(ok(send("GET", "/api/v1/teams", null, key)))).containsExactly("Sales", "North");

        // One audit row per change that happened, by key id; refusals wrote none.
        var audit = audit("acme");
        assertThat(audit.stream().filter(r -> r.contains(" team.")))
                .containsExactly(
                        keyActor(key) + " team.create team:" + id(sales)
                                + " {\"name\":\"Sales\",\"parent\":\"(none)\"}",
                        keyActor(key) + " team.create team:" + id(emea) + " {\"name\":\"EMEA\",\"parent\":\"Sales\"}",
                        keyActor(key) + " team.create team:" + id(nordics)
                                + " {\"name\":\"Nordics\",\"parent\":\"EMEA\"}",
                        keyActor(key) + " team.update team:" + id(emea) + " {\"name\":\"Europe\"}",
                        keyActor(key) + " team.update team:" + id(emea) + " {\"parent\":\"(none)\"}",
                        keyActor(key) + " team.update team:" + id(nordics)
                                + " {\"name\":\"North\",\"parent\":\"Sales\"}",
                        keyActor(key) + " team.delete team:" + id(emea) + " {\"name\":\"Europe\"}");
    }

    @Test
    void profilesAreCreatedReadFilteredPagedAndUpdatedWithEveryRefusal() throws Exception {
        var key = key("initech", "write");
        var west = created(send("POST", "/api/v1/teams", "{\"name\":\"West\"}", key));
        var bay = created(send("POST", "/api/v1/teams", "{\"name\":\"Bay\",\"parent_id\":" + id(west) + "}", key));
        var vp = created(send(
                "POST",
                "/api/v1/profiles",
                "{\"email\":\"VP@Initech.example\",\"display_name\":\"Vera P\",\"role\":\"manager\"}",
                key));
        assertThat(vp.get("email").asText()).isEqualTo("vp@initech.example");
        assertThat(vp.get("role").asText()).isEqualTo("manager");
        assertThat(vp.get("active").asBoolean()).isTrue();
        assertThat(vp.path("team_id").isNull()).isTrue();
        var lead = created(send(
                "POST",
                "/api/v1/profiles",
                "{\"email\":\"lead@initech.example\",\"team_id\":" + id(west) + ",\"manager_id\":" + id(vp) + "}",
                key));
        assertThat(lead.get("team").asText()).isEqualTo("West");
        assertThat(lead.get("manager").asText()).isEqualTo("vp@initech.example");
        assertThat(lead.get("manager_id").asLong()).isEqualTo(id(vp));
        assertThat(lead.get("role").asText()).isEqualTo("rep");
        var rep = created(send(
                "POST", "/api/v1/profiles", "{\"email\":\"rep@initech.example\",\"team_id\":" + id(bay) + "}", key));

        // Create: taken e-mail, unknown team or manager, malformed values.
        assertError(
                        send("POST", "/api/v1/profiles", "{\"email\":\"rep@initech.example\"}", key),
                        409,
                        "conflict",
                        "email")
                .contains("a profile for rep@initech.example already exists");
        assertError(
                send("POST", "/api/v1/profiles", "{\"email\":\"a@initech.example\",\"team_id\":999999}", key),
                404,
                "not_found",
                "team_id");
        assertError(
                send("POST", "/api/v1/profiles", "{\"email\":\"a@initech.example\",\"manager_id\":999999}", key),
                404,
                "not_found",
                "manager_id");
        assertError(
                        send("POST", "/api/v1/profiles", "{\"email\":\"not-an-email\"}", key),
                        422,
                        "invalid_input",
                        "email")
                .contains("invalid e-mail");
        assertError(
                        send("POST", "/api/v1/profiles", "{\"email\":\"a@initech.example\",\"role\":\"boss\"}", key),
                        422,
                        "invalid_input",
                        "role")
                .contains("unknown role 'boss'");
        assertError(send("POST", "/api/v1/profiles", "{\"display_name\":\"A\"}", key), 422, "missing_field", "email");
        assertError(
                send("POST", "/api/v1/profiles", "{\"email\":\"a@initech.example\",\"display_name\":\"\"}", key),
                422,
                "invalid_input",
                "display_name");
        assertError(
                send("POST", "/api/v1/profiles", "{\"email\":\"a@initech.example\",\"team\":\"West\"}", key),
                422,
                "unknown_field",
                "team");
        assertError(send("POST", "/api/v1/profiles", "[]", key), 422, "invalid_input", null);

        // Read one.
        assertThat(ok(send("GET", "/api/v1/profiles/" + id(rep), null, key))).isEqualTo(rep);
        assertError(send("GET", "/api/v1/profiles/999999", null, key), 404, "not_found", null);

        // Update: every field, null clears, no cycles.
        var updated = ok(patch(
                "/api/v1/profiles/" + id(rep),
                "{\"manager_id\":" + id(lead) + ",\"display_name\":\"Rae P\",\"role\":\"admin\",\"active\":false}",
                key));
        assertThat(updated.get("manager").asText()).isEqualTo("lead@initech.example");
        assertThat(updated.get("display_name").asText()).isEqualTo("Rae P");
        assertThat(updated.get("role").asText()).isEqualTo("admin");
        assertThat(updated.get("active").asBoolean()).isFalse();
        assertThat(updated.get("team").asText()).isEqualTo("Bay");
        assertError(
                        patch("/api/v1/profiles/" + id(vp), "{\"manager_id\":" + id(rep) + "}", key),
                        422,
                        "invalid_input",
                        "manager_id")
                .contains("that would be a cycle");
        assertError(
                        patch("/api/v1/profiles/" + id(vp), "{\"manager_id\":" + id(vp) + "}", key),
                        422,
                        "invalid_input",
                        "manager_id")
                .contains("cannot be their own manager");
        assertError(patch("/api/v1/profiles/" + id(rep), "{\"team_id\":999999}", key), 404, "not_found", "team_id");
        assertError(patch("/api/v1/profiles/" + id(rep), "{}", key), 422, "invalid_input", null)
                .contains("nothing to change");
        assertError(patch("/api/v1/profiles/" + id(rep), "{\"active\":\"no\"}", key), 422, "invalid_input", "active");
        assertError(patch("/api/v1/profiles/" + id(rep), "{\"role\":\"boss\"}", key), 422, "invalid_input", "role");
        assertError(
                patch("/api/v1/profiles/" + id(rep), "{\"email\":\"x@initech.example\"}", key),
                422,
                "unknown_field",
                "email");
        assertError(patch("/api/v1/profiles/999999", "{\"role\":\"rep\"}", key), 404, "not_found", null);
        var cleared = ok(patch("/api/v1/profiles/" + id(rep), "{\"team_id\":null,\"manager_id\":null}", key));
        assertThat(cleared.path("team").isNull()).isTrue();
        assertThat(cleared.path("manager_id").isNull()).isTrue();
        ok(patch("/api/v1/profiles/" + id(rep), "{\"team_id\":" + id(bay) + ",\"active\":true}", key));

        // Filters: team with its sub-teams, role, active flag, direct reports.
        assertThat(emails("/api/v1/profiles", key))
                .containsExactly("lead@initech.example", "rep@initech.example", "vp@initech.example");
        assertThat(emails("/api/v1/profiles?team_id=" + id(west), key))
                .containsExactly("lead@initech.example", "rep@initech.example");
        assertThat(emails("/api/v1/profiles?team_id=" + id(bay), key)).containsExactly("rep@initech.example");
        assertThat(emails("/api/v1/profiles?role=manager", key)).containsExactly("vp@initech.example");
        assertThat(emails("/api/v1/profiles?manager_id=" + id(vp) + "&active=true", key))
                .containsExactly("lead@initech.example");
        assertThat(emails("/api/v1/profiles?active=false", key)).isEmpty();
        assertError(send("GET", "/api/v1/profiles?team_id=999999", null, key), 404, "not_found", "team_id");
        assertError(send("GET", "/api/v1/profiles?manager_id=999999", null, key), 404, "not_found", "manager_id");
        assertError(send("GET", "/api/v1/profiles?team_id=West", null, key), 422, "invalid_input", "team_id");
        assertError(send("GET", "/api/v1/profiles?active=maybe", null, key), 422, "invalid_input", "active");
        assertError(send("GET", "/api/v1/profiles?role=boss", null, key), 422, "invalid_input", "role");

        // Pages by e-mail with an opaque cursor.
        var first = ok(send("GET", "/api/v1/profiles?limit=2", null, key));
        assertThat(first.get("items")).hasSize(2);
        var next = first.get("next").asText();
        var second = ok(send("GET", "/api/v1/profiles?limit=2&after=" + next, null, key));
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.at("/items/0/email").asText()).isEqualTo("vp@initech.example");
        assertThat(second.path("next").asText(null)).isNull();
        assertError(send("GET", "/api/v1/profiles?limit=0", null, key), 422, "invalid_input", "limit");
        assertError(send("GET", "/api/v1/profiles?after=not-a-cursor", null, key), 422, "invalid_input", "after");

        var audit = audit("initech");
        assertThat(audit.stream().filter(r -> r.contains(" profile.create ")))
                .hasSize(3)
                .allMatch(r -> r.startsWith(keyActor(key) + " "));
        assertThat(audit)
                .contains(keyActor(key) + " profile.create profile:" + id(lead)
                        + " {\"email\":\"lead@initech.example\",\"manager\":\"vp@initech.example\",\"role\":\"rep\","
                        + "\"team\":\"West\"}")
                .contains(keyActor(key) + " profile.update profile:" + id(rep)
                        + " {\"active\":false,\"display_name\":\"Rae P\",\"manager\":\"lead@initech.example\","
                        + "\"role\":\"admin\"}")
                .contains(keyActor(key) + " profile.update profile:" + id(rep)
                        + " {\"manager\":\"(none)\",\"team\":\"(none)\"}");
        assertThat(audit.stream().filter(r -> r.contains(" profile.update "))).hasSize(3);
    }

    @Test
    void anotherOrganizationsTeamsAndProfilesAreNotFoundWhereverTheyAreNamed() throws Exception {
        var theirTeam = ApiClient.json(cli("team", "create", "--org", "globex", "--name", "Theirs", "--json")
                .outLines()
                .getLast());
        var theirProfile = ApiClient.json(cli(
                        "profile",
                        "create",
                        "--org",
                        "globex",
                        "--email",
                        "boss@globex.example",
                        "--team",
                        "Theirs",
                        "--json")
                .outLines()
                .getLast());
        long team = id(theirTeam);
        long profile = id(theirProfile);
        var key = key("hooli", "write");
        var mine = created(send("POST", "/api/v1/teams", "{\"name\":\"Mine\"}", key));
        var me = created(send("POST", "/api/v1/profiles", "{\"email\":\"me@hooli.example\"}", key));
        var before = audit("globex");

        // In the path: exactly the answer of an id that does not exist.
        var missing = send("GET", "/api/v1/profiles/999999", null, key);
        for (var response : List.of(
                send("GET", "/api/v1/profiles/" + profile, null, key),
                patch("/api/v1/profiles/" + profile, "{\"role\":\"admin\"}", key),
                patch("/api/v1/teams/" + team, "{\"name\":\"Stolen\"}", key),
                send("DELETE", "/api/v1/teams/" + team, null, key))) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).isEqualTo(missing.body());
        }
        // In the body and the query: the field is named, as for an id that does not exist.
        assertError(
                send("POST", "/api/v1/teams", "{\"name\":\"Sub\",\"parent_id\":" + team + "}", key),
                404,
                "not_found",
                "parent_id");
        assertError(
                patch("/api/v1/teams/" + id(mine), "{\"parent_id\":" + team + "}", key), 404, "not_found", "parent_id");
        assertError(
                send("POST", "/api/v1/profiles", "{\"email\":\"x@hooli.example\",\"team_id\":" + team + "}", key),
                404,
                "not_found",
                "team_id");
        assertError(
                send("POST", "/api/v1/profiles", "{\"email\":\"x@hooli.example\",\"manager_id\":" + profile + "}", key),
                404,
                "not_found",
                "manager_id");
        assertError(
                patch("/api/v1/profiles/" + id(me), "{\"team_id\":" + team + "}", key), 404, "not_found", "team_id");
        assertError(
                patch("/api/v1/profiles/" + id(me), "{\"manager_id\":" + profile + "}", key),
                404,
                "not_found",
                "manager_id");
        assertError(send("GET", "/api/v1/profiles?team_id=" + team, null, key), 404, "not_found", "team_id");
        assertError(send("GET", "/api/v1/profiles?manager_id=" + profile, null, key), 404, "not_found", "manager_id");

        // Nothing of theirs is listed, and nothing of theirs changed.
        assertThat(names(ok(send("GET", "/api/v1/teams", null, key)))).containsExactly("Mine");
        assertThat(emails("/api/v1/profiles", key)).containsExactly("me@hooli.example");
        assertThat(cli("team", "list", "--org", "globex", "--json").out()).contains("\"name\":\"Theirs\"");
        assertThat(cli("profile", "list", "--org", "globex", "--json").out())
                .contains("\"role\":\"rep\"")
                .contains("\"team\":\"Theirs\"");
        assertThat(audit("globex")).isEqualTo(before);
    }

    @Test
    void aReadKeyReadsButCannotWrite() throws Exception {
        var write = key("wayne", "write");
        var read = key("wayne", "read");
        var team = created(send("POST", "/api/v1/teams", "{\"name\":\"ReadOnly\"}", write));
        var profile = created(send("POST", "/api/v1/profiles", "{\"email\":\"ro@acme.example\"}", write));
        assertThat(send("GET", "/api/v1/teams", null, read).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/profiles", null, read).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/profiles/" + id(profile), null, read).statusCode())
                .isEqualTo(200);
        for (var response : List.of(
                send("POST", "/api/v1/teams", "{\"name\":\"Nope\"}", read),
                patch("/api/v1/teams/" + id(team), "{\"name\":\"Nope\"}", read),
                send("DELETE", "/api/v1/teams/" + id(team), null, read),
                send("POST", "/api/v1/profiles", "{\"email\":\"nope@acme.example\"}", read),
                patch("/api/v1/profiles/" + id(profile), "{\"role\":\"admin\"}", read))) {
            assertError(response, 403, "insufficient_scope", null);
        }
        assertThat(names(ok(send("GET", "/api/v1/teams", null, read))))
                .contains("ReadOnly")
                .doesNotContain("Nope");
    }

    @Test
    void theCliAndTheApiListTheSameTeamsAndProfilesAfterTheSameChanges() throws Exception {
        var key = key("umbrella", "write");
        // Some changes through each.
        cli("team", "create", "--org", "umbrella", "--name", "Labs");
        var labs = ok(send("GET", "/api/v1/teams", null, key)).at("/items/0");
        var field = created(send("POST", "/api/v1/teams", "{\"name\":\"Field\",\"parent_id\":" + id(labs) + "}", key));
        cli("team", "create", "--org", "umbrella", "--name", "Hive", "--parent", "Field");
        cli("profile", "create", "--org", "umbrella", "--email", "alice@umbrella.example", "--role", "manager");
        var alice = ok(send("GET", "/api/v1/profiles", null, key)).at("/items/0");
        created(send(
                "POST",
                "/api/v1/profiles",
                "{\"email\":\"bob@umbrella.example\",\"team_id\":" + id(field) + ",\"manager_id\":" + id(alice) + "}",
                key));
        cli(
                "profile",
                "update",
                "--org",
                "umbrella",
                "--email",
                "alice@umbrella.example",
                "--team",
                "Hive",
                "--display-name",
                "Alice W");
        ok(patch("/api/v1/teams/" + id(field), "{\"name\":\"Fieldwork\"}", key));

        // The same operation answers the same JSON through either.
        var byCli = ApiClient.json(cli(
                        "profile",
                        "update",
                        "--org",
                        "umbrella",
                        "--email",
                        "bob@umbrella.example",
                        "--active",
                        "false",
                        "--json")
                .outLines()
                .getLast());
        var byApi = ok(send("GET", "/api/v1/profiles/" + byCli.get("id").asLong(), null, key));
        assertThat(byApi).isEqualTo(byCli);

        // And the lists match item by item, field by field.
        assertThat(ok(send("GET", "/api/v1/teams", null, key)).get("items"))
                .containsExactlyElementsOf(jsonLines(cli("team", "list", "--org", "umbrella", "--json")));
        assertThat(ok(send("GET", "/api/v1/profiles?limit=500", null, key)).get("items"))
                .containsExactlyElementsOf(jsonLines(cli("profile", "list", "--org", "umbrella", "--json")));
        assertThat(ok(send("GET", "/api/v1/profiles?team_id=" + id(labs), null, key))
                        .get("items"))
                .containsExactlyElementsOf(
                        jsonLines(cli("profile", "list", "--org", "umbrella", "--team", "Labs", "--json")))
                .hasSize(2);
        // The CLI's changes are audited as the operator's.
        assertThat(audit("umbrella"))
                .anyMatch(r -> r.startsWith("operator team.create "))
                .anyMatch(r -> r.startsWith("operator profile.update "))
                .anyMatch(r -> r.startsWith(keyActor(key) + " team.update "));
    }

    // --- helpers ---

    private record Key(String text, long id, String slug) {}

    private static Key key(String slug, String scope) {
        var created = ApiKeysForTests.create(server, slug, scope + "-" + System.nanoTime(), scope);
        return new Key(created.get("key").asText(), created.get("id").asLong(), slug);
    }

    private static String keyActor(Key key) {
        return "api_key:" + key.id();
    }

    private static long id(JsonNode node) {
        return node.get("id").asLong();
    }

    private static JsonNode created(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ApiClient.json(response.body());
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ApiClient.json(response.body());
    }

    private static List<String> names(JsonNode page) {
        var names = new ArrayList<String>();
        page.get("items").forEach(t -> names.add(t.get("name").asText()));
        return names;
    }

    private static List<String> emails(String path, Key key) throws Exception {
        var emails = new ArrayList<String>();
        ok(send("GET", path, null, key))
                .get("items")
                .forEach(p -> emails.add(p.get("email").asText()));
        return emails;
    }

    private static List<JsonNode> jsonLines(CliRun run) {
        return run.jsonLines();
    }

    /** @return the error message, for further checks */
    private static org.assertj.core.api.AbstractStringAssert<?> assertError(
            HttpResponse<String> response, int status, String code, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        var error = ApiClient.json(response.body()).get("error");
        assertThat(error).as(response.body()).isNotNull();
        assertThat(error.get("code").asText()).as(response.body()).isEqualTo(code);
        if (field == null) {
            assertThat(error.path("field").isMissingNode() || error.get("field").isNull())
                    .as(response.body())
                    .isTrue();
        } else {
            assertThat(error.path("field").asText()).as(response.body()).isEqualTo(field);
        }
        return assertThat(error.get("message").asText()).isNotBlank();
    }

    private static List<String> audit(String slug) {
        var transactions = server.bean(TenantTransactions.class);
        long organizationId = transactions.withoutOrganization(
                tx -> tx.resultQuery("select id from scoreline_org_directory() where slug = ?", slug)
                        .fetchSingle()
                        .get("id", Long.class));
        return transactions
                .inOrganization(
                        organizationId,
                        tx -> tx.select(AUDIT_LOG.ACTOR, AUDIT_LOG.ACTION, AUDIT_LOG.TARGET, AUDIT_LOG.DETAILS)
                                .from(AUDIT_LOG)
                                .where(AUDIT_LOG.ORGANIZATION_ID.eq(organizationId))
                                .orderBy(AUDIT_LOG.ID)
                                .fetch())
                .map(r -> r.value1() + " " + r.value2() + " " + r.value3() + " "
                        + sorted(r.value4().data()));
    }

    /** The details as compact JSON with sorted keys (jsonb reorders and spaces them). */
    private static String sorted(String details) {
        try {
            return JSON.writeValueAsString(JSON.readValue(details, java.util.TreeMap.class));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static CliRun cli(String... args) {
        return CliRun.succeeded(server.environment(), args);
    }

    private static HttpResponse<String> patch(String path, String body, Key key) throws Exception {
        return send("PATCH", path, body, key);
    }

    private static HttpResponse<String> send(String method, String path, String body, Key key) {
        return new ApiClient(server).send(method, path, body, key.text());
    }
}
