package io.scoreline.connectors.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.sim.hubspot.HubSpotSignature;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The v3 vector of crm-protocols.md C8, agreement with the simulator's signer, tampering and the 5-minute window. */
class HubSpotSignatureV3Test {

    private static final String SECRET = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy";
    private static final String URI = "https://www.example.com/webhook_uri";
    private static final byte[] BODY = "{\"example_field\":\"example_value\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void matchesTheDocumentedVector() {
        assertThat(HubSpotSignatureV3.sign(SECRET, "POST", URI, BODY, "1700000000000"))
                .isEqualTo("rQEKkaNUiu+1qGF//O/pw4BCzstSqO1PyUnGICmf+7o=");
        assertThat(HubSpotSignatureV3.matches(
                        SECRET, "POST", URI, BODY, "1700000000000", "rQEKkaNUiu+1qGF//O/pw4BCzstSqO1PyUnGICmf+7o="))
                .isTrue();
    }

    @Test
    void agreesWithTheSimulatorOnNonAsciiBodies() {
        var body = "[{\"propertyValue\":\"Müller – 東京\"}]";
        var simulated = HubSpotSignature.v3(SECRET, "POST", URI, body, 1_700_000_000_123L);
        assertThat(HubSpotSignatureV3.matches(
                        SECRET, "POST", URI, body.getBytes(StandardCharsets.UTF_8), "1700000000123", simulated))
                .isTrue();
    }

    @Test
    void anyChangeBreaksIt() {
        var good = HubSpotSignatureV3.sign(SECRET, "POST", URI, BODY, "1700000000000");
        assertThat(HubSpotSignatureV3.matches("other-secret", "POST", URI, BODY, "1700000000000", good))
                .isFalse();
        assertThat(HubSpotSignatureV3.matches(SECRET, "POST", URI + "?x=1", BODY, "1700000000000", good))
                .isFalse();
        assertThat(HubSpotSignatureV3.matches(
                        SECRET, "POST", URI, "{}".getBytes(StandardCharsets.UTF_8), "1700000000000", good))
                .isFalse();
        assertThat(HubSpotSignatureV3.matches(SECRET, "POST", URI, BODY, "1700000000001", good))
                .isFalse();
        assertThat(HubSpotSignatureV3.matches(SECRET, "POST", URI, BODY, "1700000000000", ""))
                .isFalse();
    }

    @Test
    void timestampsOlderOrNewerThanFiveMinutesAreStale() {
        var now = Instant.ofEpochMilli(1_700_000_000_000L);
        assertThat(HubSpotSignatureV3.fresh("1700000000000", now)).isTrue();
        assertThat(HubSpotSignatureV3.fresh(Long.toString(1_700_000_000_000L - 300_000), now))
                .isTrue();
        assertThat(HubSpotSignatureV3.fresh(Long.toString(1_700_000_000_000L - 300_001), now))
                .isFalse();
        assertThat(HubSpotSignatureV3.fresh(Long.toString(1_700_000_000_000L + 300_001), now))
                .isFalse();
        assertThat(HubSpotSignatureV3.fresh("yesterday", now)).isFalse();
    }
}
