package io.scoreline.pipeline.identities;

import io.scoreline.pipeline.integrations.Integration;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.people.CrmTeamPlacement;
import io.scoreline.pipeline.sync.ConnectorOpener;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Links an integration's CRM users to profiles by e-mail (ADR 0029): the one "users sync" of the
 * CLI, the demo and the benchmarks. The users are read from the CRM first, outside any
 * transaction; the store then links them in one.
 */
@Singleton
public final class CrmUserLinking {

    private final IntegrationStore integrations;
    private final CrmIdentityStore identities;
    private final CrmTeamPlacement placement;
    // A provider: Camel starts only when users are read from a CRM, not to list the unmatched.
    private final Provider<ConnectorOpener> connectors;

    @Inject
    public CrmUserLinking(
            IntegrationStore integrations,
            CrmIdentityStore identities,
            CrmTeamPlacement placement,
            Provider<ConnectorOpener> connectors) {
        this.integrations = integrations;
        this.identities = identities;
        this.placement = placement;
        this.connectors = connectors;
    }

    /**
     * Imports the CRM's users and links them to profiles by e-mail.
     *
     * @param createProfiles create profiles for active CRM users that match none
     */
    public UsersSyncResult sync(long integrationId, boolean createProfiles) {
        return sync(integrationId, createProfiles, false);
    }

    /**
     * @param teamsFromCrm also take teams and managers from the CRM (ADR 0037): people whose CRM
     *     team changed since the last run are moved, and the result lists them
     */
    public UsersSyncResult sync(long integrationId, boolean createProfiles, boolean teamsFromCrm) {
        var integration = integration(integrationId);
        try (var connector = connectors.get().open(integration)) {
            var users = teamsFromCrm ? connector.usersWithTeams() : connector.users();
            var linked = identities.sync(integration.organizationId(), integrationId, users, createProfiles);
            if (!teamsFromCrm) {
                return linked;
            }
            var placed = placement.place(integration.organizationId(), integrationId, users);
            return new UsersSyncResult(
                    linked.usersSeen(),
                    linked.newlyLinked(),
                    linked.profilesCreated(),
                    linked.unmatched(),
                    placed.moves(),
                    placed.teamsCreated(),
                    placed.managersChanged());
        }
    }

    /** CRM users of the integration whose KPIs are credited to nobody yet. */
    public List<CrmIdentity> unmatched(long integrationId) {
        var integration = integration(integrationId);
        return identities.unmatched(integration.organizationId(), integrationId);
    }

    /** The integration with its organization: the authorization point (ADR 0029). */
    private Integration integration(long integrationId) {
        return integrations.require(integrationId);
    }
}
