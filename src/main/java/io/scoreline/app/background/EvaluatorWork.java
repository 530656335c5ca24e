package io.scoreline.app.background;

import io.scoreline.gamification.KpiChangeWorkers;

/** The evaluator's outbox workers as background work: badges, leaderboards and notifications follow KPI changes. */
public final class EvaluatorWork implements BackgroundWork {

    private final KpiChangeWorkers workers;

    public EvaluatorWork(KpiChangeWorkers workers) {
        this.workers = workers;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void start() {
        workers.start();
    }

    @Override
    public void stop() {
        // Each worker finishes its current batch, which is one transaction.
        workers.close();
    }

    @Override
    public String status() {
        return workers.running() + " evaluator worker(s)";
    }
}
