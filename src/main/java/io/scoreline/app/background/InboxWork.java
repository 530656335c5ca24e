package io.scoreline.app.background;

import io.scoreline.pipeline.inbox.InboxSettings;
import io.scoreline.pipeline.inbox.InboxWorkers;

/** The webhook inbox workers as background work: after the schedule, since both write pages. */
public final class InboxWork implements BackgroundWork {

    private final InboxWorkers workers;
    private final InboxSettings settings;

    public InboxWork(InboxWorkers workers, InboxSettings settings) {
        this.workers = workers;
        this.settings = settings;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void start() {
        workers.start();
    }

    @Override
    public void stop() {
        // Batches in flight finish; rows not yet claimed stay pending for the next start or another node.
        workers.stop();
    }

    @Override
    public String status() {
        return settings.workers() + " inbox worker(s)";
    }
}
