package io.scoreline.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Marker;

/**
 * Drops the libraries' stack traces about a database that is away (ADR 0023). While it is,
 * Quartz's job store logs an ERROR with a stack trace for every failed check-in, misfire scan and
 * rollback, and Hikari a WARN with one for every pooled connection it finds broken. The outage is
 * already reported in one line by {@code DatabaseHealth} and by the workers' backoff, and the
 * libraries retry by themselves. Failures that are not about the connection pass unchanged.
 */
public final class DatabaseOutageLogFilter extends TurboFilter {

    private static final int MAX_CAUSES = 16;

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (logger == null || !fromALibrary(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        var thrown = t != null ? t : lastThrowable(params);
        return thrown != null && connectionLost(thrown) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    private static boolean fromALibrary(String name) {
        return name.startsWith("org.quartz.") || name.startsWith("com.zaxxer.hikari.");
    }

    private static Throwable lastThrowable(Object[] params) {
        return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
    }

    /** SQLSTATE class 08 (connection exception) or 57 (operator intervention: shutdown), or the pool timing out. */
    static boolean connectionLost(Throwable thrown) {
        var cause = thrown;
        for (int i = 0; cause != null && i < MAX_CAUSES; i++, cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57"))) {
                return true;
            }
        }
        return false;
    }
}
