package io.scoreline.pipeline.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes the decisions about one embedded server (start, attach, adopt, restart, stop) across
 * Scoreline processes: an exclusive lock on {@code $SCORELINE_HOME/pg.lock}, which the operating
 * system releases when a holder dies. Within one JVM a plain lock comes first, because file locks
 * belong to the process and would not exclude our own threads.
 */
final class HomeLock implements AutoCloseable {

    private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();

    private final FileChannel channel;

    private HomeLock(FileChannel channel) {
        this.channel = channel;
    }

    static HomeLock acquire(Path home) throws IOException {
        IN_THIS_JVM.lock();
        try {
            var channel = FileChannel.open(
                    home.resolve("pg.lock"),
                    EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(PrivateFiles.OWNER_ONLY_FILE));
            try {
                channel.lock();
                return new HomeLock(channel);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            IN_THIS_JVM.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            IN_THIS_JVM.unlock();
        }
    }
}
