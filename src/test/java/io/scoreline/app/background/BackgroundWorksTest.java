package io.scoreline.app.background;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackgroundWorksTest {

    private final List<String> events = new ArrayList<>();

    @Test
    void startsInOrderAndStopsInReverseEvenWhenOneFailsToStop() {
        var works = new BackgroundWorkSupervisor(List.of(
                new Recording("workers", 20, false),
                new Recording("schedule", 0, true),
                new Recording("ticker", 30, false)));

        var statuses = works.start();
        works.stop();

        assertThat(statuses).containsExactly("schedule running", "workers running", "ticker running");
        assertThat(events)
                .containsExactly(
                        "start schedule",
                        "start workers",
                        "start ticker",
                        "stop ticker",
                        "stop workers",
                        "stop schedule");
    }

    @Test
    void stopsOnlyWhatStartedAndOnlyOnce() {
        var works = new BackgroundWorkSupervisor(List.of(new Recording("schedule", 0, false)));

        works.stop();
        works.start();
        works.stop();
        works.stop();

        assertThat(events).containsExactly("start schedule", "stop schedule");
    }

    /** A real, tiny work that records what happened to it. */
    private final class Recording implements BackgroundWork {
        private final String name;
        private final int order;
        private final boolean failsToStop;

        Recording(String name, int order, boolean failsToStop) {
            this.name = name;
            this.order = order;
            this.failsToStop = failsToStop;
        }

        @Override
        public int order() {
            return order;
        }

        @Override
        public void start() {
            events.add("start " + name);
        }

        @Override
        public void stop() {
            events.add("stop " + name);
            if (failsToStop) {
                throw new IllegalStateException(name + " would not stop");
            }
        }

        @Override
        public String status() {
            return name + " running";
        }
    }
}
