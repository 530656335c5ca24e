package io.scoreline.sim.salesforce;

import static io.scoreline.sim.HttpCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scoreline.sim.HttpCalls;
import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import io.scoreline.sim.TestClock;
import io.scoreline.sim.data.Activity;
import io.scoreline.sim.data.ActivityKind;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SalesforceBulkQueryIT {

    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T14:00:00Z"));
    private final HttpCalls http = new HttpCalls();
    private RunningSimulators sims;
    private URI base;
    private String token;

    @BeforeEach
    void start() {
        sims = Simulators.start(SimulatorOptions.defaults()
                .withSeed(13)
                .withVolume(3, 10)
                .withLastDay(LocalDate.of(2026, 3, 1))
                .withClock(clock));
        var sf = sims.salesforce();
        base = sf.instanceUrl();
        token = json(http.postForm(
                        base.resolve("/services/oauth2/token"),
                        Map.of(
                                "grant_type",
                                "client_credentials",
                                "client_id",
                                sf.clientId(),
                                "client_secret",
                                sf.clientSecret())))
                .get("access_token")
                .asText();
    }

    @AfterEach
    void stop() {
        sims.close();
        http.close();
    }

    private HttpResponse<String> create(String soql) {
        return http.postJson(
                base.resolve("/services/data/v56.0/jobs/query"),
                "{\"operation\":\"query\",\"query\":\"" + soql + "\",\"contentType\":\"CSV\"}",
                "Authorization",
                "Bearer " + token);
    }

    private HttpResponse<String> get(String path) {
        return http.get(base.resolve(path), "Authorization", "Bearer " + token, "Accept", "text/csv");
    }

    @Test
    void queryJobRunsAndPagesResultsByLocator() {
        long calls = sims.dataset().stream(ActivityKind.CALL)
                .filter(c -> !c.meta().deleted())
                .count();
        JsonNode created = json(create("SELECT Id, CallDurationInSeconds, Owner.Email, SystemModstamp FROM Task "
                + "WHERE TaskSubtype = 'Call'"));
        String jobPath = "/services/data/v56.0/jobs/query/" + created.get("id").asText();

        assertThat(created.get("state").asText()).isEqualTo("UploadComplete");
        assertThat(created.get("jobType").asText()).isEqualTo("V2Query");
        assertThat(created.get("concurrencyMode").asText()).isEqualTo("Parallel");
        assertThat(created.get("apiVersion").asDouble()).isEqualTo(56.0);
        assertThat(get(jobPath + "/results").statusCode()).isEqualTo(400);
        assertThat(json(get(jobPath)).get("state").asText()).isEqualTo("InProgress");
        JsonNode complete = json(get(jobPath));
        assertThat(complete.get("state").asText()).isEqualTo("JobComplete");
        assertThat(complete.get("numberRecordsProcessed").asLong()).isEqualTo(calls);

        List<String> rows = new ArrayList<>();
        String locator = "";
        List<String> locators = new ArrayList<>();
        do {
            HttpResponse<String> page =
                    get(jobPath + "/results?maxRecords=300" + (locator.isEmpty() ? "" : "&locator=" + locator));
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/csv");
            List<String> lines = page.body().lines().toList();
            assertThat(lines.getFirst())
                    .isEqualTo("\"Id\",\"CallDurationInSeconds\",\"Owner.Email\",\"SystemModstamp\"");
            assertThat(page.headers().firstValue("Sforce-NumberOfRecords"))
                    .hasValue(Integer.toString(lines.size() - 1));
            rows.addAll(lines.subList(1, lines.size()));
            locator = page.headers().firstValue("Sforce-Locator").orElseThrow();
            locators.add(locator);
        } while (!locator.equals("null"));

        assertThat(locators.size()).isGreaterThan(1);
        assertThat(rows).hasSize((int) calls);
        assertThat(new HashSet<>(rows)).hasSize((int) calls);
        assertThat(rows.getFirst())
                .matches("\"00T\\w{15}\",\"\\d+\",\"[^\"]+@scoreline-sim\\.example\","
                        + "\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.000Z\"");
    }

    @Test
    void nullsAreEmptyQuotedValues() {
        Activity email = sims.dataset().stream(ActivityKind.EMAIL)
                .filter(e -> !e.meta().deleted())
                .findFirst()
                .orElseThrow();
        String id = SalesforceRecords.idOf(ActivityKind.EMAIL, email.meta().index());
        String jobPath = "/services/data/v56.0/jobs/query/"
                + json(create("SELECT Id, CallDisposition FROM Task " + "WHERE Id = '" + id + "'"))
                        .get("id")
                        .asText();
        get(jobPath);
        get(jobPath);

        assertThat(get(jobPath + "/results").body()).isEqualTo("\"Id\",\"CallDisposition\"\n\"" + id + "\",\"\"\n");
    }

    @Test
    void unsupportedQueriesAbortAndDelete() {
        HttpResponse<String> count = create("SELECT COUNT() FROM Task");
        HttpResponse<String> badField = create("SELECT Nope FROM Task");
        String id = json(create("SELECT Id FROM Opportunity")).get("id").asText();
        String jobPath = "/services/data/v56.0/jobs/query/" + id;

        HttpResponse<String> aborted = http.send(HttpRequest.newBuilder(base.resolve(jobPath))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"state\":\"Aborted\"}")));
        HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(base.resolve(jobPath))
                .header("Authorization", "Bearer " + token)
                .DELETE());

        assertThat(count.statusCode()).isEqualTo(400);
        assertThat(json(badField).get(0).get("errorCode").asText()).isEqualTo("INVALID_FIELD");
        assertThat(json(aborted).get("state").asText()).isEqualTo("Aborted");
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(get(jobPath).statusCode()).isEqualTo(404);
    }
}
