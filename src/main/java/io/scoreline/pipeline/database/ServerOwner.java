package io.scoreline.pipeline.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The Scoreline process that answers for the embedded server: it stops the server when it leaves
 * last (ADR 0019). Kept in {@code $SCORELINE_HOME/pg.owner} as the pid and the process's start
 * time, so that a recycled pid is not mistaken for the owner.
 */
record ServerOwner(long pid, Instant started) {

    static final String FILE = "pg.owner";

    static ServerOwner current() {
        var self = ProcessHandle.current();
        return new ServerOwner(self.pid(), self.info().startInstant().orElse(Instant.EPOCH));
    }

    /** The recorded owner, if there is one and it is still running. */
    static Optional<ServerOwner> live(Path home) throws IOException {
        return read(home).filter(ServerOwner::alive);
    }

    static Optional<ServerOwner> read(Path home) throws IOException {
        var file = home.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        var parts = Files.readString(file).strip().split(" ");
        try {
            return Optional.of(
                    new ServerOwner(Long.parseLong(parts[0]), Instant.ofEpochMilli(Long.parseLong(parts[1]))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    void record(Path home) throws IOException {
        PrivateFiles.writeOwnerOnly(home.resolve(FILE), pid + " " + started.toEpochMilli() + "\n");
    }

    /** Removes the record if it names this owner (another may have adopted the server since). */
    void release(Path home) throws IOException {
        if (read(home).filter(this::equals).isPresent()) {
            Files.deleteIfExists(home.resolve(FILE));
        }
    }

    boolean alive() {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info()
                        .startInstant()
                        .map(s -> s.toEpochMilli() == started.toEpochMilli())
                        .orElse(true))
                .isPresent();
    }
}
