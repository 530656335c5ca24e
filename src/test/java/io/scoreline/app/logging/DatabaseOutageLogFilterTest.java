package io.scoreline.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class DatabaseOutageLogFilterTest {

    private final LoggerContext context = new LoggerContext();
    private final DatabaseOutageLogFilter filter = new DatabaseOutageLogFilter();

    @Test
    void aLibrarysStackTraceAboutALostConnectionIsDropped() {
        var lost =
                new RuntimeException("Couldn't rollback", new PSQLException("I/O error", PSQLState.CONNECTION_FAILURE));
        assertThat(decide("org.quartz.impl.jdbcjobstore.JobStoreTX", lost)).isEqualTo(FilterReply.DENY);
        assertThat(decide(
                        "com.zaxxer.hikari.pool.ProxyConnection", new SQLException("terminating connection", "57P01")))
                .isEqualTo(FilterReply.DENY);
        assertThat(decide("org.quartz.core.ErrorLogger", new SQLTransientConnectionException("timed out")))
                .isEqualTo(FilterReply.DENY);
    }

    @Test
    void otherFailuresAndOurOwnLoggersPassUnchanged() {
        assertThat(decide("org.quartz.impl.jdbcjobstore.JobStoreTX", new SQLException("duplicate key", "23505")))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide("io.scoreline.pipeline.inbox.InboxWorkers", new SQLException("gone", "08006")))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide("org.quartz.core.QuartzScheduler", null)).isEqualTo(FilterReply.NEUTRAL);
    }

    private FilterReply decide(String logger, Throwable thrown) {
        return filter.decide(null, context.getLogger(logger), Level.ERROR, "message", null, thrown);
    }
}
