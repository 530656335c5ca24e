package io.scoreline.connectors.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A CRM user or owner, as read from Salesforce {@code User} or the HubSpot owners API.
 *
 * @param teamPath the user's team in the CRM and the teams above it, top first (Salesforce: the
 *     role hierarchy; HubSpot: the primary team alone); empty when the CRM names no team or the
 *     connector was not asked for teams
 * @param managerCrmUserId the CRM id of the user's manager, if the CRM has one
 */
public record CrmUser(
        String crmUserId,
        String email,
        String name,
        boolean active,
        List<String> teamPath,
        Optional<String> managerCrmUserId) {

    public CrmUser {
        Objects.requireNonNull(crmUserId, "crmUserId");
        teamPath = List.copyOf(teamPath);
        Objects.requireNonNull(managerCrmUserId, "managerCrmUserId");
    }

    /** A user without team or manager. */
    public CrmUser(String crmUserId, String email, String name, boolean active) {
        this(crmUserId, email, name, active, List.of(), Optional.empty());
    }
}
