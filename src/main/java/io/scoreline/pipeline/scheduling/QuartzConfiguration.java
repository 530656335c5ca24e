package io.scoreline.pipeline.scheduling;

import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.DBConnectionManager;

/** How a scheduler node's Quartz scheduler is built, and why with these properties. */
final class QuartzConfiguration {

    private QuartzConfiguration() {}

    /** A scheduler node in standby: it fires nothing until started. */
    static Scheduler newScheduler(SchedulerSettings settings, DataSource dataSource) {
        // Quartz finds job-store connections by name in a JVM-wide registry.
        var dataSourceName = "scoreline-scheduler-" + UUID.randomUUID();
        var provider = new DataSourceConnectionProvider(dataSource);
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, provider);
        var repository = SchedulerRepository.getInstance();
        // Quartz also keeps one scheduler per name JVM-wide and hands out the existing one, but all
        // nodes of a cluster share their name, and tests run two nodes in one JVM. Each node is
        // created and taken out of that repository under its lock, so none is ever shared.
        synchronized (repository) {
            try {
                var scheduler = new StdSchedulerFactory(properties(settings, dataSourceName)).getScheduler();
                repository.remove(settings.clusterName());
                return scheduler;
            } catch (SchedulerException e) {
                provider.shutdown();
                throw SchedulerFailures.of("create the scheduler", e);
            }
        }
    }

    static Properties properties(SchedulerSettings settings, String dataSourceName) {
        var properties = new Properties();
        // One name for the whole cluster: Quartz keys every row by it.
        properties.setProperty("org.quartz.scheduler.instanceName", settings.clusterName());
        properties.setProperty(
                "org.quartz.scheduler.instanceId", settings.instanceId().orElse("AUTO"));
        // A forgotten scheduler must not keep a CLI process alive; orderly shutdown goes through close().
        properties.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        properties.setProperty("org.quartz.scheduler.interruptJobsOnShutdown", "false");
        properties.setProperty(
                "org.quartz.scheduler.idleWaitTime",
                Long.toString(settings.pollInterval().toMillis()));

        properties.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        properties.setProperty("org.quartz.threadPool.threadCount", Integer.toString(settings.threadCount()));
        properties.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        properties.setProperty("org.quartz.threadPool.threadNamePrefix", "scoreline-sync");

        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.setProperty(
                "org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        properties.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        // Quartz writes unquoted upper-case names (qrtz_TRIGGERS); PostgreSQL folds them to the
        // lower-case tables of migration V3.
        properties.setProperty("org.quartz.jobStore.tablePrefix", "qrtz_");
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        properties.setProperty(
                "org.quartz.jobStore.clusterCheckinInterval",
                Long.toString(settings.clusterCheckinInterval().toMillis()));
        properties.setProperty(
                "org.quartz.jobStore.misfireThreshold",
                Long.toString(settings.misfireThreshold().toMillis()));
        // Job data as plain strings, not serialized Java objects: rows stay readable and survive
        // class changes between releases.
        properties.setProperty("org.quartz.jobStore.useProperties", "true");
        // Nodes take triggers one at a time under the cluster's row lock, so two nodes never both
        // claim one fire, whatever the timing.
        properties.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        return properties;
    }
}
