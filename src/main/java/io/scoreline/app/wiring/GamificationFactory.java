package io.scoreline.app.wiring;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.scoreline.app.background.BackgroundWork;
import io.scoreline.app.background.EvaluatorWork;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.gamification.KpiChangeConsumer;
import io.scoreline.gamification.KpiChangeDrain;
import io.scoreline.gamification.KpiChangeWorkers;
import io.scoreline.gamification.badges.AwardReader;
import io.scoreline.gamification.badges.BadgeEvaluator;
import io.scoreline.gamification.badges.BadgeStore;
import io.scoreline.gamification.badges.StockCatalog;
import io.scoreline.gamification.goalalerts.GoalAlerts;
import io.scoreline.gamification.notifications.NotificationStore;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.kpi.measure.KpiMeasureCache;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * Wires the evaluator (DESIGN §4.4): every {@link KpiChangeConsumer} bean (badges here; contests
 * add theirs) is handed to the outbox drain, whose workers {@code serve} starts.
 */
@Factory
public class GamificationFactory {

    @Singleton
    NotificationStore notificationStore(TenantTransactions transactions, Clock clock) {
        return new NotificationStore(transactions, clock);
    }

    @Singleton
    BadgeStore badgeStore(TenantTransactions transactions) {
        return new BadgeStore(transactions, StockCatalog.badges());
    }

    @Singleton
    AwardReader awardReader(TenantTransactions transactions) {
        return new AwardReader(transactions);
    }

    /** One compiled KPI catalog per organization for every consumer of its changes (badges, goals, contests). */
    @Singleton
    KpiMeasureCache kpiMeasureCache() {
        return new KpiMeasureCache();
    }

    @Singleton
    BadgeEvaluator badgeEvaluator(
            BadgeStore badges,
            NotificationStore notifications,
            ScorelineConfig config,
            Clock clock,
            KpiMeasureCache measures) {
        return new BadgeEvaluator(badges, notifications, config.evaluator(), clock, measures);
    }

    /** A {@code KpiChangeConsumer}: goal reached and behind pace (issue 23). */
    @Singleton
    GoalAlerts goalAlerts(
            NotificationStore notifications, ScorelineConfig config, Clock clock, KpiMeasureCache measures) {
        return new GoalAlerts(notifications, config.evaluator(), config.goalAlerts(), clock, measures);
    }

    @Singleton
    KpiChangeDrain kpiChangeDrain(
            TenantTransactions transactions,
            OrganizationStore organizations,
            List<KpiChangeConsumer> consumers,
            ScorelineConfig config,
            Clock clock) {
        return new KpiChangeDrain(transactions, organizations, consumers, config.evaluator(), clock);
    }

    /** Idle until {@code serve} or {@code demo} starts them through {@link EvaluatorWork}; closing the context stops them after their current batch. */
    @Singleton
    @Bean(preDestroy = "close")
    KpiChangeWorkers kpiChangeWorkers(KpiChangeDrain drain, ScorelineConfig config) {
        return new KpiChangeWorkers(drain, config.evaluator());
    }

    @Singleton
    BackgroundWork evaluatorWork(KpiChangeWorkers workers) {
        return new EvaluatorWork(workers);
    }
}
