package io.scoreline.app.background;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts every {@link BackgroundWork} in order and stops the started ones in reverse. */
public final class BackgroundWorkSupervisor {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWorkSupervisor.class);

    private final List<BackgroundWork> works;
    private final List<BackgroundWork> started = new ArrayList<>();

    public BackgroundWorkSupervisor(List<BackgroundWork> works) {
        this.works = works.stream()
                .sorted(Comparator.comparingInt(BackgroundWork::order))
                .toList();
    }

    /** @return one status line per started work */
    public synchronized List<String> start() {
        for (var work : works) {
            work.start();
            started.add(work);
        }
        return started.stream().map(BackgroundWork::status).toList();
    }

    /**
     * Stops each started work as {@link #stop()} does, waiting at most {@code grace} for the work in
     * flight. @return false when some was still running at the deadline: it goes on, and fails
     * once the database closes under it; what it did not commit is retried by the next start
     */
    public boolean stop(Duration grace) {
        var stopping = Thread.ofVirtual().name("scoreline-stopping").start(this::stop);
        try {
            return stopping.join(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops each started work; one that fails to stop is logged and the others still stop. */
    public synchronized void stop() {
        for (var work : started.reversed()) {
            try {
                work.stop();
            } catch (RuntimeException e) {
                LOG.warn("Could not stop {} cleanly: {}", work.getClass().getSimpleName(), e.getMessage(), e);
            }
        }
        started.clear();
    }
}
