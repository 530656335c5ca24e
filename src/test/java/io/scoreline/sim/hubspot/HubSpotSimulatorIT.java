package io.scoreline.sim.hubspot;

import static io.scoreline.sim.HttpCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scoreline.sim.HttpCalls;
import io.scoreline.sim.HubSpotConnection;
import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import io.scoreline.sim.TestClock;
import io.scoreline.sim.data.Activity;
import io.scoreline.sim.data.ActivityKind;
import io.scoreline.sim.data.CallOutcome;
import io.scoreline.sim.data.DealStage;
import io.scoreline.sim.data.Rep;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HubSpotSimulatorIT {

    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T14:00:00Z"));
    private final HttpCalls http = new HttpCalls();
    private RunningSimulators sims;
    private HubSpotConnection hubSpot;
    private URI base;

    @BeforeEach
    void start() {
        sims = Simulators.start(SimulatorOptions.defaults()
                .withSeed(21)
                .withVolume(6, 20)
                .withLastDay(LocalDate.of(2026, 3, 1))
                .withClock(clock));
        hubSpot = sims.hubSpot();
        base = hubSpot.baseUrl();
    }

    @AfterEach
    void stop() {
        sims.close();
        http.close();
    }

    private HttpResponse<String> get(String pathAndQuery) {
        return http.get(base.resolve(pathAndQuery), "Authorization", "Bearer " + hubSpot.privateAppToken());
    }

    private HttpResponse<String> search(String type, String body) {
        return http.postJson(
                base.resolve("/crm/v3/objects/" + type + "/search"),
                body,
                "Authorization",
                "Bearer " + hubSpot.privateAppToken());
    }

    private HttpResponse<String> refresh(String refreshToken) {
        return http.postForm(
                base.resolve("/oauth/v1/token"),
                Map.of(
                        "grant_type",
                        "refresh_token",
                        "client_id",
                        hubSpot.clientId(),
                        "client_secret",
                        hubSpot.clientSecret(),
                        "refresh_token",
                        refreshToken));
    }

    @Test
    void refreshTokenGrantAnswersLikeHubSpot() {
        HttpResponse<String> ok = refresh(hubSpot.refreshToken());
        HttpResponse<String> bad = refresh("unknown");
        JsonNode token = json(ok);

        assertThat(token.get("token_type").asText()).isEqualTo("bearer");
        assertThat(token.get("expires_in").asInt()).isEqualTo(1800);
        assertThat(token.get("hub_id").asLong()).isEqualTo(hubSpot.portalId());
        assertThat(token.get("token_use").asText()).isEqualTo("access_token");
        assertThat(token.get("refresh_token").asText()).isEqualTo(hubSpot.refreshToken());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("status").asText()).isEqualTo("BAD_REFRESH_TOKEN");

        String access = token.get("access_token").asText();
        assertThat(http.get(base.resolve("/crm/v3/owners/"), "Authorization", "Bearer " + access)
                        .statusCode())
                .isEqualTo(200);
        clock.advance(Duration.ofMinutes(35));
        HttpResponse<String> expired = http.get(base.resolve("/crm/v3/owners/"), "Authorization", "Bearer " + access);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(json(expired).get("category").asText()).isEqualTo("EXPIRED_AUTHENTICATION");
        assertThat(json(expired).get("message").asText())
                .isEqualTo("The OAuth token used to make this call expired 5 minute(s) ago.");
    }

    @Test
    void missingTokenGetsInvalidAuthentication() {
        HttpResponse<String> response = http.get(base.resolve("/crm/v3/objects/calls"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(json(response).get("category").asText()).isEqualTo("INVALID_AUTHENTICATION");
        assertThat(json(response).get("correlationId").asText()).isNotBlank();
    }

    @Test
    void listPagesWithAfterCursorAndSplitsArchived() {
        Activity removed = sims.dataset().get(ActivityKind.DEAL, 1);
        sims.dataset().update(removed.withMeta(removed.meta().deletedAt(clock.instant())));
        long live = sims.dataset().stream(ActivityKind.DEAL)
                .filter(d -> !d.meta().deleted())
                .count();
        long archived = sims.dataset().count(ActivityKind.DEAL) - live;
        List<String> ids = new ArrayList<>();
        String after = "";
        JsonNode page;
        do {
            page = json(get("/crm/v3/objects/deals?limit=7&properties=amount,dealstage,nonexistent&after=" + after));
            page.get("results").forEach(deal -> {
                ids.add(deal.get("id").asText());
                assertThat(deal.get("archived").asBoolean()).isFalse();
                assertThat(deal.get("properties").has("nonexistent")).isFalse();
                assertThat(deal.get("properties").get("amount").isTextual()).isTrue();
                assertThat(deal.get("properties").get("hs_object_id").asText())
                        .isEqualTo(deal.get("id").asText());
            });
            after = page.has("paging")
                    ? page.get("paging").get("next").get("after").asText()
                    : null;
        } while (after != null);
        JsonNode archivedPage = json(get("/crm/v3/objects/0-3?archived=true&limit=100"));

        assertThat(ids).hasSize((int) live);
        assertThat(new HashSet<>(ids)).hasSize((int) live);
        assertThat(archived).isPositive();
        assertThat(archivedPage.get("results")).hasSize((int) archived);
        archivedPage.get("results").forEach(found -> {
            assertThat(found.get("archived").asBoolean()).isTrue();
            assertThat(found.get("archivedAt").asText()).endsWith("Z");
        });
    }

    @Test
    void readAndBatchReadObjects() {
        Activity call = sims.dataset().stream(ActivityKind.CALL)
                .filter(a -> !a.meta().deleted())
                .findFirst()
                .orElseThrow();
        String id = Long.toString(HubSpotObjectType.CALLS.id(call.meta().index()));
        JsonNode one = json(get("/crm/v3/objects/calls/" + id + "?properties=hs_call_duration,hs_call_disposition"));
        HttpResponse<String> batch = http.postJson(
                base.resolve("/crm/v3/objects/calls/batch/read"),
                "{\"inputs\":[{\"id\":\"" + id + "\"},{\"id\":\"999\"}],\"properties\":[\"hubspot_owner_id\"]}",
                "Authorization",
                "Bearer " + hubSpot.privateAppToken());

        Activity.Call expected = (Activity.Call) call;
        assertThat(one.get("properties").get("hs_call_duration").asText())
                .isEqualTo(Long.toString(expected.durationSeconds() * 1000L));
        assertThat(one.get("properties").get("hs_call_disposition").asText())
                .isEqualTo(expected.outcome().hubSpotId());
        assertThat(batch.statusCode()).isEqualTo(207);
        assertThat(json(batch).get("results")).hasSize(1);
        assertThat(json(batch).get("numErrors").asInt()).isEqualTo(1);
        assertThat(json(batch)
                        .get("results")
                        .get(0)
                        .get("properties")
                        .get("hubspot_owner_id")
                        .asText())
                .isEqualTo(Long.toString(HubSpotOwners.ownerId(call.meta().ownerRep())));
        assertThat(get("/crm/v3/objects/calls/999").statusCode()).isEqualTo(404);
    }

    /**
     * @hubspot/api-client passes {@code propertiesWithHistory} through and hands back the map as is, so
     * callers index it by property name: it must be there whenever asked for, on list, read and batch read.
     */
    @Test
    void propertiesWithHistoryIsAnsweredOnListReadAndBatchRead() {
        Activity deal = sims.dataset().stream(ActivityKind.DEAL)
                .filter(a -> !a.meta().deleted())
                .findFirst()
                .orElseThrow();
        String id = Long.toString(HubSpotObjectType.DEALS.id(deal.meta().index()));
        JsonNode listed = json(get("/crm/v3/objects/deals?limit=1&propertiesWithHistory=dealstage,nonexistent"))
                .get("results")
                .get(0);
        JsonNode read = json(get("/crm/v3/objects/deals/" + id + "?properties=amount&propertiesWithHistory=dealstage"));
        JsonNode batch = json(http.postJson(
                        base.resolve("/crm/v3/objects/deals/batch/read"),
                        "{\"inputs\":[{\"id\":\"" + id
                                + "\"}],\"properties\":[],\"propertiesWithHistory\":[\"dealstage\"]}",
                        "Authorization",
                        "Bearer " + hubSpot.privateAppToken()))
                .get("results")
                .get(0);
        JsonNode plain = json(get("/crm/v3/objects/deals/" + id));

        for (JsonNode object : List.of(listed, read, batch)) {
            JsonNode history = object.get("propertiesWithHistory");
            assertThat(history.has("nonexistent")).isFalse();
            assertThat(history.get("dealstage")).hasSize(1);
            JsonNode entry = history.get("dealstage").get(0);
            assertThat(entry.get("value").asText())
                    .isEqualTo(plain.get("properties").get("dealstage").asText());
            assertThat(entry.get("timestamp").asText())
                    .isEqualTo(object.get("updatedAt").asText());
            assertThat(entry.get("sourceType").asText()).isNotBlank();
        }
        assertThat(read.get("properties").has("amount")).isTrue();
        assertThat(plain.has("propertiesWithHistory")).isFalse();
    }

    @Test
    void searchFiltersSortsAndPages() {
        long connected = sims.dataset().stream(ActivityKind.CALL)
                .map(Activity.Call.class::cast)
                .filter(c -> !c.meta().deleted() && c.outcome() == CallOutcome.CONNECTED)
                .count();
        String body = """
                {"filterGroups":[{"filters":[
                   {"propertyName":"hs_call_disposition","operator":"EQ","value":"f240bbac-87c9-4f6e-bf70-924b57d47db7"},
                   {"propertyName":"hs_lastmodifieddate","operator":"GTE","value":"0"}]}],
                 "sorts":[{"propertyName":"hs_lastmodifieddate","direction":"ASCENDING"}],
                 "properties":["hs_call_duration","hs_lastmodifieddate"],"limit":200,"after":"%s"}""";
        List<String> stamps = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        String after = "0";
        JsonNode page;
        do {
            clock.advance(Duration.ofSeconds(1));
            page = json(search("calls", body.formatted(after)));
            assertThat(page.get("total").asLong()).isEqualTo(connected);
            page.get("results").forEach(call -> {
                ids.add(call.get("id").asText());
                stamps.add(call.get("properties").get("hs_lastmodifieddate").asText());
            });
            after = page.has("paging")
                    ? page.get("paging").get("next").get("after").asText()
                    : null;
        } while (after != null);

        assertThat(ids).hasSize((int) connected).doesNotHaveDuplicates();
        assertThat(stamps).isSorted();
    }

    @Test
    void searchSeesChangesMadeBetweenSearches() {
        String body = "{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"dealstage\",\"operator\":\"EQ\","
                + "\"value\":\"closedwon\"}]}],\"limit\":1}";
        int before = json(search("deals", body)).get("total").asInt();
        Activity.Deal open = sims.dataset().stream(ActivityKind.DEAL)
                .map(Activity.Deal.class::cast)
                .filter(deal -> !deal.meta().deleted() && !deal.stage().closed())
                .findFirst()
                .orElseThrow();

        sims.dataset()
                .update(new Activity.Deal(
                        open.meta().modified(clock.instant()),
                        open.name(),
                        open.amount(),
                        DealStage.CLOSED_WON,
                        open.closeDate()));
        clock.advance(Duration.ofSeconds(1));

        assertThat(json(search("deals", body)).get("total").asInt()).isEqualTo(before + 1);
    }

    @Test
    void searchRefusesToPagePastTenThousand() {
        HttpResponse<String> response = search("calls", "{\"limit\":200,\"after\":\"9900\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("category").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(json(response).get("status").asText()).isEqualTo("error");
    }

    @Test
    void badSearchBodiesGetTheValidationShape() {
        for (String body : List.of(
                "{not json",
                "{\"limit\":500}",
                "{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"hs_call_duration\",\"operator\":\"ABOUT\","
                        + "\"value\":\"1\"}]}]}",
                "{\"filterGroups\":[{},{},{},{},{},{}]}")) {
            clock.advance(Duration.ofSeconds(1));
            HttpResponse<String> response = search("calls", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            JsonNode error = json(response);
            assertThat(error.get("status").asText()).isEqualTo("error");
            assertThat(error.get("category").asText()).isEqualTo("VALIDATION_ERROR");
            assertThat(error.get("correlationId").asText()).isNotBlank();
            assertThat(error.get("message").asText()).isNotBlank();
        }
    }

    @Test
    void searchHasAPerSecondLimit() {
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 6; i++) {
            last = search("deals", "{\"limit\":1}");
            statuses.add(last.statusCode());
        }

        assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 429);
        assertThat(json(last).get("message").asText()).isEqualTo("You have reached your secondly limit.");
        assertThat(json(last).get("errorType").asText()).isEqualTo("RATE_LIMIT");
        clock.advance(Duration.ofSeconds(1));
        assertThat(search("deals", "{\"limit\":1}").statusCode()).isEqualTo(200);
    }

    @Test
    void burstLimitIsReportedInHeadersAndEnforced() {
        HttpResponse<String> first = get("/crm/v3/owners/");
        for (int i = 1; i < 190; i++) {
            get("/crm/v3/owners/");
        }
        HttpResponse<String> refused = get("/crm/v3/owners/");

        assertThat(first.headers().firstValue("X-HubSpot-RateLimit-Max")).hasValue("190");
        assertThat(first.headers().firstValue("X-HubSpot-RateLimit-Remaining")).hasValue("189");
        assertThat(first.headers().firstValue("X-HubSpot-RateLimit-Interval-Milliseconds"))
                .hasValue("10000");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(json(refused).get("policyName").asText()).isEqualTo("TEN_SECONDLY_ROLLING");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        clock.advance(Duration.ofSeconds(10));
        assertThat(get("/crm/v3/owners/").statusCode()).isEqualTo(200);
    }

    @Test
    void ownersPropertiesAndDispositions() {
        JsonNode active = json(get("/crm/v3/owners/?limit=100"));
        JsonNode archived = json(get("/crm/v3/owners?archived=true"));
        Rep rep = sims.dataset().reps().getFirst();
        JsonNode byEmail = json(get("/crm/v3/owners/?email=" + rep.email()));
        JsonNode properties = json(get("/crm/v3/properties/calls"));
        JsonNode dispositions = json(get("/calling/v1/dispositions"));

        long inactive = sims.dataset().reps().stream().filter(r -> !r.active()).count();
        assertThat(active.get("results")).hasSize(sims.dataset().reps().size() - (int) inactive);
        assertThat(archived.get("results")).hasSize((int) inactive);
        assertThat(byEmail.get("results").get(0).get("id").asText())
                .isEqualTo(Long.toString(HubSpotOwners.ownerId(rep.number())));
        assertThat(properties.get("results").findValuesAsText("name"))
                .contains("hs_call_duration", "hs_call_disposition", "hubspot_owner_id");
        assertThat(dispositions.findValuesAsText("label")).contains("Connected", "No Answer", "Meeting Booked");
    }
}
