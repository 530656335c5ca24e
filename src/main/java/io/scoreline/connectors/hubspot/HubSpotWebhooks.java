package io.scoreline.connectors.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.connectors.spi.WebhookDecoder;
import io.scoreline.connectors.spi.WebhookDirectory;
import io.scoreline.connectors.spi.WebhookEvent;
import io.scoreline.connectors.spi.WebhookReply;
import io.scoreline.connectors.spi.WebhookRequest;
import io.scoreline.connectors.spi.WebhookTarget;
import io.scoreline.connectors.spi.WebhookVerdict;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HubSpot webhook batches ({@code POST /webhooks/hubspot}): checks the v3 signature and timestamp,
 * parses the batch and routes it by {@code portalId}. Nothing is delivered unless its signature
 * checks out with the client secret of an integration holding its portal.
 */
final class HubSpotWebhooks implements WebhookDecoder {

    static final String SIGNATURE = "X-HubSpot-Signature-v3";
    static final String TIMESTAMP = "X-HubSpot-Request-Timestamp";
    static final int MAX_EVENTS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Generic {@code object.*} subscriptions name the object by type id; legacy ones by prefix. */
    private static final Map<String, String> OBJECT_TYPE_IDS = Map.of(
            "0-1",
            "contacts",
            "0-2",
            "companies",
            "0-3",
            "deals",
            "0-5",
            "tickets",
            "0-27",
            "tasks",
            "0-47",
            "meetings",
            "0-48",
            "calls",
            "0-49",
            "emails");

    private static final Map<String, String> LEGACY_PREFIXES =
            Map.of("contact", "contacts", "company", "companies", "deal", "deals", "ticket", "tickets");

    @Override
    public boolean postsToIntegrationEndpoints() {
        return false;
    }

    @Override
    public Optional<String> signingSecret(CrmCredentials credentials) {
        return switch (credentials) {
            case CrmCredentials.RefreshToken r -> Optional.of(r.clientSecret());
            case CrmCredentials.ClientCredentials c -> Optional.of(c.clientSecret());
            // A private-app token alone cannot check signatures.
            case CrmCredentials.PrivateAppToken p -> Optional.empty();
            case CrmCredentials.JwtBearer j -> Optional.empty();
        };
    }

    @Override
    public WebhookReply accepted(int events, int inserted) {
        return new WebhookReply("text/plain", "accepted " + events + " (" + inserted + " new)\n");
    }

    @Override
    public WebhookReply dropped(int events) {
        return new WebhookReply("text/plain", "dropped " + events + "\n");
    }

    @Override
    public WebhookVerdict decode(WebhookRequest request, WebhookDirectory directory) {
        var signature = request.header().apply(SIGNATURE);
        var timestamp = request.header().apply(TIMESTAMP);
        if (signature.isEmpty() || timestamp.isEmpty()) {
            return new WebhookVerdict.Unauthorized(SIGNATURE + " and " + TIMESTAMP + " are required");
        }
        if (!HubSpotSignatureV3.fresh(timestamp.get(), request.receivedAt())) {
            return new WebhookVerdict.Unauthorized(TIMESTAMP + " is more than 5 minutes away from now");
        }
        JsonNode batch;
        try {
            batch = JSON.readTree(request.body());
        } catch (IOException e) {
            return new WebhookVerdict.Malformed("the body is not JSON");
        }
        if (batch == null || !batch.isArray() || batch.isEmpty()) {
            return new WebhookVerdict.Malformed("the body must be a non-empty JSON array of events");
        }
        if (batch.size() > MAX_EVENTS) {
            // HubSpot sends at most 100 events a request: more is a body too large for us, as for Salesforce.
            return new WebhookVerdict.TooManyNotifications(batch.size(), MAX_EVENTS);
        }
        var byPortal = new LinkedHashMap<String, List<WebhookEvent>>();
        for (var node : batch) {
            var parsed = parse(node);
            if (parsed.isEmpty()) {
                return new WebhookVerdict.Malformed(
                        "every event needs numeric portalId, objectId, eventId, subscriptionId, "
                                + "occurredAt and a subscriptionType");
            }
            byPortal.computeIfAbsent(node.path("portalId").asText(), p -> new ArrayList<>())
                    .add(parsed.get());
        }
        // Check every portal's signature before anything is delivered. A portal's events go to each
        // of its active integrations whose app signed them, never elsewhere (ADR 0021).
        var targetsByPortal = directory.byAccounts(byPortal.keySet());
        var deliveries = new ArrayList<WebhookVerdict.Delivery>();
        int dropped = 0;
        for (var portal : byPortal.entrySet()) {
            var candidates = targetsByPortal.get(portal.getKey());
            if (candidates.isEmpty()) {
                dropped += portal.getValue().size();
                continue;
            }
            var signers = new ArrayList<WebhookTarget>();
            boolean anySecret = false;
            for (var target : candidates) {
                var secret = directory.signingSecret(target);
                anySecret |= secret.isPresent();
                if (secret.isPresent()
                        && HubSpotSignatureV3.matches(
                                secret.get(),
                                request.method(),
                                request.signedUri(),
                                request.body(),
                                timestamp.get(),
                                signature.get())) {
                    signers.add(target);
                }
            }
            if (signers.isEmpty()) {
                return new WebhookVerdict.Unauthorized(
                        anySecret
                                ? "the v3 signature does not match"
                                : "integration " + candidates.getFirst().integrationId()
                                        + " has no client secret to check HubSpot signatures with");
            }
            var active = signers.stream().filter(WebhookTarget::active).toList();
            if (active.isEmpty()) {
                dropped += portal.getValue().size();
                continue;
            }
            active.forEach(target -> deliveries.add(new WebhookVerdict.Delivery(target, portal.getValue())));
        }
        if (deliveries.isEmpty()) {
            return new WebhookVerdict.Drop(dropped, "no active integration for portal(s) " + byPortal.keySet());
        }
        return new WebhookVerdict.Deliver(deliveries);
    }

    private static Optional<WebhookEvent> parse(JsonNode event) {
        if (!event.isObject()) {
            return Optional.empty();
        }
        for (var field : List.of("portalId", "objectId", "eventId", "subscriptionId", "occurredAt")) {
            if (!event.path(field).canConvertToLong() || !event.path(field).isIntegralNumber()) {
                return Optional.empty();
            }
        }
        var type = event.path("subscriptionType");
        if (!type.isTextual() || type.asText().isBlank()) {
            return Optional.empty();
        }
        var subscription = type.asText();
        var objectType = objectType(subscription, event.path("objectTypeId").asText(""));
        // eventId alone is not unique (HubSpot says so): the key is the tuple its docs suggest.
        var dedupeKey = event.path("subscriptionId").asText() + ":"
                + event.path("eventId").asText() + ":"
                + event.path("occurredAt").asText() + ":"
                + event.path("objectId").asText();
        return Optional.of(new WebhookEvent(
                dedupeKey,
                objectType,
                event.path("objectId").asText(),
                subscription,
                Optional.of(Instant.ofEpochMilli(event.path("occurredAt").asLong())),
                event.toString()));
    }

    static Optional<String> objectType(String subscriptionType, String objectTypeId) {
        var dot = subscriptionType.indexOf('.');
        var prefix = dot < 0 ? subscriptionType : subscriptionType.substring(0, dot);
        if (prefix.equals("object")) {
            // A custom object keeps its type id here: only the portal's schemas know the name rules
            // use, and the connector reads them (CrmConnector.objectName) when the event is processed.
            return objectTypeId.matches("2-\\d{1,18}")
                    ? Optional.of(objectTypeId)
                    : Optional.ofNullable(OBJECT_TYPE_IDS.get(objectTypeId));
        }
        return Optional.ofNullable(LEGACY_PREFIXES.get(prefix));
    }
}
