package io.scoreline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.testing.CliRun;
import io.scoreline.testing.TestEnvironment;
import io.scoreline.testing.TestPostgres;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One CRM account belongs to one active integration across all organizations (ADR 0021): a second
 * organization's `integration add` and a resume that would make a second holder are usage errors
 * whose one line names the account but not the organization that holds it.
 */
class SharedCrmAccountCliIT {

    private static final String HOLDER_NAME = "Initech Confidential";
    private static Map<String, String> env;

    @BeforeAll
    static void database() {
        env = TestEnvironment.forDatabase(TestPostgres.freshDatabase());
        assertThat(CliRun.run(env, "org", "create", "--slug", "initech", "--name", HOLDER_NAME, "--timezone", "UTC")
                        .exitCode())
                .isZero();
        assertThat(CliRun.run(env, "org", "create", "--slug", "rival", "--name", "Rival", "--timezone", "UTC")
                        .exitCode())
                .isZero();
    }

    @Test
    void aPortalHeldByAnotherOrganizationIsRefusedWithoutNamingIt() {
        var held = addHubSpot("initech", "5005");
        assertThat(held.exitCode()).as(held.err()).isZero();

        for (var portal : new String[] {"5005", "05005"}) {
            var second = addHubSpot("rival", portal);
            assertThat(second.exitCode()).as(second.err()).isEqualTo(CliErrorHandler.USAGE);
            assertThat(second.err().lines()).hasSize(1);
            assertThat(second.err())
                    .startsWith("error: HubSpot portal 5005 is already connected to an active integration")
                    .contains("--allow-shared-account")
                    .doesNotContain("initech")
                    .doesNotContain(HOLDER_NAME)
                    .doesNotContain("Exception");
        }
        assertThat(CliRun.run(env, "integration", "list", "--org", "rival", "--json")
                        .out())
                .doesNotContain("5005");

        var shared = CliRun.run(
                env,
                "integration",
                "add",
                "--org",
                "rival",
                "--provider",
                "hubspot",
                "--private-app-token",
                "pat-r",
                "--portal-id",
                "5005",
                "--allow-shared-account",
                "--json");
        assertThat(shared.exitCode()).as(shared.err()).isZero();
    }

    @Test
    void aPausedHolderReleasesTheAccountAndCannotResumeOverTheNewOne() {
        var first = addHubSpot("initech", "6006");
        assertThat(first.exitCode()).as(first.err()).isZero();
        var firstId = id(first);
        assertThat(CliRun.run(env, "integration", "pause", "--integration", firstId)
                        .exitCode())
                .isZero();

        var second = addHubSpot("rival", "6006");
        assertThat(second.exitCode()).as(second.err()).isZero();

        var resumed = CliRun.run(env, "integration", "resume", "--integration", firstId);
        assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(CliErrorHandler.USAGE);
        assertThat(resumed.err().lines()).hasSize(1);
        assertThat(resumed.err())
                .startsWith("error: HubSpot portal 6006 is already connected to an active integration")
                .contains("integration " + firstId + " stays paused")
                .doesNotContain("rival")
                .doesNotContain("Rival");
        assertThat(CliRun.run(env, "integration", "list", "--org", "initech", "--json")
                        .out())
                .contains("\"id\":" + firstId + ",\"org\":\"initech\",\"provider\":\"hubspot\",\"status\":\"paused\"");

        assertThat(CliRun.run(env, "integration", "pause", "--integration", id(second))
                        .exitCode())
                .isZero();
        var resumedNow = CliRun.run(env, "integration", "resume", "--integration", firstId);
        assertThat(resumedNow.exitCode()).as(resumedNow.err()).isZero();
    }

    @Test
    void aSalesforceOrgIsOneAccountInItsFifteenAndEighteenCharacterForms() {
        var first = addSalesforce("initech", "00D000000000077AAA");
        assertThat(first.exitCode()).as(first.err()).isZero();
        var second = addSalesforce("rival", "00D000000000077");
        assertThat(second.exitCode()).isEqualTo(CliErrorHandler.USAGE);
        assertThat(second.err())
                .startsWith("error: Salesforce org 00D000000000077 is already connected to an active integration")
                .doesNotContain(HOLDER_NAME);
        var otherOrg = addSalesforce("rival", "00D000000000078");
        assertThat(otherOrg.exitCode()).as(otherOrg.err()).isZero();
    }

    private static CliRun addHubSpot(String org, String portal) {
        return CliRun.run(
                env,
                "integration",
                "add",
                "--org",
                org,
                "--provider",
                "hubspot",
                "--private-app-token",
                "pat-" + org,
                "--portal-id",
                portal,
                "--json");
    }

    private static CliRun addSalesforce(String org, String salesforceOrgId) {
        return CliRun.run(
                env,
                "integration",
                "add",
                "--org",
                org,
                "--provider",
                "salesforce",
                "--client-id",
                "cid",
                "--client-secret",
                "cs",
                "--refresh-token",
                "rt",
                "--salesforce-org-id",
                salesforceOrgId,
                "--json");
    }

    private static String id(CliRun added) {
        return added.out().replaceAll("(?s).*\"id\":(\\d+).*", "$1").strip();
    }
}
