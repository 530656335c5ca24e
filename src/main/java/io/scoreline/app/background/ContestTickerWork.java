package io.scoreline.app.background;

import io.scoreline.gamification.contests.ContestLifecycleTicker;

/** The contest lifecycle ticker as background work: moves contests along after the workers score them. */
public final class ContestTickerWork implements BackgroundWork {

    private final ContestLifecycleTicker ticker;
    private final String every;

    public ContestTickerWork(ContestLifecycleTicker ticker, java.time.Duration every) {
        this.ticker = ticker;
        this.every = every.toString();
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void start() {
        ticker.start();
    }

    @Override
    public void stop() {
        ticker.close();
    }

    @Override
    public String status() {
        return "contest lifecycle every " + every;
    }
}
