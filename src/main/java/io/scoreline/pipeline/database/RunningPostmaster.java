package io.scoreline.pipeline.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A PostgreSQL server already serving a data directory, read from its {@code postmaster.pid}
 * (line 1: pid, line 4: port). A stale file left by a crash names a dead process and is ignored:
 * PostgreSQL itself removes it on the next start.
 */
record RunningPostmaster(long pid, int port) {

    static Optional<RunningPostmaster> find(Path dataDirectory) throws IOException {
        var pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        var lines = Files.readAllLines(pidFile);
        if (lines.size() < 4) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(lines.get(0).trim());
            int port = Integer.parseInt(lines.get(3).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> new RunningPostmaster(pid, port));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
