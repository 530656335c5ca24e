package io.scoreline.app.demo;

import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.identities.CrmIdentityStore;
import io.scoreline.pipeline.identities.CrmUserLinking;
import io.scoreline.pipeline.identities.UsersSyncResult;
import io.scoreline.pipeline.integrations.EndpointSecret;
import io.scoreline.pipeline.integrations.Integration;
import io.scoreline.pipeline.integrations.NewIntegration;
import io.scoreline.pipeline.integrations.onboarding.IntegrationOnboarding;
import io.scoreline.pipeline.people.Teams;
import io.scoreline.pipeline.rules.RuleSetVersions;
import io.scoreline.pipeline.tenancy.NewOrganization;
import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.pipeline.tenancy.OrganizationOrigin;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The demo's organization: created fresh on every run (an earlier demo organization is deleted
 * first, because the simulators are new and their data would not line up with the old records;
 * only one the demo created itself, never another organization called {@code demo}),
 * with a Salesforce and a HubSpot integration on the stock rules (Salesforce's plus one KPI on a
 * custom field and a scorecard), profiles from both CRMs' users,
 * and one team per CRM.
 */
final class DemoTenant {

    static final String SLUG = "demo";
    static final String OUTBOUND_TEAM = "Outbound (Salesforce)";
    static final String INBOUND_TEAM = "Inbound (HubSpot)";

    /** The demo's KPI on a custom field, so a newcomer sees one work: not in the stock catalog, only in the org's. */
    static final String CUSTOM_FIELD_KPI = "connected_calls";

    /** The demo's scorecard, a derived KPI of the Salesforce rules (ADR 0042) that a contest ranks by. */
    static final String SCORECARD_KPI = "activity_points";

    /*
     * Added under the stock Salesforce rules' kpis: the simulated org's custom picklist
     * Task.Call_Outcome__c, which only the integration's discovered catalog knows (setOrFail
     * reads it from the CRM first, as `mapping set` does).
     */
    private static final String CUSTOM_FIELD_RULE = """

              # On the org's own picklist Task.Call_Outcome__c (a custom field, from its discovered catalog).
              %s:
                object: Task
                when: TaskSubtype = 'Call' AND Call_Outcome__c = 'Connected'
            """.formatted(CUSTOM_FIELD_KPI);

    /*
     * After the Salesforce rules: a scorecard over three of their KPIs. It reads the KPIs by key,
     * so the HubSpot reps' calls, meetings and revenue earn points too.
     */
    private static final String SCORECARD_RULE = """

            derived:
              # Points for a day's work: a call 1 (at most 40 a day), a booked meeting 10, each 1,000 won 1.
              %s:
                scorecard:
                  calls_made:      { points: 1, cap_per_day: 40 }
                  meetings_booked: { points: 10 }
                  revenue_won:     { points: 0.001 }
            """.formatted(SCORECARD_KPI);

    /**
     * What {@link #create} built; {@code replacedEarlier} says whether an earlier demo organization was deleted,
     * {@code salesforceEndpointSecret} is the secret in the Salesforce outbound-message URL (ADR 0020).
     */
    record Created(
            Organization organization,
            Integration salesforce,
            Integration hubSpot,
            boolean replacedEarlier,
            UsersSyncResult salesforceUsers,
            UsersSyncResult hubSpotUsers,
            EndpointSecret salesforceEndpointSecret) {}

    private final OrganizationStore organizations;
    private final IntegrationOnboarding onboarding;
    private final RuleSetVersions ruleSets;
    private final CrmIdentityStore identities;
    private final Teams teams;
    private final CrmUserLinking userLinking;

    DemoTenant(
            OrganizationStore organizations,
            IntegrationOnboarding onboarding,
            RuleSetVersions ruleSets,
            CrmIdentityStore identities,
            Teams teams,
            CrmUserLinking userLinking) {
        this.organizations = organizations;
        this.onboarding = onboarding;
        this.ruleSets = ruleSets;
        this.identities = identities;
        this.teams = teams;
        this.userLinking = userLinking;
    }

    /**
     * The earlier demo organization, if there is one; a conflict if an organization called
     * {@code demo} exists that the demo did not create (a customer's, or one from before V18):
     * the demo never deletes it.
     */
    Optional<Organization> requireResettable() {
        var earlier = organizations.findBySlug(SLUG);
        if (earlier.isPresent() && organizations.origin(earlier.get().id()) != OrganizationOrigin.DEMO) {
            throw ScorelineException.conflict(
                    "organization '" + SLUG + "' was not created by `scoreline demo`, so the demo leaves it"
                            + " alone; run the demo on a database of its own: " + ScorelineConfig.HOME
                            + "=/tmp/scoreline-demo scoreline demo");
        }
        return earlier;
    }

    Created create(DemoSimulators sims) {
        var earlier = requireResettable();
        // The store checks the origin again, in the deleting transaction.
        earlier.ifPresent(org -> organizations.delete(org.id(), OrganizationOrigin.DEMO));
        var organization = organizations.create(
                NewOrganization.of(SLUG, "Demo Sales Co", DemoSimulators.ZONE.getId(), "monday"),
                OrganizationOrigin.DEMO);
        var sf = sims.salesforce();
        // Through the operator's use case: the integrations are scheduled as `integration add` schedules them.
        var connected = onboarding.add(
                organization.slug(),
                NewIntegration.of(
                                organization.id(),
                                CrmProvider.SALESFORCE,
                                new CrmCredentials.RefreshToken(sf.clientId(), sf.clientSecret(), sf.refreshToken()),
                                Optional.of(sf.loginUrl().toString()),
                                Optional.empty(),
                                Optional.empty())
                        // Outbound messages must come from this org: the live phase forwards the simulator's.
                        .withWebhookAccountId(Optional.of(sf.orgId())));
        var salesforce = connected.integration();
        var hs = sims.hubSpot();
        var hubSpot = onboarding
                .add(
                        organization.slug(),
                        NewIntegration.of(
                                organization.id(),
                                CrmProvider.HUBSPOT,
                                new CrmCredentials.RefreshToken(hs.clientId(), hs.clientSecret(), hs.refreshToken()),
                                Optional.empty(),
                                Optional.of(hs.baseUrl().toString()),
                                Optional.of(Long.toString(hs.portalId()))))
                .integration();
        // Validated like any operator's rules: a stock template the catalog no longer accepts stops the demo here.
        ruleSets.setOrFail(
                salesforce.id(),
                stockRules("salesforce") + CUSTOM_FIELD_RULE + SCORECARD_RULE,
                "demo",
                "mappings/salesforce.yaml");
        ruleSets.setOrFail(hubSpot.id(), stockRules("hubspot"), "demo", "mappings/hubspot.yaml");
        var salesforceUsers = linkUsers(organization, salesforce, OUTBOUND_TEAM);
        var hubSpotUsers = linkUsers(organization, hubSpot, INBOUND_TEAM);
        return new Created(
                organization,
                salesforce,
                hubSpot,
                earlier.isPresent(),
                salesforceUsers,
                hubSpotUsers,
                connected.endpointSecret().orElseThrow());
    }

    private UsersSyncResult linkUsers(Organization organization, Integration integration, String team) {
        var result = userLinking.sync(integration.id(), true);
        teams.ensureWithMembers(organization, team, identities.linkedProfiles(organization.id(), integration.id()));
        return result;
    }

    private static String stockRules(String provider) {
        var resource = "mappings/" + provider + ".yaml";
        try (var in = DemoTenant.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ScorelineException(
                        FailureKind.BUG, "stock rules " + resource + " are missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScorelineException(FailureKind.BUG, "cannot read stock rules " + resource, e);
        }
    }
}
