package io.scoreline.pipeline.scheduling;

import io.scoreline.failure.ScorelineException;
import java.time.Duration;
import java.util.Optional;

/**
 * How this node's scheduler joins the cluster.
 *
 * @param clusterName            Quartz's scheduler name: every node sharing the database must use
 *                               the same one, or they schedule each job once per name
 * @param instanceId             this node's id in the cluster; empty lets Quartz generate one
 *                               (host name and start time), which is unique per process
 * @param clusterCheckinInterval how often a node proves it is alive; a node silent for longer is
 *                               presumed dead and its in-flight jobs are recovered by another
 * @param misfireThreshold       how late a fire may be before it counts as missed; keep it shorter
 *                               than the cadence so that missed fires collapse into one run
 * @param threadCount            concurrent syncs this node runs (each holds database connections)
 * @param pollInterval           how soon an idle node notices schedules changed by another process
 *                               (a CLI resume, another node's reconcile): Quartz wakes a node
 *                               itself only for changes made through that node; at least a second
 * @param cadence                how often each integration syncs
 */
public record SchedulerSettings(
        String clusterName,
        Optional<String> instanceId,
        Duration clusterCheckinInterval,
        Duration misfireThreshold,
        int threadCount,
        Duration pollInterval,
        SyncCadence cadence) {

    public static final String DEFAULT_CLUSTER_NAME = "scoreline";

    public SchedulerSettings {
        if (clusterName.isBlank() || clusterName.length() > 120) {
            throw ScorelineException.badInput("scheduler cluster name must be 1 to 120 characters");
        }
        if (instanceId.isPresent()
                && (instanceId.get().isBlank() || instanceId.get().length() > 200)) {
            throw ScorelineException.badInput("scheduler instance id must be 1 to 200 characters");
        }
        if (clusterCheckinInterval.toMillis() < 1 || misfireThreshold.toMillis() < 1) {
            throw ScorelineException.badInput("scheduler check-in interval and misfire threshold must be positive");
        }
        if (threadCount < 1) {
            throw ScorelineException.badInput("scheduler thread count must be at least 1");
        }
        if (pollInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw ScorelineException.badInput("scheduler poll interval must be at least a second");
        }
    }

    /** Hourly syncs, four at a time, Quartz's usual check-in and misfire timings, changes seen within 10 s. */
    public static SchedulerSettings defaults() {
        return new SchedulerSettings(
                DEFAULT_CLUSTER_NAME,
                Optional.empty(),
                Duration.ofMillis(7_500),
                Duration.ofMinutes(1),
                4,
                Duration.ofSeconds(10),
                SyncCadence.HOURLY);
    }

    public SchedulerSettings withInstanceId(String id) {
        return new SchedulerSettings(
                clusterName,
                Optional.of(id),
                clusterCheckinInterval,
                misfireThreshold,
                threadCount,
                pollInterval,
                cadence);
    }

    public SchedulerSettings withClusterCheckinInterval(Duration interval) {
        return new SchedulerSettings(
                clusterName, instanceId, interval, misfireThreshold, threadCount, pollInterval, cadence);
    }

    public SchedulerSettings withMisfireThreshold(Duration threshold) {
        return new SchedulerSettings(
                clusterName, instanceId, clusterCheckinInterval, threshold, threadCount, pollInterval, cadence);
    }

    public SchedulerSettings withThreadCount(int threads) {
        return new SchedulerSettings(
                clusterName, instanceId, clusterCheckinInterval, misfireThreshold, threads, pollInterval, cadence);
    }

    public SchedulerSettings withPollInterval(Duration interval) {
        return new SchedulerSettings(
                clusterName, instanceId, clusterCheckinInterval, misfireThreshold, threadCount, interval, cadence);
    }

    public SchedulerSettings withCadence(SyncCadence newCadence) {
        return new SchedulerSettings(
                clusterName,
                instanceId,
                clusterCheckinInterval,
                misfireThreshold,
                threadCount,
                pollInterval,
                newCadence);
    }
}
