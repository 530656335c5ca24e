package io.scoreline.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.connectors.spi.CrmProvider;
import io.scoreline.pipeline.inbox.InboxEvent;
import io.scoreline.pipeline.inbox.InboxStore;
import io.scoreline.pipeline.inbox.WebhookRoute;
import io.scoreline.pipeline.inbox.WebhookRoutes;
import io.scoreline.pipeline.integrations.IntegrationStatus;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /webhooks/hubspot} without HTTP: checks the v3 signature and timestamp, parses the
 * batch, routes it by {@code portalId} and commits its events to the inbox. Nothing enters the
 * inbox unless its signature checks out with the portal's integration's client secret.
 */
final class HubSpotWebhookReceiver {

    static final int MAX_EVENTS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Generic {@code object.*} subscriptions name the object by type id; legacy ones by prefix. */
    private static final Map<String, String> OBJECT_TYPE_IDS = Map.of("0-1", "contacts", "0-2", "companies", "0-3", "deals",
            "0-5", "tickets", "0-27", "tasks", "0-47", "meetings", "0-48", "calls", "0-49", "emails");
    private static final Map<String, String> LEGACY_PREFIXES = Map.of("contact", "contacts", "company", "companies",
            "deal", "deals", "ticket", "tickets");

    private final WebhookRoutes routes;
    private final WebhookSecrets secrets;
    private final InboxStore inbox;
    private final Runnable nudge;
    private final Duration coalesceWindow;
    private final Clock clock;

    HubSpotWebhookReceiver(WebhookRoutes routes, WebhookSecrets secrets, InboxStore inbox, Runnable nudge, Duration coalesceWindow,
            Clock clock) {
        this.routes = routes;
        this.secrets = secrets;
        this.inbox = inbox;
        this.nudge = nudge;
        this.coalesceWindow = coalesceWindow;
        this.clock = clock;
    }

    WebhookOutcome receive(String method, String signedUri, Optional<String> signature, Optional<String> timestamp, byte[] body) {
        var now = clock.instant();
        if (signature.isEmpty() || timestamp.isEmpty()) {
            return new WebhookOutcome.Unauthorized("X-HubSpot-Signature-v3 and X-HubSpot-Request-Timestamp are required");
        }
        if (!HubSpotSignatureV3.fresh(timestamp.get(), now)) {
            return new WebhookOutcome.Unauthorized("X-HubSpot-Request-Timestamp is more than 5 minutes away from now");
        }
        JsonNode batch;
        try {
            batch = JSON.readTree(body);
        } catch (IOException e) {
            return new WebhookOutcome.Malformed("the body is not JSON");
        }
        if (batch == null || !batch.isArray() || batch.isEmpty()) {
            return new WebhookOutcome.Malformed("the body must be a non-empty JSON array of events");
        }
        if (batch.size() > MAX_EVENTS) {
            // HubSpot sends at most 100 events a request: more is a body too large for us, as for Salesforce.
            return new WebhookOutcome.TooManyNotifications(batch.size(), MAX_EVENTS);
        }
        var byPortal = new LinkedHashMap<String, List<InboxEvent>>();
        for (var node : batch) {
            var parsed = parse(node);
            if (parsed.isEmpty()) {
                return new WebhookOutcome.Malformed("every event needs numeric portalId, objectId, eventId, subscriptionId, "
                        + "occurredAt and a subscriptionType");
            }
            byPortal.computeIfAbsent(node.path("portalId").asText(), p -> new ArrayList<>()).add(parsed.get());
        }
        // Check every portal's signature before anything is stored. A portal's events go to each
        // of its active integrations whose app signed them, never elsewhere (ADR 0021).
        var routesByPortal = routes.byAccounts(CrmProvider.HUBSPOT, byPortal.keySet());
        var accepted = new ArrayList<Map.Entry<WebhookRoute, List<InboxEvent>>>();
        int dropped = 0;
        for (var portal : byPortal.entrySet()) {
            var candidates = routesByPortal.get(portal.getKey());
            if (candidates.isEmpty()) {
                dropped += portal.getValue().size();
                continue;
            }
            var signers = new ArrayList<WebhookRoute>();
            boolean anySecret = false;
            for (var route : candidates) {
                var secret = secrets.clientSecret(route);
                anySecret |= secret.isPresent();
                if (secret.isPresent() && HubSpotSignatureV3.matches(secret.get(), method, signedUri, body, timestamp.get(),
                        signature.get())) {
                    signers.add(route);
                }
            }
            if (signers.isEmpty()) {
                return new WebhookOutcome.Unauthorized(anySecret ? "the v3 signature does not match"
                        : "integration " + candidates.getFirst().integrationId() + " has no client secret to check HubSpot signatures with");
            }
            var active = signers.stream().filter(route -> route.status() == IntegrationStatus.ACTIVE).toList();
            if (active.isEmpty()) {
                dropped += portal.getValue().size();
                continue;
            }
            active.forEach(route -> accepted.add(Map.entry(route, portal.getValue())));
        }
        if (accepted.isEmpty()) {
            return new WebhookOutcome.Dropped(dropped, "no active integration for portal(s) " + byPortal.keySet());
        }
        int events = 0;
        int inserted = 0;
        for (var entry : accepted) {
            events += entry.getValue().size();
            inserted += inbox.insert(entry.getKey().organizationId(), entry.getKey().integrationId(), entry.getValue(), now,
                    now.plus(coalesceWindow));
        }
        if (inserted > 0) {
            nudge.run();
        }
        return new WebhookOutcome.Accepted(events, inserted);
    }

    private static Optional<InboxEvent> parse(JsonNode event) {
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
        var dedupeKey = event.path("subscriptionId").asText() + ":" + event.path("eventId").asText() + ":"
                + event.path("occurredAt").asText() + ":" + event.path("objectId").asText();
        return Optional.of(new InboxEvent(CrmProvider.HUBSPOT, dedupeKey, objectType, event.path("objectId").asText(), subscription,
                Optional.of(Instant.ofEpochMilli(event.path("occurredAt").asLong())), event.toString()));
    }

    static Optional<String> objectType(String subscriptionType, String objectTypeId) {
        var dot = subscriptionType.indexOf('.');
        var prefix = dot < 0 ? subscriptionType : subscriptionType.substring(0, dot);
        if (prefix.equals("object")) {
            return Optional.ofNullable(OBJECT_TYPE_IDS.get(objectTypeId));
        }
        return Optional.ofNullable(LEGACY_PREFIXES.get(prefix));
    }
}
