package io.scoreline.app.background;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts every {@link BackgroundWork} in order and stops the started ones in reverse. */
public final class BackgroundWorks {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWorks.class);

    private final List<BackgroundWork> works;
    private final List<BackgroundWork> started = new ArrayList<>();

    public BackgroundWorks(List<BackgroundWork> works) {
        this.works = works.stream().sorted(Comparator.comparingInt(BackgroundWork::order)).toList();
    }

    /** @return one status line per started work */
    public synchronized List<String> start() {
        for (var work : works) {
            work.start();
            started.add(work);
        }
        return started.stream().map(BackgroundWork::status).toList();
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
