package io.scoreline.pipeline.database;

import com.sun.security.auth.module.UnixSystem;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files and directories that only the running user may reach: {@code $SCORELINE_HOME}, the
 * embedded cluster's data directory and its password file. Another user on the machine must be
 * able neither to read them nor to replace them.
 */
final class PrivateFiles {

    static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> GROUP_OR_OTHER = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private PrivateFiles() {}

    /**
     * Creates {@code home} at 0700, or tightens an existing one of ours to 0700: homes made before
     * ADR 0019 are 0755, and restricting our own directory takes nothing from anyone.
     */
    static void prepareHome(Path home) throws IOException {
        if (!Files.exists(home, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(home, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            return;
        }
        requireOurs(home);
        if (!Files.getPosixFilePermissions(home).equals(OWNER_ONLY_DIRECTORY)) {
            Files.setPosixFilePermissions(home, OWNER_ONLY_DIRECTORY);
        }
    }

    /** Fails with one line naming the path and the fix when another user could read {@code path}. */
    static void requireOwnerOnly(Path path) throws IOException {
        requireOurs(path);
        var permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        if (permissions.stream().anyMatch(GROUP_OR_OTHER::contains)) {
            var mode = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? "700" : "600";
            throw new ScorelineException(
                    FailureKind.BAD_INPUT,
                    path + " is open to other users (" + PosixFilePermissions.toString(permissions) + "): run chmod "
                            + mode + " " + path + " and start again");
        }
    }

    /** Fails when {@code path} (not following links) belongs to another user. */
    static void requireOurs(Path path) throws IOException {
        if (uid(path) != currentUid()) {
            throw new ScorelineException(
                    FailureKind.BAD_INPUT,
                    path + " belongs to another user (uid " + uid(path) + "): Scoreline runs as uid " + currentUid()
                            + "; remove it or run as its owner");
        }
    }

    /**
     * Writes {@code content} to {@code file} at 0600, atomically: never a moment with a wider mode.
     * Flushed before the rename: the cluster's password is set right after, and a crash must not
     * leave a cluster whose password file is empty.
     */
    static void writeOwnerOnly(Path file, String content) throws IOException {
        var temporary = Files.createTempFile(
                file.getParent(),
                file.getFileName().toString(),
                ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        try {
            try (var channel = java.nio.channels.FileChannel.open(temporary, java.nio.file.StandardOpenOption.WRITE)) {
                channel.write(StandardCharsets.UTF_8.encode(content));
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Creates {@code file} empty at 0600 unless it exists (a log the server appends to). */
    static void createOwnerOnly(Path file) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        }
    }

    static long uid(Path path) throws IOException {
        return ((Number) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
    }

    static long currentUid() {
        return new UnixSystem().getUid();
    }
}
