package io.scoreline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.testing.CliRun;
import io.scoreline.testing.TestEnvironment;
import io.scoreline.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mapping commands of DESIGN §10: validate and test need no database; set and show store versions. */
class MappingCliIT {

    private static Map<String, String> env;
    private static String integrationId;

    @TempDir
    Path dir;

    @BeforeAll
    static void integration() {
        env = TestEnvironment.forDatabase(TestPostgres.freshDatabase());
        CliRun.run(env, "org", "create", "--slug", "maps", "--name", "Maps", "--timezone", "Europe/Berlin");
        var added = CliRun.run(
                env,
                "integration",
                "add",
                "--org",
                "maps",
                "--provider",
                "salesforce",
                "--client-id",
                "c",
                "--refresh-token",
                "r",
                "--json");
        integrationId = added.out().replaceAll("(?s).*\"id\":(\\d+).*", "$1");
    }

    @Test
    void stockTemplatesAreValid() {
        for (var template : new String[] {"mappings/salesforce.yaml", "mappings/hubspot.yaml"}) {
            var run = CliRun.run(Map.of(), "mapping", "validate", template);
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("valid").contains("10 KPI rules");
        }
    }

    @Test
    void everyProblemIsReportedWithItsPosition() throws Exception {
        var bad = write("bad.yaml", """
                provider: salesforce
                kpis:
                  calls:
                    object: Task
                    when: Statuz = 'Completed'
                  deals:
                    object: Opportunity
                    value: Name * 2
                """);
        var run = CliRun.run(Map.of(), "mapping", "validate", bad.toString());
        assertThat(run.exitCode()).isEqualTo(CliErrorHandler.FAILURE);
        var lines = run.err().lines().toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
        assertThat(lines)
                .allSatisfy(line ->
                        assertThat(line).matches(java.util.regex.Pattern.quote(bad.toString()) + ":\\d+:\\d+: .*"));
        assertThat(run.err()).contains(":5:").contains("Statuz").contains(":8:");
        assertThat(run.err()).doesNotContain("Exception");
    }

    /** --json: one line per problem on stdout with its position and severity; the exit code as without it. */
    @Test
    void validateJsonPrintsOneLinePerProblem() throws Exception {
        var bad = write("bad-json.yaml", """
                provider: salesforce
                kpis:
                  calls:
                    object: Task
                    when: Statuz = 'Completed'
                  won:
                    object: Opportunity
                    when: StageName = 'Closed Wonn'
                """);
        var run = CliRun.run(Map.of(), "mapping", "validate", bad.toString(), "--json");
        assertThat(run.exitCode()).isEqualTo(CliErrorHandler.FAILURE);
        assertThat(run.err()).isEmpty();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var problems = new java.util.ArrayList<com.fasterxml.jackson.databind.JsonNode>();
        for (var line : run.outLines()) {
            problems.add(json.readTree(line));
        }
        assertThat(problems).hasSizeGreaterThanOrEqualTo(1);
        assertThat(problems).allSatisfy(p -> {
            assertThat(p.path("file").asText()).isEqualTo(bad.toString());
            assertThat(p.path("line").asInt()).isPositive();
            assertThat(p.path("column").asInt()).isPositive();
            assertThat(p.path("severity").asText()).isIn("error", "warning");
            assertThat(p.path("message").asText()).isNotBlank();
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.path("line").asInt()).isEqualTo(5);
            assertThat(p.path("severity").asText()).isEqualTo("error");
            assertThat(p.path("message").asText()).contains("Statuz");
        });
        // The same problems as the text form, in the same order.
        var text = CliRun.run(Map.of(), "mapping", "validate", bad.toString());
        assertThat(text.exitCode()).isEqualTo(CliErrorHandler.FAILURE);
        assertThat(problems.stream()
                        .map(p -> p.path("file").asText() + ":" + p.path("line").asInt() + ":"
                                + p.path("column").asInt() + ":")
                        .toList())
                .isEqualTo(text.err()
                        .lines()
                        .map(l -> l.replaceAll("^(.*?:\\d+:\\d+:).*", "$1"))
                        .toList());

        var valid = CliRun.run(Map.of(), "mapping", "validate", "mappings/salesforce.yaml", "--json");
        assertThat(valid.exitCode()).as(valid.err()).isZero();
        assertThat(valid.out()).isEmpty();
    }

    @Test
    void testPrintsFactsAsJsonLinesWithoutADatabase() throws Exception {
        var records = write("tasks.jsonl", """
                {"attributes":{"type":"Task"},"Id":"00T1","OwnerId":"005A","TaskSubtype":"Call","Status":"Completed","CallDurationInSeconds":125,"CallDisposition":"Connected","Type":"Call","CreatedDate":"2024-05-17T22:30:00.000+0000","ActivityDate":"2024-05-17","IsClosed":true}
                not json
                """);
        var run = CliRun.run(
                Map.of(),
                "mapping",
                "test",
                "--rules",
                "mappings/salesforce.yaml",
                "--records",
                records.toString(),
                "--timezone",
                "Europe/Berlin");
        assertThat(run.exitCode()).isEqualTo(CliErrorHandler.FAILURE);
        assertThat(run.err()).contains(records + ":2: not a JSON object");
        assertThat(run.outLines())
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line)
                        .startsWith("{\"kpi\":")
                        .contains("\"object\":\"Task\"")
                        .contains("\"record_id\":\"00T1\"")
                        .contains("\"owner\":\"005A\""));
        // 22:30 UTC on the 17th is the 18th in Berlin
        assertThat(run.out()).contains("\"kpi\":\"calls_made\"").contains("\"date\":\"2024-05-18\"");
    }

    @Test
    void setStoresVersionsWithADiffAndRejectsInvalidDocuments() throws Exception {
        var first =
                CliRun.run(env, "mapping", "set", "--integration", integrationId, "--file", "mappings/salesforce.yaml");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("Stored version 1 (active)").contains("+ ");

        var same =
                CliRun.run(env, "mapping", "set", "--integration", integrationId, "--file", "mappings/salesforce.yaml");
        assertThat(same.out()).startsWith("No change: version 1 stays active");

        var smaller = write("smaller.yaml", """
                provider: salesforce
                kpis:
                  calls_made:
                    object: Task
                    when: TaskSubtype = 'Call'
                """);
        var second = CliRun.run(env, "mapping", "set", "--integration", integrationId, "--file", smaller.toString());
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).startsWith("Stored version 2 (active)").contains("- ");

        var invalid = write("invalid.yaml", "provider: salesforce\nkpis:\n  x:\n    object: Nope\n");
        var rejected = CliRun.run(env, "mapping", "set", "--integration", integrationId, "--file", invalid.toString());
        assertThat(rejected.exitCode()).isEqualTo(CliErrorHandler.FAILURE);
        assertThat(rejected.err()).contains(invalid + ":4:").contains("nothing was stored");

        var hubspotDocument =
                CliRun.run(env, "mapping", "set", "--integration", integrationId, "--file", "mappings/hubspot.yaml");
        assertThat(hubspotDocument.exitCode()).isEqualTo(CliErrorHandler.FAILURE);

        var shown = CliRun.run(env, "mapping", "show", "--integration", integrationId);
        assertThat(shown.out())
                .startsWith("# integration " + integrationId + ", version 2 (active)")
                .contains("TaskSubtype = 'Call'");
        var old = CliRun.run(env, "mapping", "show", "--integration", integrationId, "--version", "1", "--json");
        assertThat(old.out()).contains("\"version\":1").contains("\"active\":false");
    }

    @Test
    void activateRollsBackToAStoredVersionAndPrintsTheDiff() throws Exception {
        CliRun.run(env, "org", "create", "--slug", "rollback", "--name", "Rollback", "--timezone", "Europe/Berlin");
        var added = CliRun.run(
                env,
                "integration",
                "add",
                "--org",
                "rollback",
                "--provider",
                "salesforce",
                "--client-id",
                "c",
                "--refresh-token",
                "r",
                "--json");
        var id = added.out().replaceAll("(?s).*\"id\":(\\d+).*", "$1");
        var first =
                CliRun.run(env, "mapping", "set", "--integration", id, "--file", "mappings/salesforce.yaml", "--json");
        assertThat(first.out().strip())
                .startsWith("{\"integration\":" + id + ",\"version\":1,\"stored\":true,\"diff\":\"+ ");
        var smaller = write(
                "only-calls.yaml",
                "provider: salesforce\nkpis:\n  calls_made:\n    object: Task\n    when: TaskSubtype = 'Call'\n");
        assertThat(CliRun.run(env, "mapping", "set", "--integration", id, "--file", smaller.toString())
                        .exitCode())
                .isZero();

        var back = CliRun.run(env, "mapping", "activate", "--integration", id, "--version", "1");
        assertThat(back.exitCode()).as(back.err()).isZero();
        assertThat(back.out())
                .startsWith("Activated version 1 for integration " + id + " (was version 2):")
                .contains("+ ");
        var shown = CliRun.run(env, "mapping", "show", "--integration", id, "--json");
        assertThat(shown.out())
                .contains("\"version\":1")
                .contains("\"active\":true")
                .contains("\"created_at\":\"");

        var again = CliRun.run(env, "mapping", "activate", "--integration", id, "--version", "1", "--json");
        assertThat(again.out().strip())
                .isEqualTo("{\"integration\":" + id + ",\"version\":1,\"activated\":false,\"diff\":\"\"}");
        var missing = CliRun.run(env, "mapping", "activate", "--integration", id, "--version", "9");
        assertThat(missing.exitCode()).isEqualTo(CliErrorHandler.USAGE);
        assertThat(missing.err().strip()).isEqualTo("error: integration " + id + " has no version 9");
    }

    /** Warnings never reject: every command that checks a document prints them, and set stores it. */
    @Test
    void warningsArePrintedByValidateTestAndSetWhichStoresTheDocument() throws Exception {
        var warned = write("warned.yaml", """
                provider: salesforce
                kpis:
                  calls_made:
                    object: Task
                    when: Subject LIKE 'Call'
                """);
        var warning = warned + ":5:24: warning: LIKE pattern without % or _";

        var validated = CliRun.run(Map.of(), "mapping", "validate", warned.toString());
        assertThat(validated.exitCode()).as(validated.err()).isZero();
        assertThat(validated.err()).contains(warning);
        assertThat(validated.out()).contains("valid (salesforce, 1 KPI rules)");

        var records = write("none.jsonl", "");
        var tested =
                CliRun.run(Map.of(), "mapping", "test", "--rules", warned.toString(), "--records", records.toString());
        assertThat(tested.exitCode()).as(tested.err()).isZero();
        assertThat(tested.err()).contains(warning);

        CliRun.run(env, "org", "create", "--slug", "warned", "--name", "Warned", "--timezone", "Europe/Berlin");
        var added = CliRun.run(
                env,
                "integration",
                "add",
                "--org",
                "warned",
                "--provider",
                "salesforce",
                "--client-id",
                "c",
                "--refresh-token",
                "r",
                "--json");
        var id = added.out().replaceAll("(?s).*\"id\":(\\d+).*", "$1");
        var set = CliRun.run(env, "mapping", "set", "--integration", id, "--file", warned.toString());
        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.err()).contains(warning);
        assertThat(set.out()).startsWith("Stored version 1 (active)");
        assertThat(CliRun.run(env, "mapping", "show", "--integration", id).out())
                .contains("Subject LIKE 'Call'");
    }

    @Test
    void unknownIntegrationIsNotFound() {
        var run = CliRun.run(env, "mapping", "show", "--integration", "999999");
        assertThat(run.exitCode()).isEqualTo(CliErrorHandler.USAGE);
        assertThat(run.err().strip())
                .isEqualTo("error: no integration 999999 (see `scoreline integration list --org SLUG`)");
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}
