package io.scoreline.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.sim.data.ActivityKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T14:00:00Z"));
    private RunningSimulators sims;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        sims.close();
    }

    @Test
    void describeListsWhatTheCliPrints() {
        sims = Simulators.start(
                SimulatorOptions.defaults().withSeed(3).withVolume(2, 3).withClock(clock));
        Map<String, Object> fields = sims.describe();

        assertThat(fields).containsKeys("seed", "salesforce", "hubspot");
        assertThat(fields.get("last_day")).isEqualTo("2026-03-01");
        @SuppressWarnings("unchecked")
        Map<String, Object> salesforce = (Map<String, Object>) fields.get("salesforce");
        @SuppressWarnings("unchecked")
        Map<String, Object> hubSpot = (Map<String, Object>) fields.get("hubspot");
        assertThat(salesforce)
                .containsKeys(
                        "login_url",
                        "client_id",
                        "client_secret",
                        "refresh_token",
                        "org_id",
                        "username",
                        "jwt_private_key");
        assertThat((String) salesforce.get("jwt_private_key")).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat((String) salesforce.get("org_id")).hasSize(18).startsWith("00D");
        assertThat((String) salesforce.get("login_url")).startsWith("http://127.0.0.1:");
        assertThat(hubSpot)
                .containsKeys("base_url", "portal_id", "client_secret", "refresh_token", "private_app_token");
    }

    @Test
    void sameSeedGivesSameCredentials() {
        sims = Simulators.start(
                SimulatorOptions.defaults().withSeed(3).withVolume(2, 3).withClock(clock));
        try (RunningSimulators again = Simulators.start(
                SimulatorOptions.defaults().withSeed(3).withVolume(2, 3).withClock(clock))) {
            assertThat(again.salesforce().refreshToken())
                    .isEqualTo(sims.salesforce().refreshToken());
            assertThat(again.hubSpot().privateAppToken())
                    .isEqualTo(sims.hubSpot().privateAppToken());
            assertThat(again.salesforce().loginUrl())
                    .isNotEqualTo(sims.salesforce().loginUrl());
        }
    }

    @Test
    void dumpWritesEveryRecordAsTheApisReturnThem() throws IOException {
        sims = Simulators.start(SimulatorOptions.defaults()
                .withSeed(8)
                .withVolume(3, 10)
                .withLastDay(LocalDate.of(2026, 3, 1))
                .withClock(clock)
                .withDumpDir(dir));

        List<String> tasks = Files.readAllLines(dir.resolve("salesforce/Task.jsonl"));
        List<String> calls = Files.readAllLines(dir.resolve("hubspot/calls.jsonl"));
        long taskCount = sims.dataset().count(ActivityKind.CALL)
                + sims.dataset().count(ActivityKind.EMAIL)
                + sims.dataset().count(ActivityKind.TODO);
        long deletedCalls = sims.dataset().stream(ActivityKind.CALL)
                .filter(c -> c.meta().deleted())
                .count();

        assertThat(tasks).hasSize((int) taskCount);
        assertThat(calls).hasSize((int) sims.dataset().count(ActivityKind.CALL));
        JsonNode task = JSON.readTree(tasks.getFirst());
        assertThat(task.get("attributes").get("type").asText()).isEqualTo("Task");
        assertThat(task.has("IsDeleted")).isTrue();
        assertThat(calls.stream()
                        .map(SimulatorsIT::tree)
                        .filter(c -> c.get("archived").asBoolean())
                        .count())
                .isEqualTo(deletedCalls);
        assertThat(JSON.readTree(calls.getFirst()).get("properties").has("hs_call_duration"))
                .isTrue();
        assertThat(Files.readAllLines(dir.resolve("salesforce/User.jsonl"))).hasSize(4);
        assertThat(Files.readAllLines(dir.resolve("hubspot/owners.jsonl"))).hasSize(3);
        assertThat(dir.resolve("salesforce/Opportunity.jsonl")).exists();
        assertThat(dir.resolve("hubspot/deals.jsonl")).exists();
    }

    private static JsonNode tree(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
