package io.scoreline.app.bench;

import io.scoreline.pipeline.database.DatabaseEndpoint;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * Reads {@link CpuTime}: this JVM's from its management bean, the simulator's from its process
 * handle, and the database's from Linux's {@code /proc}: the postmaster's own CPU time, that of the
 * processes it has reaped ({@code cutime}, {@code cstime}), and that of its running children
 * (sessions, WAL writer, checkpointer), so background work the writes cause is counted too.
 */
final class CpuMeter {

    // USER_HZ: the unit of /proc/<pid>/stat times, 100 on every Linux this runs on.
    private static final double MS_PER_TICK = 10.0;
    private static final int CONSISTENT_READ_ATTEMPTS = 20;

    private final ProcessHandle simulator;
    private final OptionalLong postmasterPid;

    private CpuMeter(ProcessHandle simulator, OptionalLong postmasterPid) {
        this.simulator = simulator;
        this.postmasterPid = postmasterPid;
    }

    /** Finds the database's postmaster as the parent of a session's backend, if the database runs on this machine. */
    static CpuMeter of(ProcessHandle simulator, DatabaseEndpoint owner) {
        try (var connection = DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password());
                var statement = connection.createStatement();
                var result = statement.executeQuery("select pg_backend_pid()")) {
            result.next();
            long backend = result.getLong(1);
            // A database elsewhere has backend ids that may name an unrelated process here.
            var parent = ProcessHandle.of(backend)
                    .filter(CpuMeter::isPostgres)
                    .flatMap(ProcessHandle::parent)
                    .filter(CpuMeter::isPostgres)
                    .map(ProcessHandle::pid);
            return new CpuMeter(simulator, parent.map(OptionalLong::of).orElse(OptionalLong.empty()));
        } catch (SQLException e) {
            return new CpuMeter(simulator, OptionalLong.empty());
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info()
                .command()
                .map(command -> command.endsWith("/postgres"))
                .orElse(false);
    }

    CpuTime read() {
        var bean = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double pipeline = bean.getProcessCpuTime() < 0 ? -1 : bean.getProcessCpuTime() / 1_000_000.0;
        double simulatorMs = simulator
                .info()
                .totalCpuDuration()
                .map(d -> (double) d.toMillis())
                .orElse(-1.0);
        return new CpuTime(pipeline, databaseMs(), simulatorMs);
    }

    /**
     * The postmaster's own time, that of its children that ended, and that of those still running.
     * A child reaped while the children are being listed would be in neither part (the pool's
     * sessions end just before the closing reading, so this happened in about half the runs, and
     * the database's CPU came out at half or less), so the reading is repeated until the
     * postmaster's reaped-children time is the same before and after it.
     */
    private double databaseMs() {
        if (postmasterPid.isEmpty()) {
            return -1;
        }
        long pid = postmasterPid.getAsLong();
        var postmaster = ProcessHandle.of(pid);
        if (postmaster.isEmpty()) {
            return -1;
        }
        try {
            for (int attempt = 0; attempt < CONSISTENT_READ_ATTEMPTS; attempt++) {
                long reaped = ticks(pid, 16, 17);
                long running = 0;
                for (var child : postmaster.get().children().toList()) {
                    try {
                        running += ticks(child.pid(), 14, 15);
                    } catch (IOException e) {
                        // Ended between the listing and the read: reaped, so the check below repeats the reading.
                    }
                }
                long own = ticks(pid, 14, 15);
                if (ticks(pid, 16, 17) == reaped) {
                    return (own + reaped + running) * MS_PER_TICK;
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The sum of fields {@code first..last} of {@code /proc/<pid>/stat} (utime = 14, stime, cutime, cstime = 17). */
    private static long ticks(long pid, int first, int last) throws IOException {
        var stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // The fields after the command name, which is in parentheses and may hold spaces, start at field 3.
        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long sum = 0;
        for (int field = first; field <= last; field++) {
            sum += Long.parseLong(fields[field - 3]);
        }
        return sum;
    }
}
