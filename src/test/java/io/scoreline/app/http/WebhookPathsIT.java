package io.scoreline.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.testing.ScorelineServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one webhook controller serves only the URL shapes the CRMs post to (ADR 0028): a CRM that
 * routes by account has no per-integration URL, a CRM that posts to one per integration has no
 * shared URL, and an unknown provider has none. Such paths are not found and counted nowhere,
 * as when each CRM had its own controller and no route matched them.
 */
class WebhookPathsIT {

    private static ScorelineServer server;

    @BeforeAll
    static void start() {
        server = ScorelineServer.start(Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void pathsNoCrmPostsToAreNotFoundAndNotCounted() {
        var body = "[]".getBytes(StandardCharsets.UTF_8);
        for (var path : List.of(
                "/webhooks/hubspot/42",
                "/webhooks/hubspot/42/secret",
                "/webhooks/salesforce",
                "/webhooks/zoho",
                "/webhooks/zoho/1/secret",
                "/webhooks/HUBSPOT")) {
            var response = server.post(path, body, Map.of("Content-Type", "application/json"));
            assertThat(response.statusCode()).as(path).isEqualTo(404);
        }
        assertThat(server.get("/metrics").body()).doesNotContain("scoreline_webhook_rejected_total{");
        // The shapes the CRMs do post to are served: refused here for what they lack, and counted.
        assertThat(server.post("/webhooks/hubspot", body, Map.of("Content-Type", "application/json"))
                        .statusCode())
                .isEqualTo(401);
        assertThat(server.post("/webhooks/salesforce/1/secret", body, Map.of("Content-Type", "text/xml"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(server.get("/metrics").body())
                .contains(
                        "scoreline_webhook_rejected_total{provider=\"hubspot\",reason=\"unauthorized\",status=\"401\"}")
                .contains(
                        "scoreline_webhook_rejected_total{provider=\"salesforce\",reason=\"unknown_endpoint\",status=\"404\"}");
    }
}
