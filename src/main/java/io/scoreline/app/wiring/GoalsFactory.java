package io.scoreline.app.wiring;

import io.micronaut.context.annotation.Factory;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.gamification.goals.WorkingDays;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.goals.GoalStore;
import jakarta.inject.Singleton;

/** Wires the goal store and the working days pace counts (ADR 0044); the use case Goals is a bean of its own. */
@Factory
public class GoalsFactory {

    @Singleton
    GoalStore goalStore(TenantTransactions transactions) {
        return new GoalStore(transactions);
    }

    @Singleton
    WorkingDays goalWorkingDays(ScorelineConfig config) {
        return new WorkingDays(config.evaluator().workingDays());
    }
}
