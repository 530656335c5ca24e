package io.scoreline.app.bench;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.database.DatabaseEndpoint;
import io.scoreline.pipeline.scheduling.ScheduledSync;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one pass did, read from the runs table and the facts on the owner's session (it sees every
 * organization): the proof of "each integration once" is the table's, not the benchmark's count.
 * A pass is every integration's first scheduled run; a fire is a scheduled run's
 * {@value ScheduledSync#FIRE_TIME}, and two runs of one integration with one fire time are a
 * duplicate.
 */
final class PassFigures {

    private static final String FIRST_RUNS = """
            with scheduled as (
              select r.*, row_number() over (partition by integration_id order by started_at, id) as n
                from sync_runs r where trigger = 'schedule')
            select count(*) filter (where finished_at is not null),
                   max(finished_at),
                   count(*) filter (where status = 'succeeded'),
                   count(*) filter (where status = 'partial'),
                   count(*) filter (where status = 'failed'),
                   coalesce(avg(api_calls), 0),
                   coalesce(sum(records_read), 0),
                   coalesce(percentile_cont(0.5) within group (order by extract(epoch from finished_at - started_at)), 0),
                   coalesce(percentile_cont(0.95) within group (order by extract(epoch from finished_at - started_at)), 0)
              from scheduled where n = 1""";

    private static final String DUPLICATES = """
            select count(*) - count(distinct (integration_id, options ->> 'fire_time')),
                   count(*) filter (where options ->> 'fire_time' is null)
              from sync_runs where trigger = 'schedule'""";

    private static final String RUNS_BEFORE = """
            select count(*), count(distinct integration_id), coalesce(max(c), 0) from (
              select integration_id, count(*) over (partition by integration_id) as c
                from sync_runs where trigger = 'schedule' and started_at <= ?) runs""";

    private static final String BY_NODE = """
            with scheduled as (
              select r.*, row_number() over (partition by integration_id order by started_at, id) as n
                from sync_runs r where trigger = 'schedule')
            select coalesce(options ->> 'node', '?'), count(*) from scheduled where n = 1 group by 1 order by 1""";

    // A record the CRM created during the benchmark is dated when it was made; its fact is written
    // by the run that reads it. Records made up to a period before the pass are the ones an hourly
    // schedule would deliver in it.
    private static final String LAG = """
            select count(*),
                   coalesce(percentile_cont(0.5) within group (order by extract(epoch from updated_at - occurred_at)), 0),
                   coalesce(percentile_cont(0.95) within group (order by extract(epoch from updated_at - occurred_at)), 0)
              from kpi_facts where occurred_at >= ? and occurred_at <= updated_at and updated_at <= ?""";

    /**
     * @param integrationsRun    integrations with a finished scheduled run
     * @param runsInPass         scheduled runs started before the pass ended (more than one per
     *                           integration when a node fired an integration again first)
     * @param mostRunsInPass     the most runs of one integration started before the pass ended
     * @param duplicateFires     runs beyond the first of one integration's fire: 0 when every
     *                           fire ran once across the cluster
     * @param runsWithoutFire    scheduled runs that kept no fire time (a node of an older build)
     * @param byNode             first runs per node
     */
    record Pass(
            long integrationsRun,
            Instant end,
            long succeeded,
            long partial,
            long failed,
            double apiCallsPerIntegration,
            long recordsRead,
            double runSecondsP50,
            double runSecondsP95,
            long runsInPass,
            long mostRunsInPass,
            long duplicateFires,
            long runsWithoutFire,
            Map<String, Long> byNode,
            long lagSamples,
            double lagSecondsP50,
            double lagSecondsP95) {}

    private PassFigures() {}

    /** How many integrations have finished a scheduled run so far. */
    static long finished(DatabaseEndpoint owner) {
        try (var connection = connect(owner);
                var statement = connection.createStatement();
                var result = statement.executeQuery("select count(distinct integration_id) from sync_runs"
                        + " where trigger = 'schedule' and finished_at is not null")) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    static Pass read(DatabaseEndpoint owner, Instant passStart, Duration period) {
        try (var connection = connect(owner)) {
            long integrationsRun;
            Instant end;
            long succeeded;
            long partial;
            long failed;
            double apiCalls;
            long records;
            double p50;
            double p95;
            try (var statement = connection.createStatement();
                    var result = statement.executeQuery(FIRST_RUNS)) {
                result.next();
                integrationsRun = result.getLong(1);
                var last = result.getTimestamp(2);
                end = last == null ? passStart : last.toInstant();
                succeeded = result.getLong(3);
                partial = result.getLong(4);
                failed = result.getLong(5);
                apiCalls = result.getDouble(6);
                records = result.getLong(7);
                p50 = result.getDouble(8);
                p95 = result.getDouble(9);
            }
            long duplicates;
            long withoutFire;
            try (var statement = connection.createStatement();
                    var result = statement.executeQuery(DUPLICATES)) {
                result.next();
                duplicates = result.getLong(1);
                withoutFire = result.getLong(2);
            }
            long runsInPass;
            long most;
            try (var statement = connection.prepareStatement(RUNS_BEFORE)) {
                statement.setTimestamp(1, Timestamp.from(end));
                try (var result = statement.executeQuery()) {
                    result.next();
                    runsInPass = result.getLong(1);
                    most = result.getLong(3);
                }
            }
            var byNode = new LinkedHashMap<String, Long>();
            try (var statement = connection.createStatement();
                    var result = statement.executeQuery(BY_NODE)) {
                while (result.next()) {
                    byNode.put(result.getString(1), result.getLong(2));
                }
            }
            try (var statement = connection.prepareStatement(LAG)) {
                statement.setTimestamp(1, Timestamp.from(passStart.minus(period)));
                statement.setTimestamp(2, Timestamp.from(end));
                try (var result = statement.executeQuery()) {
                    result.next();
                    return new Pass(
                            integrationsRun,
                            end,
                            succeeded,
                            partial,
                            failed,
                            apiCalls,
                            records,
                            p50,
                            p95,
                            runsInPass,
                            most,
                            duplicates,
                            withoutFire,
                            byNode,
                            result.getLong(1),
                            result.getDouble(2),
                            result.getDouble(3));
                }
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static Connection connect(DatabaseEndpoint owner) throws SQLException {
        return DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password());
    }

    private static ScorelineException failed(SQLException e) {
        return new ScorelineException(FailureKind.RETRYABLE, "cannot read the benchmark's runs: " + e.getMessage(), e);
    }
}
