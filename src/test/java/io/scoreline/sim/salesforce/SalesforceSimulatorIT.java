package io.scoreline.sim.salesforce;

import static io.scoreline.sim.HttpCalls.encode;
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
import io.scoreline.sim.data.RecordMeta;
import io.scoreline.sim.data.Rep;
import io.scoreline.sim.data.SyntheticDataset;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SalesforceSimulatorIT {

    private static final Instant NOW = Instant.parse("2026-03-02T14:00:00Z");

    private final TestClock clock = new TestClock(NOW);
    private final HttpCalls http = new HttpCalls();
    private RunningSimulators sims;
    private URI base;

    @BeforeEach
    void start() {
        sims = Simulators.start(SimulatorOptions.defaults()
                .withSeed(11)
                .withVolume(6, 20)
                .withLastDay(LocalDate.of(2026, 3, 1))
                .withClock(clock));
        base = sims.salesforce().loginUrl();
    }

    @AfterEach
    void stop() {
        sims.close();
        http.close();
    }

    private HttpResponse<String> refresh() {
        var sf = sims.salesforce();
        return http.postForm(
                base.resolve("/services/oauth2/token"),
                Map.of(
                        "grant_type",
                        "refresh_token",
                        "client_id",
                        sf.clientId(),
                        "client_secret",
                        sf.clientSecret(),
                        "refresh_token",
                        sf.refreshToken(),
                        "format",
                        "json"));
    }

    private String token() {
        return json(refresh()).get("access_token").asText();
    }

    private HttpResponse<String> get(String path, String... headers) {
        List<String> all = new ArrayList<>(List.of("Authorization", "Bearer " + token()));
        all.addAll(List.of(headers));
        return http.get(base.resolve(path), all.toArray(String[]::new));
    }

    private HttpResponse<String> query(String soql, String... headers) {
        return get("/services/data/v56.0/query/?q=" + encode(soql), headers);
    }

    @Test
    void refreshTokenLoginAnswersWithSalesforcesShape() throws Exception {
        HttpResponse<String> response = refresh();
        JsonNode body = json(response);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        assertThat(body.get("instance_url").asText()).isEqualTo(base.toString()).doesNotEndWith("/");
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("issued_at").isTextual()).isTrue();
        assertThat(body.get("issued_at").asText()).isEqualTo(Long.toString(NOW.toEpochMilli()));
        assertThat(body.has("refresh_token")).isFalse();
        String id = body.get("id").asText();
        assertThat(id).matches(base + "/id/00D\\w{15}/005\\w{15}");
        // Camel reads the org id as the 18 characters after "id/".
        assertThat(id.substring(id.indexOf("id/") + 3, id.indexOf("id/") + 21))
                .isEqualTo(sims.salesforce().orgId());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(sims.salesforce().clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(body.get("signature").asText())
                .isEqualTo(Base64.getEncoder()
                        .encodeToString(
                                mac.doFinal((id + body.get("issued_at").asText()).getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void badCredentialsGetOauthErrors() {
        var sf = sims.salesforce();
        HttpResponse<String> wrongRefresh = http.postForm(
                base.resolve("/services/oauth2/token"),
                Map.of(
                        "grant_type",
                        "refresh_token",
                        "client_id",
                        sf.clientId(),
                        "client_secret",
                        sf.clientSecret(),
                        "refresh_token",
                        "nope"));
        HttpResponse<String> wrongClient = http.postForm(
                base.resolve("/services/oauth2/token"),
                Map.of("grant_type", "client_credentials", "client_id", "other", "client_secret", sf.clientSecret()));
        HttpResponse<String> noGrant = http.postForm(base.resolve("/services/oauth2/token"), Map.of());

        assertThat(wrongRefresh.statusCode()).isEqualTo(400);
        assertThat(json(wrongRefresh).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(json(wrongRefresh).get("error_description").asText()).isEqualTo("expired access/refresh token");
        assertThat(json(wrongClient).get("error").asText()).isEqualTo("invalid_client_id");
        assertThat(json(noGrant).get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void clientCredentialsAndCamelStyleJwtAssertionsLogIn() {
        var sf = sims.salesforce();
        Base64.Encoder padded = Base64.getUrlEncoder();
        String header = padded.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));
        Rep rep = sims.dataset().reps().stream().filter(Rep::active).findFirst().orElseThrow();
        String claims = padded.encodeToString(("{\"iss\":\"" + sf.clientId() + "\",\"sub\":\"" + rep.email()
                        + "\",\"aud\":\"" + base + "\",\"exp\":\"" + (NOW.getEpochSecond() + 270) + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        String expiredClaims = padded.encodeToString(("{\"iss\":\"" + sf.clientId() + "\",\"sub\":\"" + rep.email()
                        + "\",\"aud\":\"" + base + "\",\"exp\":" + (NOW.getEpochSecond() - 1) + "}")
                .getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> credentials = http.postForm(
                base.resolve("/services/oauth2/token"),
                Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        sf.clientId(),
                        "client_secret",
                        sf.clientSecret()));
        HttpResponse<String> jwt = http.postForm(
                base.resolve("/services/oauth2/token"),
                Map.of(
                        "grant_type",
                        "urn:ietf:params:oauth:grant-type:jwt-bearer",
                        "client_id",
                        sf.clientId(),
                        "assertion",
                        signed(header + "." + claims)));
        HttpResponse<String> unsigned = http.postForm(
                base.resolve("/services/oauth2/token"),
                Map.of(
                        "grant_type",
                        "urn:ietf:params:oauth:grant-type:jwt-bearer",
                        "client_id",
                        sf.clientId(),
                        "assertion",
                        header + "." + claims + ".c2lnbmF0dXJl"));
        HttpResponse<String> expired = http.postForm(
                base.resolve("/services/oauth2/token"),
                Map.of(
                        "grant_type",
                        "urn:ietf:params:oauth:grant-type:jwt-bearer",
                        "assertion",
                        signed(header + "." + expiredClaims)));

        assertThat(credentials.statusCode()).isEqualTo(200);
        assertThat(jwt.statusCode()).isEqualTo(200);
        assertThat(json(jwt).get("id").asText()).endsWith("/" + SalesforceRowMapper.userId(rep.number()));
        assertThat(unsigned.statusCode()).isEqualTo(400);
        assertThat(json(unsigned).get("error_description").asText()).isEqualTo("invalid assertion");
        assertThat(expired.statusCode()).isEqualTo(400);
    }

    /** Signs as Camel does: SHA256withRSA over header.claims, padded base64url, with the key `sim --json` hands out. */
    private String signed(String headerAndClaims) {
        try {
            var signer = java.security.Signature.getInstance("SHA256withRSA");
            signer.initSign(sims.salesforceSimulator().credentials().jwtKeys().getPrivate());
            signer.update(headerAndClaims.getBytes(StandardCharsets.UTF_8));
            return headerAndClaims + "." + Base64.getUrlEncoder().encodeToString(signer.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void missingOrExpiredTokensGetTheInvalidSessionEnvelope() {
        String token = token();
        sims.salesforceSimulator().expireAllTokens();
        HttpResponse<String> expired =
                http.get(base.resolve("/services/data/v56.0/limits/"), "Authorization", "Bearer " + token);
        HttpResponse<String> missing = http.get(base.resolve("/services/data/v56.0/limits/"));
        HttpResponse<String> versions = http.get(base.resolve("/services/data/"));

        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(json(expired).get(0).get("errorCode").asText()).isEqualTo("INVALID_SESSION_ID");
        assertThat(json(expired).get(0).get("message").asText()).isEqualTo("Session expired or invalid");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(versions.statusCode()).isEqualTo(200);
        assertThat(json(versions).findValuesAsText("version")).contains("56.0");
    }

    @Test
    void revokedTokenStopsWorking() {
        String token = token();
        HttpResponse<String> revoke = http.get(base.resolve("/services/oauth2/revoke?token=" + encode(token)));

        assertThat(revoke.statusCode()).isEqualTo(200);
        assertThat(http.get(base.resolve("/services/data/v56.0/limits"), "Authorization", "OAuth " + token)
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void queryReturnsSelectedFieldsWithParentRelationships() {
        HttpResponse<String> response = query("SELECT Id, CallDurationInSeconds, CallDisposition, Owner.Email, "
                + "OwnerId, SystemModstamp, ActivityDate FROM Task WHERE TaskSubtype = 'Call' "
                + "AND CallDisposition = 'Connected' ORDER BY SystemModstamp, Id LIMIT 5");
        JsonNode body = json(response);
        JsonNode first = body.get("records").get(0);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Sforce-Limit-Info").orElseThrow())
                .matches("api-usage=\\d+/100000");
        assertThat(body.get("totalSize").asInt()).isEqualTo(5);
        assertThat(body.get("done").asBoolean()).isTrue();
        assertThat(body.has("nextRecordsUrl")).isFalse();
        assertThat(first.get("attributes").get("type").asText()).isEqualTo("Task");
        assertThat(first.get("attributes").get("url").asText())
                .isEqualTo(
                        "/services/data/v56.0/sobjects/Task/" + first.get("Id").asText());
        assertThat(first.get("Id").asText()).hasSize(18).startsWith("00T");
        assertThat(first.get("CallDisposition").asText()).isEqualTo("Connected");
        assertThat(first.get("SystemModstamp").asText())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.000\\+0000");
        assertThat(first.get("ActivityDate").asText()).matches("\\d{4}-\\d\\d-\\d\\d");
        JsonNode owner = first.get("Owner");
        assertThat(owner.get("attributes").get("type").asText()).isEqualTo("User");
        String ownerEmail = sims.dataset().reps().stream()
                .filter(rep -> SalesforceRowMapper.userId(rep.number())
                        .equals(first.get("OwnerId").asText()))
                .map(Rep::email)
                .findFirst()
                .orElseThrow();
        assertThat(owner.get("Email").asText()).isEqualTo(ownerEmail);
        List<String> stamps = body.get("records").findValuesAsText("SystemModstamp");
        assertThat(stamps).isSorted();
    }

    @Test
    void countQueriesAnswerWithTotalSizeOnly() {
        long expected = sims.dataset().stream(ActivityKind.DEAL)
                .filter(deal -> !deal.meta().deleted())
                .count();
        JsonNode body = json(query("SELECT COUNT() FROM Opportunity"));

        assertThat(body.get("totalSize").asLong()).isEqualTo(expected);
        assertThat(body.get("done").asBoolean()).isTrue();
        assertThat(body.get("records")).isEmpty();
    }

    @Test
    void queryAllAlsoReturnsDeletedRows() {
        SyntheticDataset dataset = sims.dataset();
        long all =
                dataset.count(ActivityKind.CALL) + dataset.count(ActivityKind.EMAIL) + dataset.count(ActivityKind.TODO);
        long deleted = taskActivities(dataset).filter(a -> a.meta().deleted()).count();

        JsonNode live = json(query("SELECT COUNT() FROM Task"));
        JsonNode everything = json(get("/services/data/v56.0/queryAll/?q=" + encode("SELECT COUNT() FROM Task")));
        JsonNode deletedOnly = json(get(
                "/services/data/v56.0/queryAll/?q=" + encode("SELECT Id, IsDeleted FROM Task WHERE IsDeleted = true")));

        assertThat(deleted).isPositive();
        assertThat(everything.get("totalSize").asLong()).isEqualTo(all);
        assertThat(live.get("totalSize").asLong()).isEqualTo(all - deleted);
        assertThat(deletedOnly.get("totalSize").asLong()).isEqualTo(deleted);
        assertThat(deletedOnly.get("records").findValuesAsText("IsDeleted")).containsOnly("true");
    }

    @Test
    void pagingStaysConsistentWhileDataChanges() {
        String soql = "SELECT Id, SystemModstamp FROM Task ORDER BY SystemModstamp, Id";
        JsonNode page = json(query(soql, "Sforce-Query-Options", "batchSize=250"));
        int total = page.get("totalSize").asInt();
        List<String> ids = new ArrayList<>(page.get("records").findValuesAsText("Id"));
        assertThat(ids).hasSize(250);
        assertThat(page.get("nextRecordsUrl").asText()).matches("/services/data/v56\\.0/query/01g\\w{12}-250");

        SyntheticDataset dataset = sims.dataset();
        Activity laterCall = dataset.get(ActivityKind.CALL, dataset.count(ActivityKind.CALL) - 1);
        Activity earlyEmail = dataset.get(ActivityKind.EMAIL, 0);
        // An edit moves an already-paged record to the end of the ordering; a new record appears.
        dataset.update(earlyEmail.withMeta(earlyEmail.meta().modified(NOW)));
        dataset.create(
                ActivityKind.CALL,
                index -> laterCall.withMeta(new RecordMeta(ActivityKind.CALL, index, 0, 0, NOW, NOW, null)));

        while (!page.get("done").asBoolean()) {
            page = json(get(page.get("nextRecordsUrl").asText()));
            assertThat(page.get("records")).isNotEmpty();
            ids.addAll(page.get("records").findValuesAsText("Id"));
        }
        Set<String> unique = new HashSet<>(ids);
        assertThat(ids).hasSize(total);
        assertThat(unique).hasSize(total);
        assertThat(json(query("SELECT COUNT() FROM Task")).get("totalSize").asInt())
                .isEqualTo(total + 1);
    }

    @Test
    void batchSizeIsKeptBetween200And2000() {
        JsonNode small = json(query("SELECT Id FROM Task", "Sforce-Query-Options", "batchSize=5"));
        JsonNode standard = json(query("SELECT Id FROM Task"));

        assertThat(small.get("records")).hasSize(200);
        assertThat(standard.get("records").size())
                .isEqualTo(Math.min(2000, standard.get("totalSize").asInt()));
    }

    @Test
    void idleLocatorsExpire() {
        JsonNode page = json(query("SELECT Id FROM Task", "Sforce-Query-Options", "batchSize=200"));
        clock.advance(Duration.ofMinutes(16));

        HttpResponse<String> more = get(page.get("nextRecordsUrl").asText());

        assertThat(more.statusCode()).isEqualTo(400);
        assertThat(json(more).get(0).get("errorCode").asText()).isEqualTo("INVALID_QUERY_LOCATOR");
    }

    @Test
    void badQueriesGetSalesforceErrorCodes() {
        HttpResponse<String> malformed = query("SELECT Id FORM Task");
        HttpResponse<String> badField = query("SELECT Id, Foo FROM Task");
        HttpResponse<String> badType = query("SELECT Id FROM Foo");
        HttpResponse<String> badLiteral = query("SELECT Id FROM Task WHERE CreatedDate > 2026-01-01");

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).get(0).get("errorCode").asText()).isEqualTo("MALFORMED_QUERY");
        assertThat(json(malformed).get(0).get("message").asText())
                .contains("ERROR at Row:1:Column:11")
                .endsWith("unexpected token: FORM");
        assertThat(json(badField).get(0).get("errorCode").asText()).isEqualTo("INVALID_FIELD");
        assertThat(json(badField).get(0).get("message").asText())
                .contains("Column:12")
                .contains("No such column 'Foo' on entity 'Task'");
        assertThat(json(badType).get(0).get("errorCode").asText()).isEqualTo("INVALID_TYPE");
        assertThat(json(badLiteral).get(0).get("errorCode").asText()).isEqualTo("INVALID_FIELD");
        assertThat(json(query("SELECT Owner.Nope FROM Task"))
                        .get(0)
                        .get("message")
                        .asText())
                .contains("No such column 'Nope' on entity 'User'");
        assertThat(json(query("SELECT Boss.Email FROM Task"))
                        .get(0)
                        .get("message")
                        .asText())
                .contains("Didn't understand relationship 'Boss'");
    }

    @Test
    void dailyQuotaDecrementsAndRunsOut() {
        sims.close();
        sims = Simulators.start(SimulatorOptions.defaults()
                .withSeed(11)
                .withVolume(2, 3)
                .withLastDay(LocalDate.of(2026, 3, 1))
                .withClock(clock)
                .withSalesforceDailyApiLimit(3));
        base = sims.salesforce().loginUrl();
        String token = token();

        HttpResponse<String> first =
                http.get(base.resolve("/services/data/v56.0/limits/"), "Authorization", "Bearer " + token);
        http.get(base.resolve("/services/data/v56.0/sobjects/Task/describe"), "Authorization", "Bearer " + token);
        HttpResponse<String> third =
                http.get(base.resolve("/services/data/v56.0/limits"), "Authorization", "Bearer " + token);
        HttpResponse<String> fourth =
                http.get(base.resolve("/services/data/v56.0/limits"), "Authorization", "Bearer " + token);

        assertThat(first.headers().firstValue("Sforce-Limit-Info")).hasValue("api-usage=1/3");
        assertThat(json(first).get("DailyApiRequests").get("Remaining").asInt()).isEqualTo(2);
        assertThat(json(third).get("DailyApiRequests").get("Remaining").asInt()).isZero();
        assertThat(fourth.statusCode()).isEqualTo(403);
        assertThat(json(fourth).get(0).get("errorCode").asText()).isEqualTo("REQUEST_LIMIT_EXCEEDED");

        clock.advance(Duration.ofDays(1));
        assertThat(http.get(base.resolve("/services/data/v56.0/limits"), "Authorization", "Bearer " + token())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void describeListsTheGeneratedFields() {
        JsonNode task = json(get("/services/data/v56.0/sobjects/Task/describe/"));
        JsonNode unknown = json(get("/services/data/v56.0/sobjects/Foo/describe"));

        assertThat(task.get("keyPrefix").asText()).isEqualTo("00T");
        assertThat(task.get("fields").findValuesAsText("name"))
                .contains("CallDurationInSeconds", "OwnerId", "IsDeleted", "SystemModstamp");
        assertThat(unknown.get(0).get("errorCode").asText()).isEqualTo("NOT_FOUND");
        JsonNode stages =
                json(get("/services/data/v56.0/sobjects/Opportunity/describe")).get("fields");
        stages.forEach(field -> {
            if (field.get("name").asText().equals("StageName")) {
                assertThat(field.get("picklistValues").findValuesAsText("value"))
                        .contains("Closed Won", "Closed Lost");
            }
        });
    }

    @Test
    void updatedAndDeletedListRecentChanges() {
        SyntheticDataset dataset = sims.dataset();
        Activity deal = dataset.get(ActivityKind.DEAL, 0);
        Activity email = dataset.get(ActivityKind.EMAIL, 1);
        Instant changedAt = NOW.minus(Duration.ofHours(3));
        dataset.update(deal.withMeta(deal.meta().modified(changedAt)));
        dataset.update(email.withMeta(email.meta().deletedAt(changedAt)));
        String window = "?start=" + encode("2026-03-02T10:00:00+00:00") + "&end=" + encode("2026-03-02T12:00:00+00:00");

        JsonNode updated = json(get("/services/data/v56.0/sobjects/Opportunity/updated/" + window));
        JsonNode deleted = json(get("/services/data/v56.0/sobjects/Task/deleted/" + window));
        HttpResponse<String> tooOld = get("/services/data/v56.0/sobjects/Task/deleted/?start="
                + encode("2026-01-01T00:00:00+00:00") + "&end=" + encode("2026-03-01T00:00:00+00:00"));

        assertThat(updated.get("ids"))
                .extracting(JsonNode::asText)
                .containsExactly(SalesforceRecords.idOf(ActivityKind.DEAL, 0));
        assertThat(updated.get("latestDateCovered").asText()).isEqualTo("2026-03-02T12:00:00.000+0000");
        assertThat(deleted.get("deletedRecords").findValuesAsText("id"))
                .containsExactly(SalesforceRecords.idOf(ActivityKind.EMAIL, 1));
        assertThat(tooOld.statusCode()).isEqualTo(400);
    }

    @Test
    void recordsCanBeReadById() {
        String id = SalesforceRecords.idOf(ActivityKind.MEETING, 2);
        JsonNode event = json(get("/services/data/v56.0/sobjects/Event/" + id));

        assertThat(event.get("Id").asText()).isEqualTo(id);
        assertThat(event.get("Outcome__c").isTextual()).isTrue();
        assertThat(get("/services/data/v56.0/sobjects/Event/00USm0000000000AAA").statusCode())
                .isEqualTo(404);
    }

    /** Task rows come from three activity kinds. */
    private static Stream<Activity> taskActivities(SyntheticDataset dataset) {
        return Stream.of(ActivityKind.CALL, ActivityKind.EMAIL, ActivityKind.TODO)
                .flatMap(dataset::stream);
    }
}
