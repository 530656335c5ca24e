package io.scoreline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.TestEnvironment;
import io.scoreline.testing.TestPostgres;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code team create|list|rename|move|delete} and {@code profile create|list|update} through the real
 * command line: the team tree, every refusal with a one-line message (exit 2, a conflict exit 1), managers without
 * cycles, and another organization's teams out of reach.
 */
class PeopleCliIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, String> env;

    @BeforeAll
    static void organizations() {
        env = TestEnvironment.forDatabase(TestPostgres.freshDatabase());
        ok("org", "create", "--slug", "acme", "--name", "Acme", "--timezone", "Europe/Berlin");
        ok("org", "create", "--slug", "initech", "--name", "Initech", "--timezone", "Europe/Berlin");
        ok("org", "create", "--slug", "globex", "--name", "Globex", "--timezone", "America/New_York");
    }

    private static CliRun ok(String... args) {
        var run = CliRun.run(env, args);
        assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.err()).isZero();
        return run;
    }

    private static String refused(String... args) {
        var run = CliRun.run(env, args);
        assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.out()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").doesNotContain("Exception");
        return run.err().strip();
    }

    /** A clash with what exists (a taken name, a team not empty): exit 1, as any conflict (DESIGN §10). */
    private static String conflicting(String... args) {
        var run = CliRun.run(env, args);
        assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.out()).isEqualTo(1);
        assertThat(run.err().strip()).doesNotContain("\n").doesNotContain("Exception");
        return run.err().strip();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> jsonLines(CliRun run) throws Exception {
        var lines = new java.util.ArrayList<Map<String, Object>>();
        for (var line : run.outLines()) {
            lines.add(JSON.readValue(line, Map.class));
        }
        return lines;
    }

    @Test
    void teamTreeIsBuiltMovedRenamedAndDeletedWithEveryRefusal() throws Exception {
        ok("team", "create", "--org", "acme", "--name", "Sales");
        ok("team", "create", "--org", "acme", "--name", "EMEA", "--parent", "Sales");
        var nordics =
                jsonLines(ok("team", "create", "--org", "acme", "--name", "Nordics", "--parent", "EMEA", "--json"));
        assertThat(nordics.getFirst())
                .containsEntry("name", "Nordics")
                .containsEntry("parent", "EMEA")
                .containsEntry("depth", 2);
        ok("team", "create", "--org", "acme", "--name", "Americas", "--parent", "Sales");

        assertThat(conflicting("team", "create", "--org", "acme", "--name", "EMEA"))
                .contains("a team called 'EMEA' already exists in acme");
        assertThat(refused("team", "create", "--org", "acme", "--name", "DACH", "--parent", "Europe"))
                .contains("no team 'Europe' in acme");
        assertThat(refused("team", "create", "--org", "acme", "--name", "Bad\u001b[31m"))
                .contains("must not contain control characters");
        // A team cannot go under itself or under one of its own sub-teams.
        assertThat(refused("team", "move", "--org", "acme", "--name", "Sales", "--parent", "Nordics"))
                .contains("cannot move team 'Sales' under 'Nordics': 'Nordics' is inside 'Sales'");
        assertThat(refused("team", "move", "--org", "acme", "--name", "EMEA", "--parent", "EMEA"))
                .contains("a team cannot be its own parent");
        assertThat(refused("team", "move", "--org", "acme", "--name", "EMEA"))
                .contains("--parent TEAM and --top-level");
        assertThat(conflicting("team", "rename", "--org", "acme", "--name", "Nordics", "--to", "Americas"))
                .contains("a team called 'Americas' already exists");

        ok("team", "rename", "--org", "acme", "--name", "Nordics", "--to", "North");
        ok("team", "move", "--org", "acme", "--name", "North", "--parent", "Americas");
        assertThat(ok("team", "list", "--org", "acme").outLines())
                .containsExactly(
                        "TEAM        PEOPLE  SUB-TEAMS",
                        "Sales       0       2",
                        "  Americas  0       1",
                        "    North   0       0",
                        "  EMEA      0       0");
        ok("team", "move", "--org", "acme", "--name", "North", "--top-level");

        // Delete only when empty: no sub-teams, no people.
        assertThat(conflicting("team", "delete", "--org", "acme", "--name", "Sales"))
                .contains("team 'Sales' is not empty (2 sub-teams)");
        ok("profile", "create", "--org", "acme", "--email", "Zed@Acme.example", "--team", "North");
        assertThat(conflicting("team", "delete", "--org", "acme", "--name", "North"))
                .contains("team 'North' is not empty (1 person)");
        ok("profile", "update", "--org", "acme", "--email", "zed@acme.example", "--team", "none");
        ok("team", "delete", "--org", "acme", "--name", "North");
        assertThat(refused("team", "delete", "--org", "acme", "--name", "North"))
                .contains("no team 'North' in acme");

        // Another organization neither sees nor reaches acme's teams.
        assertThat(ok("team", "list", "--org", "globex").out()).contains("globex has no teams yet");
        assertThat(refused("team", "create", "--org", "globex", "--name", "X", "--parent", "Sales"))
                .contains("no team 'Sales' in globex");
        ok("team", "create", "--org", "globex", "--name", "Sales");
        assertThat(refused("team", "list", "--org", "nosuch")).contains("nosuch");
    }

    @Test
    void profilesAreUpdatedByEmailAndFilteredWithManagersNeverInACycle() throws Exception {
        ok("team", "create", "--org", "initech", "--name", "West");
        ok("team", "create", "--org", "initech", "--name", "Bay", "--parent", "West");
        ok(
                "profile",
                "create",
                "--org",
                "initech",
                "--email",
                "vp@acme.example",
                "--role",
                "manager",
                "--display-name",
                "Vera P");
        ok(
                "profile",
                "create",
                "--org",
                "initech",
                "--email",
                "lead@acme.example",
                "--team",
                "West",
                "--manager",
                "vp@acme.example");
        ok("profile", "create", "--org", "initech", "--email", "rep@acme.example", "--team", "Bay");
        var updated = jsonLines(ok(
                "profile",
                "update",
                "--org",
                "initech",
                "--email",
                "REP@acme.example",
                "--manager",
                "lead@acme.example",
                "--display-name",
                "Rae P",
                "--json"));
        assertThat(updated.getFirst())
                .containsEntry("email", "rep@acme.example")
                .containsEntry("team", "Bay")
                .containsEntry("manager", "lead@acme.example")
                .containsEntry("display_name", "Rae P")
                .containsEntry("role", "rep")
                .containsEntry("active", true);

        assertThat(refused(
                        "profile",
                        "update",
                        "--org",
                        "initech",
                        "--email",
                        "vp@acme.example",
                        "--manager",
                        "rep@acme.example"))
                .contains("cannot make rep@acme.example the manager of vp@acme.example")
                .contains("cycle");
        assertThat(refused(
                        "profile",
                        "update",
                        "--org",
                        "initech",
                        "--email",
                        "vp@acme.example",
                        "--manager",
                        "vp@acme.example"))
                .contains("cannot be their own manager");
        assertThat(refused(
                        "profile", "update", "--org", "initech", "--email", "nobody@acme.example", "--role", "admin"))
                .contains("no profile for nobody@acme.example in initech");
        assertThat(refused("profile", "update", "--org", "initech", "--email", "rep@acme.example", "--team", "Nowhere"))
                .contains("no team 'Nowhere' in initech");
        assertThat(refused("profile", "update", "--org", "initech", "--email", "rep@acme.example", "--role", "boss"))
                .contains("unknown role 'boss'");
        assertThat(refused("profile", "update", "--org", "initech", "--email", "rep@acme.example"))
                .contains("nothing to change");
        assertThat(conflicting("profile", "create", "--org", "initech", "--email", "rep@acme.example"))
                .contains("a profile for rep@acme.example already exists");
        // A manager of another organization is unknown here.
        ok("profile", "create", "--org", "globex", "--email", "boss@globex.example");
        assertThat(refused(
                        "profile",
                        "update",
                        "--org",
                        "initech",
                        "--email",
                        "rep@acme.example",
                        "--manager",
                        "boss@globex.example"))
                .contains("no profile for boss@globex.example in initech");

        ok(
                "profile",
                "update",
                "--org",
                "initech",
                "--email",
                "lead@acme.example",
                "--role",
                "manager",
                "--active",
                "false");
        // --team includes sub-teams.
        assertThat(emails(ok("profile", "list", "--org", "initech", "--team", "West", "--json")))
                .containsExactly("lead@acme.example", "rep@acme.example");
        assertThat(emails(ok("profile", "list", "--org", "initech", "--team", "Bay", "--json")))
                .containsExactly("rep@acme.example");
        assertThat(emails(ok("profile", "list", "--org", "initech", "--role", "manager", "--json")))
                .containsExactly("lead@acme.example", "vp@acme.example");
        assertThat(emails(ok("profile", "list", "--org", "initech", "--team", "West", "--active", "true", "--json")))
                .containsExactly("rep@acme.example");
        assertThat(emails(ok("profile", "list", "--org", "initech", "--manager", "vp@acme.example", "--json")))
                .containsExactly("lead@acme.example");
        assertThat(emails(ok("profile", "list", "--org", "globex", "--json"))).containsExactly("boss@globex.example");
    }

    private static List<Object> emails(CliRun run) throws Exception {
        return jsonLines(run).stream().map(line -> line.get("email")).toList();
    }
}
