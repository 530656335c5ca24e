package io.scoreline.sim.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The test vectors of crm-protocols.md C8. */
class HubSpotSignatureTest {

    private static final String SECRET = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy";
    private static final String URI = "https://www.example.com/webhook_uri";
    private static final String BODY = "{\"example_field\":\"example_value\"}";

    @Test
    void v1HashesSecretAndBody() {
        String body = "[{\"eventId\":1,\"subscriptionId\":12345,\"portalId\":62515,\"occurredAt\":1564113600000,"
                + "\"subscriptionType\":\"contact.creation\",\"attemptNumber\":0,\"objectId\":123,"
                + "\"changeSource\":\"CRM\",\"changeFlag\":\"NEW\",\"appId\":54321}]";

        assertThat(HubSpotSignature.v1(SECRET, body))
                .isEqualTo("232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817de");
    }

    @Test
    void v2HashesSecretMethodUriAndBody() {
        assertThat(HubSpotSignature.v2(SECRET, "GET", URI, ""))
                .isEqualTo("eee2dddcc73c94d699f5e395f4b9d454a069a6855fbfa152e91e88823087200e");
        assertThat(HubSpotSignature.v2(SECRET, "POST", URI, BODY))
                .isEqualTo("9569219f8ba981ffa6f6f16aa0f48637d35d728c7e4d93d0d52efaa512af7900");
    }

    @Test
    void v3IsAnHmacOverMethodUriBodyAndTimestamp() {
        assertThat(HubSpotSignature.v3(SECRET, "POST", URI, BODY, 1_700_000_000_000L))
                .isEqualTo("rQEKkaNUiu+1qGF//O/pw4BCzstSqO1PyUnGICmf+7o=");
        assertThat(HubSpotSignature.v3(SECRET, "POST", URI, BODY, 1_700_000_000_001L))
                .isNotEqualTo("rQEKkaNUiu+1qGF//O/pw4BCzstSqO1PyUnGICmf+7o=");
    }
}
