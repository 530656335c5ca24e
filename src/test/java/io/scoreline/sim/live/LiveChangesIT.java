package io.scoreline.sim.live;

import static io.scoreline.sim.HttpCalls.encode;
import static io.scoreline.sim.HttpCalls.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.sim.HttpCalls;
import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import io.scoreline.sim.TestClock;
import io.scoreline.sim.data.ActivityKind;
import io.scoreline.sim.data.RecordChange;
import io.scoreline.sim.http.Reply;
import io.scoreline.sim.http.RetrySchedule;
import io.scoreline.sim.http.SimHttpServer;
import io.scoreline.sim.http.SimRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LiveChangesIT {

    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T14:00:00Z"));
    private RunningSimulators sims;

    @BeforeEach
    void start() {
        sims = Simulators.start(SimulatorOptions.defaults()
                .withSeed(17)
                .withVolume(4, 10)
                .withLastDay(LocalDate.of(2026, 3, 1))
                .withClock(clock));
    }

    @AfterEach
    void stop() {
        sims.close();
    }

    private long total() {
        return Arrays.stream(ActivityKind.values())
                .mapToLong(sims.dataset()::count)
                .sum();
    }

    @Test
    void appliesTheChangesDueForTheElapsedTime() {
        LiveChanges live = new LiveChanges(sims.dataset(), clock, 120);
        List<RecordChange> changes = new ArrayList<>();
        sims.dataset().onChange(changes::add);
        long before = total();

        assertThat(live.tick()).isZero();
        clock.advance(Duration.ofSeconds(30));
        assertThat(live.tick()).isEqualTo(60);
        clock.advance(Duration.ofMillis(250));
        assertThat(live.tick()).isZero();
        clock.advance(Duration.ofMillis(250));
        assertThat(live.tick()).isEqualTo(1);

        assertThat(changes).hasSize(61);
        long created =
                changes.stream().filter(c -> c instanceof RecordChange.Created).count();
        assertThat(total()).isEqualTo(before + created);
        assertThat(changes)
                .anyMatch(c -> c instanceof RecordChange.Updated)
                .anyMatch(c -> c instanceof RecordChange.Created);
        Instant firstTick = Instant.parse("2026-03-02T14:00:30Z");
        assertThat(changes.subList(0, 60))
                .allSatisfy(c -> assertThat(c.after().meta().modifiedAt()).isEqualTo(firstTick));
        assertThat(changes.get(60).after().meta().modifiedAt()).isEqualTo(clock.instant());
    }

    @Test
    void theSameSeedMakesTheSameChanges() {
        List<RecordChange> first = run(sims);
        try (RunningSimulators twin = Simulators.start(SimulatorOptions.defaults()
                .withSeed(17)
                .withVolume(4, 10)
                .withLastDay(LocalDate.of(2026, 3, 1))
                .withClock(new TestClock(Instant.parse("2026-03-02T14:00:00Z"))))) {
            assertThat(run(twin)).isEqualTo(first);
        }
    }

    private static List<RecordChange> run(RunningSimulators target) {
        TestClock own = new TestClock(Instant.parse("2026-03-02T14:00:00Z"));
        LiveChanges live = new LiveChanges(target.dataset(), own, 30);
        List<RecordChange> changes = new ArrayList<>();
        target.dataset().onChange(changes::add);
        own.advance(Duration.ofMinutes(2));
        live.tick();
        return changes;
    }

    @Test
    void liveRecordsShowUpInQueriesAndAsWebhooks() throws Exception {
        List<SimRequest> received = new CopyOnWriteArrayList<>();
        try (SimHttpServer receiver = SimHttpServer.start(0, request -> {
                    received.add(request);
                    return Reply.empty(200);
                });
                HttpCalls http = new HttpCalls()) {
            sims.forwardHubSpotWebhooks(
                    receiver.baseUri().resolve("/webhooks/hubspot"),
                    new RetrySchedule(3, Duration.ofMillis(10), Duration.ofMillis(10)));
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
            String soql = "SELECT COUNT() FROM Task WHERE SystemModstamp >= 2026-03-02T14:00:00Z";
            var uri = sf.instanceUrl().resolve("/services/data/v56.0/queryAll/?q=" + encode(soql));

            assertThat(json(http.get(uri, "Authorization", "Bearer " + token))
                            .get("totalSize")
                            .asInt())
                    .isZero();
            LiveChanges live = new LiveChanges(sims.dataset(), clock, 60);
            clock.advance(Duration.ofMinutes(1));
            live.tick();

            assertThat(json(http.get(uri, "Authorization", "Bearer " + token))
                            .get("totalSize")
                            .asInt())
                    .isPositive();
            // Deliveries are asynchronous: wait while the receiver is still listening.
            await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
        }
        ObjectMapper mapper = new ObjectMapper();
        assertThat(mapper.readTree(received.getFirst().body())
                        .get(0)
                        .get("subscriptionType")
                        .asText())
                .matches("(deal|object)\\.(creation|propertyChange|deletion)");
    }
}
