package io.scoreline.pipeline.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScheduledSyncTest {

    @Test
    void aRunKeepsTheFireItStandsForAndTheNodeThatRanIt() throws Exception {
        var fire = new ScheduledSync(3, 7, Instant.parse("2026-12-08T01:00:00Z"), false, "node \"a\"");

        var options = new ObjectMapper().readTree(fire.runOptionsJson());

        assertThat(options.get(ScheduledSync.FIRE_TIME).asText()).isEqualTo("2026-12-08T01:00:00Z");
        assertThat(options.get(ScheduledSync.NODE).asText()).isEqualTo("node \"a\"");
        assertThat(options.get(ScheduledSync.RECOVERING).asBoolean()).isFalse();
    }
}
