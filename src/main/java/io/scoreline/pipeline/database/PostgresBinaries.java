package io.scoreline.pipeline.database;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The PostgreSQL binaries the embedded library unpacks under {@code $SCORELINE_HOME/pg-binaries}.
 * It makes their directories world-writable (0777, no sticky bit), so another user could swap
 * {@code postgres} for a program that then runs as us. At every start we refuse binaries that
 * another user owns or could have rewritten, and we bring the directories down to 0755 (files
 * 0755 or 0644). A file another user replaced would be theirs: we cannot be handed one that
 * passes the ownership check.
 */
final class PostgresBinaries {

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> PROGRAM = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> DATA = PosixFilePermissions.fromString("rw-r--r--");

    private PostgresBinaries() {}

    /** Refuses binaries another user owns or may write, and tightens directory modes. */
    static void secure(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        long me = PrivateFiles.currentUid();
        try (var paths = Files.walk(root)) {
            for (var path : (Iterable<Path>) paths::iterator) {
                if (PrivateFiles.uid(path) != me) {
                    throw refused(root, path + " belongs to uid " + PrivateFiles.uid(path));
                }
                if (Files.isSymbolicLink(path)) {
                    continue;
                }
                var permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    tighten(path, permissions, DIRECTORY);
                } else {
                    if (permissions.contains(PosixFilePermission.GROUP_WRITE)
                            || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
                        throw refused(root, path + " is writable by other users");
                    }
                    tighten(
                            path,
                            permissions,
                            permissions.contains(PosixFilePermission.OWNER_EXECUTE) ? PROGRAM : DATA);
                }
            }
        }
    }

    private static void tighten(Path path, Set<PosixFilePermission> actual, Set<PosixFilePermission> wanted)
            throws IOException {
        if (!actual.equals(wanted)) {
            Files.setPosixFilePermissions(path, wanted);
        }
    }

    private static ScorelineException refused(Path root, String why) {
        return new ScorelineException(
                FailureKind.BAD_INPUT,
                "refusing the PostgreSQL binaries in " + root + ": " + why
                        + "; another user may have replaced them: delete " + root
                        + " (Scoreline unpacks them again) and start again");
    }
}
