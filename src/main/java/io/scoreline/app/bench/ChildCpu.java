package io.scoreline.app.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time (user + system) of the child processes this JVM has waited for, in milliseconds:
 * a child's own time can no longer be read once it has exited, but the kernel adds it to its
 * parent's {@code cutime}/{@code cstime} when the parent reaps it. Daemons a child started and did
 * not wait for (the embedded PostgreSQL) are not in it.
 */
@FunctionalInterface
interface ChildCpu {

    /** Linux reports these fields in USER_HZ ticks, 100 per second on every architecture it supports. */
    double MS_PER_TICK = 10;

    /** -1 where it cannot be read (no {@code /proc}). */
    double childrenMs();

    static ChildCpu fromProc() {
        return () -> {
            try {
                var stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
                // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
                var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // fields[0] is field 3 (state): cutime is field 16, cstime field 17.
                return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * MS_PER_TICK;
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        };
    }
}
