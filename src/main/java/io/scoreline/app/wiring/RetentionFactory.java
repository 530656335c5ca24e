package io.scoreline.app.wiring;

import io.micronaut.context.annotation.Factory;
import io.scoreline.app.background.BackgroundWork;
import io.scoreline.app.background.RetentionWork;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.retention.RetentionSweeper;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires retention beside {@link ScorelineFactory}; {@code serve} and {@code demo} start it with the other background work. */
@Factory
public class RetentionFactory {

    @Singleton
    RetentionSweeper retentionSweeper(TenantTransactions transactions, ScorelineConfig config, Clock clock) {
        return new RetentionSweeper(transactions, config.retention(), clock);
    }

    @Singleton
    BackgroundWork retentionWork(RetentionSweeper sweeper, ScorelineConfig config) {
        return new RetentionWork(sweeper, config.retention());
    }
}
