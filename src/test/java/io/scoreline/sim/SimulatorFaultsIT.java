package io.scoreline.sim;

import static io.scoreline.sim.HttpCalls.encode;
import static io.scoreline.sim.HttpCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.sim.fault.FaultSpec;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Faults reach clients of both simulators in each CRM's own shape, identically for a seed. */
class SimulatorFaultsIT {

    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T14:00:00Z"));
    private final HttpCalls http = new HttpCalls();
    private final List<RunningSimulators> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(RunningSimulators::close);
        http.close();
    }

    private RunningSimulators start(String faults) {
        RunningSimulators sims = Simulators.start(SimulatorOptions.defaults()
                .withSeed(4)
                .withVolume(2, 5)
                .withLastDay(LocalDate.of(2026, 3, 1))
                .withClock(clock)
                .withFaults(FaultSpec.parse(faults)));
        started.add(sims);
        return sims;
    }

    private List<Integer> salesforceStatuses(RunningSimulators sims, int calls) {
        var sf = sims.salesforce();
        String token = json(http.postForm(
                        sf.loginUrl().resolve("/services/oauth2/token"),
                        Map.of(
                                "grant_type",
                                "client_credentials",
                                "client_id",
                                sf.clientId(),
                                "client_secret",
                                sf.clientSecret())))
                .get("access_token")
                .asText();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            HttpResponse<String> response = http.get(
                    sf.instanceUrl().resolve("/services/data/v56.0/query?q=" + encode("SELECT Id FROM User")),
                    "Authorization",
                    "Bearer " + token);
            statuses.add(response.statusCode() == 200 && !response.body().endsWith("}") ? -200 : response.statusCode());
        }
        return statuses;
    }

    @Test
    void salesforceFaultsAreDeterministicForASeed() {
        List<Integer> first = salesforceStatuses(start("429:0.2,500:0.2,malformed:0.2"), 60);
        List<Integer> again = salesforceStatuses(start("429:0.2,500:0.2,malformed:0.2"), 60);

        assertThat(again).isEqualTo(first);
        assertThat(first).contains(200, 503, 500, -200);
    }

    @Test
    void hubSpotFaultsUseHubSpotShapes() {
        RunningSimulators sims = start("429:0.5,500:0.5");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(http.get(
                            sims.hubSpot().baseUrl().resolve("/crm/v3/owners/"),
                            "Authorization",
                            "Bearer " + sims.hubSpot().privateAppToken())
                    .statusCode());
        }
        assertThat(statuses).containsOnly(429, 502).contains(429, 502);
    }

    @Test
    void expireTokenFaultShortensTokenLifetime() {
        RunningSimulators sims = start("expire-token:300s");
        var sf = sims.salesforce();
        String token = json(http.postForm(
                        sf.loginUrl().resolve("/services/oauth2/token"),
                        Map.of(
                                "grant_type",
                                "refresh_token",
                                "client_id",
                                sf.clientId(),
                                "client_secret",
                                sf.clientSecret(),
                                "refresh_token",
                                sf.refreshToken())))
                .get("access_token")
                .asText();
        var limits = sf.instanceUrl().resolve("/services/data/v56.0/limits");

        assertThat(http.get(limits, "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(200);
        clock.advance(Duration.ofSeconds(301));
        assertThat(http.get(limits, "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(401);
    }
}
