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
import io.scoreline.pipeline.kpi.measure.KpiMeasureCache;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Wires contests, beside {@link GamificationFactory} (which provides the notification store and the
 * drain that calls the leaderboard updater).
 */
@Factory
public class ContestFactory {

    @Singleton
    ContestStore contestStore(TenantTransactions transactions) {
        return new ContestStore(transactions);
    }

    /** A {@code KpiChangeConsumer}: the outbox drain calls it for every profile it claims. */
    @Singleton
    ContestLeaderboardUpdater contestLeaderboardUpdater(
            NotificationStore notifications, ScorelineConfig config, Clock clock, KpiMeasureCache measures) {
        return new ContestLeaderboardUpdater(notifications, clock, config.contests(), measures);
    }

    @Singleton
    ContestLifecycle contestLifecycle(
            TenantTransactions transactions,
            NotificationStore notifications,
            ScorelineConfig config,
            Clock clock,
            KpiMeasureCache measures) {
        return new ContestLifecycle(transactions, notifications, clock, config.contests(), measures);
    }

    /** Started by {@code serve} and {@code demo} through {@link ContestTickerWork}; idle in every other command. */
    @Singleton
    @Bean(preDestroy = "close")
    ContestLifecycleTicker contestLifecycleTicker(
            ContestLifecycle lifecycle, DatabaseRuntime database, ScorelineConfig config) {
        return new ContestLifecycleTicker(
                lifecycle, database.dataSource(), config.contests().tick());
    }

    @Singleton
    BackgroundWork contestTickerWork(ContestLifecycleTicker ticker, ScorelineConfig config) {
        return new ContestTickerWork(ticker, config.contests().tick());
    }
}
