package io.scoreline.app.http;

import static io.scoreline.pipeline.db.Tables.INTEGRATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.app.config.WebhookSettings;
import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.inbox.InboxEntry;
import io.scoreline.pipeline.inbox.InboxStatus;
import io.scoreline.pipeline.inbox.InboxStore;
import io.scoreline.pipeline.integrations.EndpointSecret;
import io.scoreline.pipeline.integrations.IntegrationStatus;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.integrations.NewIntegration;
import io.scoreline.pipeline.tenancy.NewOrganization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import io.scoreline.sim.hubspot.HubSpotSignature;
import io.scoreline.testing.OutboundMessages;
import io.scoreline.testing.ScorelineServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both webhook endpoints on the real server: what is accepted enters the inbox once, and every
 * refusal (bad signature, stale timestamp, malformed, oversized, foreign org, hostile XML) leaves
 * it untouched; events for unknown portals or paused integrations are answered 2xx and counted. A
 * Salesforce endpoint answers an unknown integration, a wrong or missing secret and another
 * provider's integration alike, and a rotated secret stops working at once (ADR 0020).
 */
class WebhookEndpointsIT {

    private static final String SECRET = "hubspot-app-secret";
    private static final String SF_ORG = "00D000000000042AAA";
    private static final int MAX_BYTES = 4096;

    private static ScorelineServer server;
    private static long organizationId;
    private static long hubSpotId;
    private static long salesforceId;
    private static EndpointSecret salesforceSecret;
    private static long pausedSalesforceId;
    private static EndpointSecret pausedSalesforceSecret;
    private static long eventIds = 1000;

    @BeforeAll
    static void start() {
        server = ScorelineServer.start(Map.of(WebhookSettings.MAX_BYTES, Integer.toString(MAX_BYTES)));
        organizationId = server.bean(OrganizationStore.class)
                .create(NewOrganization.of("hooks", "Hooks", "Europe/Berlin", "monday"))
                .id();
        var integrations = server.bean(IntegrationStore.class);
        hubSpotId = integrations
                .add(NewIntegration.of(
                        organizationId,
                        CrmProvider.HUBSPOT,
                        new CrmCredentials.RefreshToken("client", SECRET, "refresh"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("4242")))
                .id();
        var paused = integrations.add(NewIntegration.of(
                organizationId,
                CrmProvider.HUBSPOT,
                new CrmCredentials.RefreshToken("client", SECRET, "refresh"),
                Optional.empty(),
                Optional.empty(),
                Optional.of("5151")));
        integrations.setStatus(organizationId, paused.id(), IntegrationStatus.PAUSED);
        var salesforce = integrations.connect(salesforceRequest());
        salesforceId = salesforce.integration().id();
        salesforceSecret = salesforce.endpointSecret().orElseThrow();
        // The same Salesforce org as salesforceId: only a shared account may have a second holder (ADR 0021).
        var pausedSalesforce = integrations.connect(salesforceRequest().withSharedAccount(true));
        pausedSalesforceId = pausedSalesforce.integration().id();
        pausedSalesforceSecret = pausedSalesforce.endpointSecret().orElseThrow();
        integrations.setStatus(organizationId, pausedSalesforceId, IntegrationStatus.PAUSED);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aSignedBatchIsStoredOnceHoweverOftenItIsDelivered() {
        var body = batch(4242, 3);
        var first = postHubSpot(body, System.currentTimeMillis(), SECRET);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("accepted 3 (3 new)");
        var redelivered = postHubSpot(body, System.currentTimeMillis(), SECRET);
        assertThat(redelivered.statusCode()).isEqualTo(200);
        assertThat(redelivered.body()).contains("accepted 3 (0 new)");

        var stored = inbox(hubSpotId).stream()
                .filter(e -> body.contains("\"eventId\":" + e.dedupeKey().split(":")[3]))
                .toList();
        assertThat(stored).hasSize(3).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(InboxStatus.PENDING);
            assertThat(e.objectType()).contains("calls");
        });
        assertThat(counter("scoreline_webhook_events_total", "accepted", "hubspot"))
                .isGreaterThanOrEqualTo(3);
        assertThat(counter("scoreline_webhook_events_total", "duplicate", "hubspot"))
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void aBadSignatureIs401AndStoresNothing() {
        int before = inbox(hubSpotId).size();
        var response = postHubSpot(batch(4242, 2), System.currentTimeMillis(), "not-the-secret");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(inbox(hubSpotId)).hasSize(before);
    }

    @Test
    void aStaleTimestampIs401EvenWhenSignedCorrectly() {
        int before = inbox(hubSpotId).size();
        var response = postHubSpot(batch(4242, 1), System.currentTimeMillis() - 6 * 60_000, SECRET);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("5 minutes");
        assertThat(inbox(hubSpotId)).hasSize(before);
    }

    @Test
    void aMalformedBodyIs400() {
        assertThat(postHubSpot("{\"not\":\"an array\"}", System.currentTimeMillis(), SECRET)
                        .statusCode())
                .isEqualTo(400);
        assertThat(postHubSpot("[{\"portalId\":\"4242\"}]", System.currentTimeMillis(), SECRET)
                        .statusCode())
                .isEqualTo(400);
        assertThat(postHubSpot("[{", System.currentTimeMillis(), SECRET).statusCode())
                .isEqualTo(400);
    }

    @Test
    void anOversizedBodyIs413() {
        var body = "[" + "{}, ".repeat(MAX_BYTES / 4) + "{}]";
        assertThat(body.length()).isGreaterThan(MAX_BYTES);
        assertThat(postHubSpot(body, System.currentTimeMillis(), SECRET).statusCode())
                .isEqualTo(413);
        var xml = ("<x>" + "a".repeat(MAX_BYTES) + "</x>").getBytes(StandardCharsets.UTF_8);
        assertThat(server.post(
                                WebhookController.path(salesforceId, salesforceSecret),
                                xml,
                                Map.of("Content-Type", "text/xml"))
                        .statusCode())
                .isEqualTo(413);
    }

    @Test
    void unknownAndPausedPortalsAreAnswered2xxDroppedAndCounted() {
        double before = counter("scoreline_webhook_events_total", "dropped", "hubspot");
        var unknown = postHubSpot(batch(9999, 2), System.currentTimeMillis(), SECRET);
        var paused = postHubSpot(batch(5151, 3), System.currentTimeMillis(), SECRET);
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(paused.statusCode()).isEqualTo(200);
        assertThat(counter("scoreline_webhook_events_total", "dropped", "hubspot"))
                .isEqualTo(before + 5);
        assertThat(server.bean(InboxStore.class).list(organizationId, Optional.empty(), 1000))
                .noneMatch(e -> e.integrationId() != hubSpotId && e.provider() == CrmProvider.HUBSPOT);
    }

    @Test
    void aSalesforceMessageIsAcknowledgedAfterItsNotificationsAreStoredOnce() {
        var xml = message(SF_ORG, "04l000000000777AAA", "00T000000000777AAA");
        var response = postSalesforce(salesforceId, salesforceSecret, xml);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<Ack>true</Ack>");
        assertThat(postSalesforce(salesforceId, salesforceSecret, xml).body()).contains("<Ack>true</Ack>");
        // Only that the record changed is kept: the message's values are never used (ADR 0020).
        assertThat(inbox(salesforceId))
                .filteredOn(e -> e.recordId().equals("00T000000000777AAA"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.objectType()).contains("Task");
                    assertThat(e.rawBody()).isEqualTo("{}");
                    assertThat(e.occurredAt()).isEmpty();
                });
    }

    @Test
    void aMessageFromAnotherSalesforceOrgIs401() {
        var response = postSalesforce(
                salesforceId,
                salesforceSecret,
                message("00D000000000099AAA", "04l000000000778AAA", "00T000000000778AAA"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(inbox(salesforceId)).noneMatch(e -> e.recordId().equals("00T000000000778AAA"));
    }

    @Test
    void hostileXmlIs400() {
        var xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <notifications xmlns="http://soap.sforce.com/2005/09/outbound"><OrganizationId>&xxe;</OrganizationId></notifications>""";
        var response = postSalesforce(salesforceId, salesforceSecret, xxe);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("root:");
    }

    @Test
    void salesforceMessagesForPausedIntegrationsAreAcknowledgedAndCounted() {
        double before = counter("scoreline_webhook_events_total", "dropped", "salesforce");
        assertThat(postSalesforce(
                                pausedSalesforceId,
                                pausedSalesforceSecret,
                                message(SF_ORG, "04l000000000780AAA", "00T000000000780AAA"))
                        .body())
                .contains("<Ack>true</Ack>");
        assertThat(counter("scoreline_webhook_events_total", "dropped", "salesforce"))
                .isEqualTo(before + 1);
        assertThat(inbox(pausedSalesforceId)).isEmpty();
    }

    @Test
    void unknownIntegrationsWrongOrMissingSecretsAndOtherProvidersAreAnsweredAlikeAndStoreNothing() {
        var integrations = server.bean(IntegrationStore.class);
        // An integration from before endpoint secrets (V14): no hash stored.
        long withoutSecret =
                integrations.add(salesforceRequest().withSharedAccount(true)).id();
        server.bean(TenantTransactions.class)
                .inOrganization(
                        organizationId,
                        tx -> tx.update(INTEGRATIONS)
                                .setNull(INTEGRATIONS.ENDPOINT_SECRET_HASH)
                                .where(INTEGRATIONS.ID.eq(withoutSecret))
                                .execute());
        assertThat(integrations
                        .find(organizationId, withoutSecret)
                        .orElseThrow()
                        .hasEndpointSecret())
                .isFalse();
        var otherSecret = EndpointSecret.generate().text();
        var right = salesforceSecret.text();
        var paths = List.of(
                "/webhooks/salesforce/987654/" + right, // unknown integration, a real secret
                "/webhooks/salesforce/" + salesforceId + "/" + otherSecret, // wrong secret
                "/webhooks/salesforce/" + salesforceId + "/" + right.substring(1), // nearly right
                "/webhooks/salesforce/" + salesforceId, // no secret
                "/webhooks/salesforce/" + hubSpotId + "/" + right, // another provider's integration
                "/webhooks/salesforce/" + withoutSecret + "/" + right, // an integration without a secret
                "/webhooks/salesforce/" + withoutSecret,
                "/webhooks/salesforce/not-a-number/" + right);
        int before = server.bean(InboxStore.class)
                .list(organizationId, Optional.empty(), 1000)
                .size();
        double rejected = rejected("salesforce", 404);
        var xml = message(SF_ORG, "04l000000000781AAA", "00T000000000781AAA");
        var answers = paths.stream()
                .map(path -> server.post(
                        path, xml.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "text/xml; charset=utf-8")))
                .toList();

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.body()).isEqualTo("not found\n");
            assertThat(answer.headers().firstValue("Content-Type"))
                    .isEqualTo(answers.getFirst().headers().firstValue("Content-Type"));
        });
        assertThat(server.bean(InboxStore.class).list(organizationId, Optional.empty(), 1000))
                .hasSize(before);
        assertThat(rejected("salesforce", 404)).isEqualTo(rejected + paths.size());
        // The same message on the right URL is taken: nothing else about it was wrong.
        assertThat(postSalesforce(salesforceId, salesforceSecret, xml).body()).contains("<Ack>true</Ack>");
    }

    @Test
    void aRotatedSecretStopsTheOldOneAtOnceAndGivesAnIntegrationWithoutOneItsFirst() {
        var integrations = server.bean(IntegrationStore.class);
        var connected = integrations.connect(salesforceRequest().withSharedAccount(true));
        long id = connected.integration().id();
        var old = connected.endpointSecret().orElseThrow();
        assertThat(postSalesforce(id, old, message(SF_ORG, "04l000000000782AAA", "00T000000000782AAA"))
                        .body())
                .contains("<Ack>true</Ack>");

        var rotated = integrations.rotateEndpointSecret(organizationId, id);
        assertThat(rotated.text()).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(old.text());
        var refused = postSalesforce(id, old, message(SF_ORG, "04l000000000783AAA", "00T000000000783AAA"));
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(postSalesforce(id, rotated, message(SF_ORG, "04l000000000784AAA", "00T000000000784AAA"))
                        .body())
                .contains("<Ack>true</Ack>");
        assertThat(inbox(id))
                .extracting(InboxEntry::recordId)
                .containsExactlyInAnyOrder("00T000000000782AAA", "00T000000000784AAA");
        assertThat(String.valueOf(rotated)).doesNotContain(rotated.text());
    }

    private static NewIntegration salesforceRequest() {
        return NewIntegration.of(
                        organizationId,
                        CrmProvider.SALESFORCE,
                        new CrmCredentials.RefreshToken("client", "secret", "refresh"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty())
                .withWebhookAccountId(Optional.of(SF_ORG));
    }

    private static String message(String org, String notificationId, String recordId) {
        return OutboundMessages.envelope(
                org,
                List.of(new OutboundMessages.Notification(
                        notificationId,
                        "Task",
                        Map.of("Id", recordId, "Status", "Completed", "SystemModstamp", "2026-11-30T10:00:00.000Z"))));
    }

    private static String batch(long portalId, int events) {
        var json = new StringBuilder("[");
        for (int i = 0; i < events; i++) {
            long eventId = eventIds++;
            json.append(i == 0 ? "" : ",")
                    .append("{\"eventId\":")
                    .append(eventId)
                    .append(",\"subscriptionId\":201,\"portalId\":")
                    .append(portalId)
                    .append(",\"appId\":7,\"occurredAt\":1764500000000,\"subscriptionType\":\"object.propertyChange\",")
                    .append("\"attemptNumber\":0,\"objectId\":")
                    .append(50_000 + eventId)
                    .append(
                            ",\"objectTypeId\":\"0-48\",\"propertyName\":\"hs_call_disposition\",\"propertyValue\":\"Connected – ü\",")
                    .append("\"changeSource\":\"CRM_UI\"}");
        }
        return json.append("]").toString();
    }

    private static HttpResponse<String> postHubSpot(String body, long timestamp, String secret) {
        var uri = server.uri("/webhooks/hubspot").toString();
        return server.post(
                "/webhooks/hubspot",
                body.getBytes(StandardCharsets.UTF_8),
                Map.of(
                        "Content-Type", "application/json",
                        "X-HubSpot-Signature-v3", HubSpotSignature.v3(secret, "POST", uri, body, timestamp),
                        "X-HubSpot-Request-Timestamp", Long.toString(timestamp)));
    }

    private static HttpResponse<String> postSalesforce(long integrationId, EndpointSecret secret, String xml) {
        return server.post(
                WebhookController.path(integrationId, secret),
                xml.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "text/xml; charset=utf-8", "SOAPAction", "\"\""));
    }

    private static List<InboxEntry> inbox(long integrationId) {
        return server.bean(InboxStore.class).list(organizationId, Optional.empty(), 1000).stream()
                .filter(e -> e.integrationId() == integrationId)
                .toList();
    }

    /** Refusals of one provider and status, whatever their reason. */
    private static double rejected(String provider, int status) {
        var metrics = server.get("/metrics").body();
        var line = Pattern.compile("^scoreline_webhook_rejected_total\\{([^}]*)} ([0-9.E]+)$", Pattern.MULTILINE)
                .matcher(metrics);
        double sum = 0;
        while (line.find()) {
            var labels = line.group(1);
            if (labels.contains("provider=\"" + provider + "\"") && labels.contains("status=\"" + status + "\"")) {
                sum += Double.parseDouble(line.group(2));
            }
        }
        return sum;
    }

    private static double counter(String name, String outcome, String provider) {
        var metrics = server.get("/metrics").body();
        var line = Pattern.compile(
                        "^" + name + "\\{outcome=\"" + outcome + "\",provider=\"" + provider + "\"} ([0-9.E]+)$",
                        Pattern.MULTILINE)
                .matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}
