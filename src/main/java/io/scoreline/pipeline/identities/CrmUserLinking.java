package io.scoreline.pipeline.identities;

import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.audit.Actor;
import io.scoreline.pipeline.audit.AuditEntry;
import io.scoreline.pipeline.integrations.Integration;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.people.CrmTeamPlacement;
import io.scoreline.pipeline.sync.ConnectorOpener;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /**
     * {@link #sync(long, boolean, boolean)} recorded in the audit log once done: what was asked
     * and the counts (e-mails of moved people stay in the answer, not in the row).
     */
    public UsersSyncResult sync(long integrationId, boolean createProfiles, boolean teamsFromCrm, Actor actor) {
        var result = sync(integrationId, createProfiles, teamsFromCrm);
        var integration = integration(integrationId);
        var summary = new LinkedHashMap<String, Object>();
        summary.put("create_profiles", createProfiles);
        summary.put("teams_from_crm", teamsFromCrm);
        summary.put("users", result.usersSeen());
        summary.put("newly_linked", result.newlyLinked());
        summary.put("profiles_created", result.profilesCreated());
        summary.put("unmatched", result.unmatched());
        if (teamsFromCrm) {
            summary.put("moves", result.moves().size());
            summary.put("teams_created", result.teamsCreated());
            summary.put("managers_changed", result.managersChanged());
        }
        integrations.audit(
                integration.organizationId(),
                new AuditEntry(actor, "users.sync", "integration:" + integrationId, summary));
        return result;
    }

    /** One page of {@link #unmatched(long)}: {@code next} is the CRM user id to continue after. */
    public record UnmatchedPage(List<CrmIdentity> users, Optional<String> next) {}

    /**
     * A page of the unmatched users, in the order of {@link #unmatched(long)}, after the CRM user
     * {@code after} (from the start when empty or no longer unmatched).
     */
    public UnmatchedPage unmatched(long integrationId, int limit, Optional<String> after) {
        var all = unmatched(integrationId);
        int start = 0;
        if (after.isPresent()) {
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).crmUserId().equals(after.get())) {
                    start = i + 1;
                    break;
                }
            }
        }
        int end = Math.min(all.size(), start + limit);
        var page = all.subList(start, end);
        return new UnmatchedPage(
                List.copyOf(page),
                end < all.size() && !page.isEmpty() ? Optional.of(page.getLast().crmUserId()) : Optional.empty());
    }

    /** CRM users of the integration whose KPIs are credited to nobody yet. */
    public List<CrmIdentity> unmatched(long integrationId) {
        var integration = integration(integrationId);
        return identities.unmatched(integration.organizationId(), integrationId);
    }

    /**
     * Credits one unmatched CRM user's KPIs to a profile of the organization from now on (the
     * console's one-click link; a {@code remap} credits what was read before). An unknown profile or
     * a CRM user that is not unmatched is not found.
     */
    public void link(long integrationId, String crmUserId, long profileId, Actor actor) {
        var integration = integration(integrationId);
        var audit = new AuditEntry(
                actor,
                "users.link",
                "integration:" + integrationId,
                Map.of("crm_user_id", crmUserId, "profile_id", profileId));
        if (!identities.link(integration.organizationId(), integrationId, crmUserId, profileId, audit)) {
            throw ScorelineException.notFound("CRM user " + crmUserId + " of integration " + integrationId
                    + " is not unmatched, or profile " + profileId + " does not exist");
        }
    }

    /** The integration with its organization: the authorization point (ADR 0029). */
    private Integration integration(long integrationId) {
        return integrations.require(integrationId);
    }
}
