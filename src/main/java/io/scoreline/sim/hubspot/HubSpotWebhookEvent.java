package io.scoreline.sim.hubspot;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One webhook event. {@code objectTypeId} is set for generic {@code object.*} subscriptions;
 * {@code propertyName}/{@code propertyValue} only for property changes; absent fields are not sent.
 */
public record HubSpotWebhookEvent(
        long eventId,
        long subscriptionId,
        long portalId,
        long appId,
        long occurredAt,
        String subscriptionType,
        long objectId,
        String objectTypeId,
        String propertyName,
        String propertyValue,
        String changeSource,
        String changeFlag) {

    Map<String, Object> json(int attemptNumber) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("eventId", eventId);
        json.put("subscriptionId", subscriptionId);
        json.put("portalId", portalId);
        json.put("appId", appId);
        json.put("occurredAt", occurredAt);
        json.put("subscriptionType", subscriptionType);
        json.put("attemptNumber", attemptNumber);
        json.put("objectId", objectId);
        if (objectTypeId != null) {
            json.put("objectTypeId", objectTypeId);
        }
        if (propertyName != null) {
            json.put("propertyName", propertyName);
            json.put("propertyValue", propertyValue);
        }
        json.put("changeSource", changeSource);
        if (changeFlag != null) {
            json.put("changeFlag", changeFlag);
        }
        return json;
    }
}
