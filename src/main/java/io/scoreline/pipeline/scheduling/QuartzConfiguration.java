package io.scoreline.pipeline.scheduling;

import java.util.Properties;

/** The Quartz properties of a scheduler node; the reasons for each value are in the comments. */
final class QuartzConfiguration {

    private QuartzConfiguration() {
    }

    static Properties properties(SchedulerSettings settings, String dataSourceName) {
        var properties = new Properties();
        // One name for the whole cluster: Quartz keys every row by it.
        properties.setProperty("org.quartz.scheduler.instanceName", settings.clusterName());
        properties.setProperty("org.quartz.scheduler.instanceId", settings.instanceId().orElse("AUTO"));
        // A forgotten scheduler must not keep a CLI process alive; orderly shutdown goes through close().
        properties.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        properties.setProperty("org.quartz.scheduler.interruptJobsOnShutdown", "false");
        properties.setProperty("org.quartz.scheduler.idleWaitTime", Long.toString(settings.pollInterval().toMillis()));

        properties.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        properties.setProperty("org.quartz.threadPool.threadCount", Integer.toString(settings.threadCount()));
        properties.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        properties.setProperty("org.quartz.threadPool.threadNamePrefix", "scoreline-sync");

        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        properties.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        // Quartz writes unquoted upper-case names (qrtz_TRIGGERS); PostgreSQL folds them to the
        // lower-case tables of migration V3.
        properties.setProperty("org.quartz.jobStore.tablePrefix", "qrtz_");
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        properties.setProperty("org.quartz.jobStore.clusterCheckinInterval",
                Long.toString(settings.clusterCheckinInterval().toMillis()));
        properties.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(settings.misfireThreshold().toMillis()));
        // Job data as plain strings, not serialized Java objects: rows stay readable and survive
        // class changes between releases.
        properties.setProperty("org.quartz.jobStore.useProperties", "true");
        // Nodes take triggers one at a time under the cluster's row lock, so two nodes never both
        // claim one fire, whatever the timing.
        properties.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        return properties;
    }
}
