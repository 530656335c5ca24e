package io.scoreline.connectors.spi;

import java.util.Objects;

/** A CRM user or owner, as read from Salesforce {@code User} or the HubSpot owners API. */
public record CrmUser(String crmUserId, String email, String name, boolean active) {

    public CrmUser {
        Objects.requireNonNull(crmUserId, "crmUserId");
    }
}
