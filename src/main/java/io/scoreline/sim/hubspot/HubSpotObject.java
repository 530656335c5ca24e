package io.scoreline.sim.hubspot;

import java.time.Instant;
import java.util.Map;

/** One CRM object as HubSpot holds it: every property value is a string or null. */
public record HubSpotObject(
        HubSpotObjectType type,
        long id,
        Map<String, String> properties,
        Instant createdAt,
        Instant updatedAt,
        Instant archivedAt) {

    public boolean archived() {
        return archivedAt != null;
    }

    public String property(String name) {
        return properties.get(name);
    }
}
