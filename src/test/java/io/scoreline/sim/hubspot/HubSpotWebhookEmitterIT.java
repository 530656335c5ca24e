package io.scoreline.sim.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.sim.TestClock;
import io.scoreline.sim.data.Activity;
import io.scoreline.sim.data.ActivityKind;
import io.scoreline.sim.data.DatasetSpec;
import io.scoreline.sim.data.DealStage;
import io.scoreline.sim.data.RecordChange;
import io.scoreline.sim.data.SyntheticDataset;
import io.scoreline.sim.http.Delivery;
import io.scoreline.sim.http.Reply;
import io.scoreline.sim.http.RetrySchedule;
import io.scoreline.sim.http.SimHttpServer;
import io.scoreline.sim.http.SimRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HubSpotWebhookEmitterIT {

    private static final String SECRET = "5b2c2a7e-1111-4d2a-9c3b-000000000001";
    private static final RetrySchedule FAST = new RetrySchedule(4, Duration.ofMillis(10), Duration.ofMillis(50));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T14:00:00Z"));
    private final List<SimRequest> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private SimHttpServer receiver;
    private HubSpotWebhookEmitter emitter;

    private URI startReceiver() {
        receiver = SimHttpServer.start(0, request -> {
            received.add(request);
            return failuresLeft.getAndDecrement() > 0 ? Reply.empty(500) : Reply.empty(204);
        });
        return receiver.baseUri().resolve("/webhooks/hubspot");
    }

    @AfterEach
    void stop() {
        if (emitter != null) {
            emitter.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    private static HubSpotWebhookEvent event(long id) {
        return new HubSpotWebhookEvent(
                id,
                234_567,
                62_515,
                987_654,
                1_708_986_598_741L,
                "deal.propertyChange",
                65_059_681_032L + id,
                null,
                "dealstage",
                "closedwon",
                "CRM_UI",
                null);
    }

    @Test
    void signsBatchesAndRetriesUntilAccepted() throws Exception {
        URI target = startReceiver();
        failuresLeft.set(2);
        emitter = new HubSpotWebhookEmitter(target, SECRET, clock, FAST);

        List<Delivery> outcome = emitter.send(List.of(event(1), event(2))).get(10, TimeUnit.SECONDS);

        assertThat(outcome).containsExactly(new Delivery.Delivered(3, 204));
        assertThat(received).hasSize(3);
        for (int attempt = 0; attempt < 3; attempt++) {
            SimRequest request = received.get(attempt);
            String body = request.bodyText();
            long timestamp =
                    Long.parseLong(request.header("X-HubSpot-Request-Timestamp").orElseThrow());
            assertThat(request.header("X-HubSpot-Signature-v3"))
                    .hasValue(HubSpotSignature.v3(SECRET, "POST", target.toString(), body, timestamp));
            assertThat(request.header("X-HubSpot-Signature")).hasValue(HubSpotSignature.v1(SECRET, body));
            assertThat(request.header("Content-Type")).hasValue("application/json");
            JsonNode events = JSON.readTree(body);
            assertThat(events).hasSize(2);
            assertThat(events.get(0).get("attemptNumber").asInt()).isEqualTo(attempt);
            assertThat(events.get(0).get("propertyName").asText()).isEqualTo("dealstage");
            assertThat(events.get(0).has("objectTypeId")).isFalse();
        }
    }

    @Test
    void splitsIntoBatchesOfAtMostOneHundred() throws Exception {
        emitter = new HubSpotWebhookEmitter(startReceiver(), SECRET, clock, FAST);

        List<Delivery> outcome = emitter.send(LongStream.rangeClosed(1, 250)
                        .mapToObj(HubSpotWebhookEmitterIT::event)
                        .toList())
                .get(10, TimeUnit.SECONDS);

        assertThat(outcome).hasSize(3).allMatch(delivery -> delivery instanceof Delivery.Delivered);
        List<Integer> sizes = received.stream()
                .map(request -> {
                    try {
                        return JSON.readTree(request.body()).size();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .sorted()
                .toList();
        assertThat(sizes).containsExactly(50, 100, 100);
    }

    @Test
    void givesUpAfterTheLastAttempt() throws Exception {
        URI target = startReceiver();
        failuresLeft.set(100);
        emitter = new HubSpotWebhookEmitter(target, SECRET, clock, FAST);

        List<Delivery> outcome = emitter.send(List.of(event(9))).get(10, TimeUnit.SECONDS);

        assertThat(outcome).containsExactly(new Delivery.GaveUp(4, "HTTP 500"));
        assertThat(received).hasSize(4);
    }

    @Test
    void datasetChangesBecomeSubscriptionEvents() {
        SyntheticDataset dataset =
                SyntheticDataset.generate(new DatasetSpec(3, 3, 10, LocalDate.of(2026, 3, 1), ZoneOffset.UTC));
        HubSpotCredentials credentials = new HubSpotCredentials(62_515, 987_654, "id", SECRET, "refresh", "pat");
        HubSpotWebhookEvents events = new HubSpotWebhookEvents(
                credentials, ZoneOffset.UTC, clock, new HubSpotTypeNames(3), new HubSpotSchemaDrift());
        List<RecordChange> changes = new CopyOnWriteArrayList<>();
        dataset.onChange(changes::add);
        Activity.Deal deal = (Activity.Deal) dataset.get(ActivityKind.DEAL, 0);
        Activity.Call call = (Activity.Call) dataset.get(ActivityKind.CALL, 0);

        dataset.update(new Activity.Deal(
                deal.meta().modified(clock.instant()),
                deal.name(),
                deal.amount(),
                DealStage.CLOSED_WON,
                deal.closeDate()));
        dataset.update(call.withMeta(call.meta().deletedAt(clock.instant())));

        List<HubSpotWebhookEvent> stage = events.of(changes.get(0));
        List<HubSpotWebhookEvent> deletion = events.of(changes.get(1));
        assertThat(stage).anySatisfy(e -> {
            assertThat(e.subscriptionType()).isEqualTo("deal.propertyChange");
            assertThat(e.propertyName()).isEqualTo("dealstage");
            assertThat(e.propertyValue()).isEqualTo("closedwon");
            assertThat(e.objectId()).isEqualTo(HubSpotObjectType.DEALS.id(0));
        });
        assertThat(deletion).singleElement().satisfies(e -> {
            assertThat(e.subscriptionType()).isEqualTo("object.deletion");
            assertThat(e.objectTypeId()).isEqualTo("0-48");
            assertThat(e.portalId()).isEqualTo(62_515);
        });
    }
}
