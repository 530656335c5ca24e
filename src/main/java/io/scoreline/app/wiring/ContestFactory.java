package io.scoreline.app.wiring;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.scoreline.app.background.BackgroundWork;
import io.scoreline.app.background.ContestTickerWork;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.gamification.contests.ContestLeaderboardUpdater;
import io.scoreline.gamification.contests.ContestLifecycle;
import io.scoreline.gamification.contests.ContestLifecycleTicker;
import io.scoreline.gamification.contests.ContestStore;
import io.scoreline.gamification.notifications.NotificationStore;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.database.TenantTransactions;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Wires contests. Kept apart from {@link ScorelineFactory} so the gamification stages can be wired
 * side by side. The notification store is built here because it is cheap and stateless; a shared
 * bean can replace it without changing behaviour.
 */
@Factory
public class ContestFactory {

    @Singleton
    ContestStore contestStore(TenantTransactions transactions) {
        return new ContestStore(transactions);
    }

    /** A {@code KpiChangeConsumer}: the outbox drain calls it for every profile it claims. */
    @Singleton
    ContestLeaderboardUpdater contestLeaderboardUpdater(TenantTransactions transactions, ScorelineConfig config, Clock clock) {
        return new ContestLeaderboardUpdater(new NotificationStore(transactions, clock), clock, config.contests());
    }

    @Singleton
    ContestLifecycle contestLifecycle(TenantTransactions transactions, ScorelineConfig config, Clock clock) {
        return new ContestLifecycle(transactions, new NotificationStore(transactions, clock), clock, config.contests());
    }

    /** Started by {@code serve} and {@code demo} through {@link ContestTickerWork}; idle in every other command. */
    @Singleton
    @Bean(preDestroy = "close")
    ContestLifecycleTicker contestLifecycleTicker(ContestLifecycle lifecycle, DatabaseRuntime database, ScorelineConfig config) {
        return new ContestLifecycleTicker(lifecycle, database.dataSource(), config.contests().tick());
    }

    @Singleton
    BackgroundWork contestTickerWork(ContestLifecycleTicker ticker, ScorelineConfig config) {
        return new ContestTickerWork(ticker, config.contests().tick());
    }
}
