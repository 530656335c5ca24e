package io.scoreline.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.inbox.InboxEntry;
import io.scoreline.pipeline.inbox.InboxStore;
import io.scoreline.pipeline.integrations.IntegrationStatus;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.integrations.NewIntegration;
import io.scoreline.pipeline.tenancy.NewOrganization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import io.scoreline.sim.hubspot.HubSpotSignature;
import io.scoreline.testing.ScorelineServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two organizations and one HubSpot portal on the real server (ADR 0021): a portal's events reach
 * only the active integrations whose app signed them, each in its own organization's inbox; the
 * events of a paused integration are dropped, never handed to another tenant's integration of the
 * same portal. Each scenario uses a portal of its own, so no remembered route hides a change.
 */
class WebhookTenancyIT {

    private static final String SECRET_A = "app-secret-of-a";
    private static final String SECRET_B = "app-secret-of-b";

    private static ScorelineServer server;
    private static IntegrationStore integrations;
    private static long orgA;
    private static long orgB;
    private static long eventIds = 5000;

    @BeforeAll
    static void start() {
        server = ScorelineServer.start(Map.of());
        var organizations = server.bean(OrganizationStore.class);
        orgA = organizations
                .create(NewOrganization.of("tenant-a", "Tenant A", "UTC", "monday"))
                .id();
        orgB = organizations
                .create(NewOrganization.of("tenant-b", "Tenant B", "UTC", "monday"))
                .id();
        integrations = server.bean(IntegrationStore.class);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void eventsGoOnlyToTheIntegrationWhoseAppSignedThem() {
        long a = add(orgA, 7100, SECRET_A, false);
        long b = add(orgB, 7100, SECRET_B, true);
        assertThat(post(7100, 2, SECRET_A).statusCode()).isEqualTo(200);
        assertThat(inbox(orgA, a)).hasSize(2);
        assertThat(inbox(orgB, b)).isEmpty();
        assertThat(post(7100, 3, SECRET_B).statusCode()).isEqualTo(200);
        assertThat(inbox(orgA, a)).hasSize(2);
        assertThat(inbox(orgB, b)).hasSize(3);
        assertThat(post(7100, 1, "nobody's secret").statusCode()).isEqualTo(401);
    }

    @Test
    void thePausedIntegrationsEventsAreDroppedNotRoutedToTheOtherTenant() {
        long a = add(orgA, 7200, SECRET_A, false);
        integrations.setStatus(orgA, a, IntegrationStatus.PAUSED);
        // A paused integration holds nothing: the portal may be connected elsewhere.
        long b = add(orgB, 7200, SECRET_B, false);
        var response = post(7200, 2, SECRET_A);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("dropped 2");
        assertThat(inbox(orgA, a)).isEmpty();
        assertThat(inbox(orgB, b)).isEmpty();
        assertThat(post(7200, 2, SECRET_B).body()).startsWith("accepted 2");
        assertThat(inbox(orgB, b)).hasSize(2);
        assertThat(inbox(orgA, a)).isEmpty();
    }

    @Test
    void integrationsSharingAPortalOnPurposeEachGetTheirOwnCopy() {
        long a = add(orgA, 7300, SECRET_A, true);
        long b = add(orgB, 7300, SECRET_A, true);
        assertThat(post(7300, 2, SECRET_A).body()).startsWith("accepted 4 (4 new)");
        assertThat(inbox(orgA, a))
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.organizationId()).isEqualTo(orgA));
        assertThat(inbox(orgB, b))
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.organizationId()).isEqualTo(orgB));
    }

    private static long add(long organizationId, long portal, String secret, boolean shared) {
        return integrations
                .add(NewIntegration.of(
                                organizationId,
                                CrmProvider.HUBSPOT,
                                new CrmCredentials.RefreshToken("client", secret, "refresh"),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(Long.toString(portal)))
                        .withSharedAccount(shared))
                .id();
    }

    private static List<InboxEntry> inbox(long organizationId, long integrationId) {
        return server.bean(InboxStore.class).list(organizationId, Optional.empty(), 1000).stream()
                .filter(e -> e.integrationId() == integrationId)
                .toList();
    }

    private static HttpResponse<String> post(long portal, int events, String secret) {
        var json = new StringBuilder("[");
        for (int i = 0; i < events; i++) {
            long eventId = eventIds++;
            json.append(i == 0 ? "" : ",")
                    .append("{\"eventId\":")
                    .append(eventId)
                    .append(",\"subscriptionId\":301,\"portalId\":")
                    .append(portal)
                    .append(",\"appId\":7,\"occurredAt\":1764500000000,\"subscriptionType\":\"object.creation\",")
                    .append("\"attemptNumber\":0,\"objectId\":")
                    .append(90_000 + eventId)
                    .append(",\"objectTypeId\":\"0-48\"}");
        }
        var body = json.append("]").toString();
        long timestamp = System.currentTimeMillis();
        return server.post(
                "/webhooks/hubspot",
                body.getBytes(StandardCharsets.UTF_8),
                Map.of(
                        "Content-Type", "application/json",
                        "X-HubSpot-Signature-v3",
                                HubSpotSignature.v3(
                                        secret,
                                        "POST",
                                        server.uri("/webhooks/hubspot").toString(),
                                        body,
                                        timestamp),
                        "X-HubSpot-Request-Timestamp", Long.toString(timestamp)));
    }
}
