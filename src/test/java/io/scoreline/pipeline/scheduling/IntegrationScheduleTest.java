package io.scoreline.pipeline.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.pipeline.integrations.IntegrationStatus;
import org.junit.jupiter.api.Test;

class IntegrationScheduleTest {

    @Test
    void anIntegrationThatNeedsAttentionKeepsFiringSoItsNextRunReChecks() {
        assertThat(new IntegrationSchedule(1, 1, IntegrationStatus.NEEDS_ATTENTION, 5).fires())
                .isTrue();
        assertThat(new IntegrationSchedule(1, 1, IntegrationStatus.ACTIVE, 5).fires())
                .isTrue();
        assertThat(new IntegrationSchedule(1, 1, IntegrationStatus.PAUSED, 5).fires())
                .isFalse();
        assertThat(new IntegrationSchedule(1, 1, IntegrationStatus.NEEDS_REAUTH, 5).fires())
                .isFalse();
    }
}
