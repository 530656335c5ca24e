package io.scoreline.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scoreline.app.config.WebhookSettings;
import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.inbox.InboxStore;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.integrations.NewIntegration;
import io.scoreline.pipeline.tenancy.NewOrganization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import io.scoreline.testing.OutboundMessages;
import io.scoreline.testing.ScorelineServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the server lets one client hold (ADR 0021), over real sockets: a request has
 * {@code SCORELINE_HTTP_READ_TIMEOUT} from its first byte to the end of its body, however it
 * trickles; a silent connection is closed after {@code SCORELINE_HTTP_IDLE_TIMEOUT}; bodies over
 * the limit and Salesforce messages with more than 100 notifications are refused with 413, and
 * every refusal is counted in {@code scoreline_webhook_rejected_total} with its reason.
 */
class HttpIntakeLimitsIT {

    private static final String SF_ORG = "00D000000000099AAA";
    /** Bounds on a hang (the socket's read timeout), not timing assertions. */
    private static final Duration HANG = Duration.ofSeconds(20);

    private static ScorelineServer server;
    private static long organizationId;
    private static String salesforcePath;

    @BeforeAll
    static void start() {
        server = ScorelineServer.start(Map.of(
                WebhookSettings.READ_TIMEOUT,
                "PT1S",
                WebhookSettings.IDLE_TIMEOUT,
                "PT3S",
                WebhookSettings.MAX_BYTES,
                Integer.toString(256 * 1024)));
        organizationId = server.bean(OrganizationStore.class)
                .create(NewOrganization.of("limits", "Limits", "UTC", "monday"))
                .id();
        var salesforce = server.bean(IntegrationStore.class)
                .connect(NewIntegration.of(
                                organizationId,
                                CrmProvider.SALESFORCE,
                                new CrmCredentials.RefreshToken("client", "secret", "refresh"),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty())
                        .withWebhookAccountId(Optional.of(SF_ORG)));
        salesforcePath = WebhookController.path(
                salesforce.integration().id(), salesforce.endpointSecret().orElseThrow());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aBodyTrickledPastTheReadTimeoutIsCutOff() throws Exception {
        double before = rejected("hubspot", "408", "read_timeout");
        try (var socket = connect()) {
            var out = socket.getOutputStream();
            out.write(("POST /webhooks/hubspot HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 1000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            var trickle = trickleUntilClosed(socket, 1000);
            assertThat(trickle.closed())
                    .as("closed by the server after %s bytes", trickle.sent())
                    .isTrue();
            assertThat(trickle.sent()).as("the body was never complete").isLessThan(1000);
        }
        await().atMost(HANG).until(() -> rejected("hubspot", "408", "read_timeout") == before + 1);
    }

    @Test
    void headersTrickledPastTheReadTimeoutAreCutOffToo() throws Exception {
        try (var socket = connect()) {
            socket.getOutputStream()
                    .write("POST /webhooks/salesforce/1 HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
            var trickle = trickleUntilClosed(socket, 4000);
            assertThat(trickle.closed())
                    .as("closed by the server after %s bytes", trickle.sent())
                    .isTrue();
        }
    }

    @Test
    void aKeptAliveConnectionMayWaitBetweenRequestsLongerThanTheReadTimeout() throws Exception {
        try (var socket = connect()) {
            assertThat(get(socket)).startsWith("HTTP/1.1 200");
            // Longer than the read timeout, shorter than the idle timeout: the read clock runs only during a request.
            await().pollDelay(Duration.ofMillis(1500)).atMost(HANG).until(() -> true);
            assertThat(get(socket)).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void aSilentConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        try (var socket = connect()) {
            assertThat(socket.getInputStream().read())
                    .as("closed by the server, not by the socket's hang bound")
                    .isEqualTo(-1);
        }
    }

    @Test
    void anOversizedBodyIs413AndCounted() {
        double before = rejected("hubspot", "413", "body_too_large");
        var body = "[" + "{}, ".repeat(70_000) + "{}]";
        var response = server.post(
                "/webhooks/hubspot", body.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/json"));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(rejected("hubspot", "413", "body_too_large")).isEqualTo(before + 1);
    }

    @Test
    void aHubSpotBatchOfMoreThanAHundredEventsIs413AndCounted() {
        double before = rejected("hubspot", "413", "too_many_notifications");
        var event = "{\"eventId\":%d,\"subscriptionId\":1,\"portalId\":424242,\"appId\":1,\"occurredAt\":1,"
                + "\"subscriptionType\":\"object.creation\",\"objectTypeId\":\"0-48\",\"objectId\":%d}";
        var body = "["
                + java.util.stream.IntStream.rangeClosed(1, 101)
                        .mapToObj(i -> event.formatted(i, i))
                        .collect(java.util.stream.Collectors.joining(","))
                + "]";
        var response = server.post(
                "/webhooks/hubspot",
                body.getBytes(StandardCharsets.UTF_8),
                Map.of(
                        "Content-Type",
                        "application/json",
                        "X-HubSpot-Signature-v3",
                        "unchecked-before-the-count",
                        "X-HubSpot-Request-Timestamp",
                        Long.toString(System.currentTimeMillis())));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.body()).contains("at most 100 notifications, got 101");
        assertThat(rejected("hubspot", "413", "too_many_notifications")).isEqualTo(before + 1);
    }

    @Test
    void aSalesforceMessageWithMoreThanAHundredNotificationsIs413AndStoresNothing() {
        double before = rejected("salesforce", "413", "too_many_notifications");
        var response = server.post(salesforcePath, withOrg(101), Map.of("Content-Type", "text/xml; charset=utf-8"));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("at most 100 notifications, got 101");
        assertThat(rejected("salesforce", "413", "too_many_notifications")).isEqualTo(before + 1);
        assertThat(server.bean(InboxStore.class).list(organizationId, Optional.empty(), 1000))
                .isEmpty();

        var hundred = server.post(salesforcePath, withOrg(100), Map.of("Content-Type", "text/xml; charset=utf-8"));
        assertThat(hundred.statusCode()).as(hundred.body()).isEqualTo(200);
        assertThat(server.bean(InboxStore.class).list(organizationId, Optional.empty(), 1000))
                .hasSize(100);
    }

    private static byte[] withOrg(int count) {
        return OutboundMessages.tasks(SF_ORG, count).getBytes(StandardCharsets.UTF_8);
    }

    private static Socket connect() throws IOException {
        var socket = new Socket("localhost", server.uri("/").getPort());
        socket.setSoTimeout((int) HANG.toMillis());
        return socket;
    }

    private record Trickle(int sent, boolean closed) {}

    /**
     * Sends a byte every 100 ms until the server closes the connection, {@code limit} bytes are
     * sent or the hang bound passes. The server's close shows as a failed write or end of stream.
     */
    private static Trickle trickleUntilClosed(Socket socket, int limit) throws Exception {
        OutputStream out = socket.getOutputStream();
        int sent = 0;
        long deadline = System.nanoTime() + HANG.toNanos();
        while (sent < limit && System.nanoTime() < deadline) {
            try {
                out.write('x');
                out.flush();
                sent++;
            } catch (SocketException closed) {
                return new Trickle(sent, true);
            }
            if (closedByPeer(socket)) {
                return new Trickle(sent, true);
            }
            await().pollDelay(Duration.ofMillis(100)).atMost(HANG).until(() -> true);
        }
        return new Trickle(sent, false);
    }

    /** Whether the peer closed: a read that does not block (short timeout) sees end of stream. */
    private static boolean closedByPeer(Socket socket) throws IOException {
        int timeout = socket.getSoTimeout();
        socket.setSoTimeout(1);
        try {
            return socket.getInputStream().read() == -1;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        } finally {
            socket.setSoTimeout(timeout);
        }
    }

    private static String get(Socket socket) throws IOException {
        socket.getOutputStream()
                .write("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        var in = socket.getInputStream();
        var head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        var length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        if (length.find()) {
            in.readNBytes(Integer.parseInt(length.group(1)));
        }
        return head.toString();
    }

    private static double rejected(String provider, String status, String reason) {
        var metrics = server.get("/metrics").body();
        var line = Pattern.compile("^scoreline_webhook_rejected_total\\{([^}]*)} ([0-9.E]+)$", Pattern.MULTILINE)
                .matcher(metrics);
        while (line.find()) {
            var labels = line.group(1);
            if (labels.contains("provider=\"" + provider + "\"")
                    && labels.contains("status=\"" + status + "\"")
                    && labels.contains("reason=\"" + reason + "\"")) {
                return Double.parseDouble(line.group(2));
            }
        }
        return 0;
    }
}
