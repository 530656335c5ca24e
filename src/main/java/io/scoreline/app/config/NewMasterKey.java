package io.scoreline.app.config;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.secrets.MasterKey;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

/**
 * The key a rotation moves to: where it is read from (never a command-line argument, which
 * {@code ps} shows to every user) and, when the key file is the source, how it replaces that file.
 */
public final class NewMasterKey {

    /** The environment variable that may carry the new key instead of a file. */
    public static final String ENVIRONMENT = "SCORELINE_NEW_MASTER_KEY";

    private NewMasterKey() {}

    /** The new key from {@code file} or, without one, from {@link #ENVIRONMENT}; exactly one of them. */
    public static MasterKey read(Optional<Path> file, Map<String, String> environment) {
        var fromEnvironment = fromEnvironment(new SettingsReader(environment));
        if (file.isPresent() && fromEnvironment.isPresent()) {
            throw ScorelineException.badInput(
                    "give the new master key either with --new-key-file or in " + ENVIRONMENT + ", not both");
        }
        if (fromEnvironment.isPresent()) {
            return key(fromEnvironment.get(), ENVIRONMENT);
        }
        var path = file.orElseThrow(() -> ScorelineException.badInput(
                "missing new master key: give --new-key-file FILE (readable only by you) or set " + ENVIRONMENT));
        try {
            if (readableByOthers(path)) {
                throw ScorelineException.badInput(
                        "the new key file " + path + " is readable by others: run `chmod 600 " + path + "`");
            }
            return key(Files.readString(path, StandardCharsets.UTF_8), path.toString());
        } catch (IOException e) {
            throw ScorelineException.badInput("cannot read the new key file " + path + ": " + e.getMessage());
        }
    }

    /** The new key's value if {@link #ENVIRONMENT} carries one (blank counts as unset). */
    static Optional<String> fromEnvironment(SettingsReader settings) {
        return settings.text(ENVIRONMENT);
    }

    /**
     * Replaces the key file with {@code key}: written beside it with owner-only permissions,
     * flushed, then renamed over it, so that the file holds the old key or the new one, whole.
     * Called only after the rotation committed.
     */
    public static void install(Path keyFile, MasterKey key) {
        var temporary = keyFile.resolveSibling(keyFile.getFileName() + ".new");
        try {
            Files.deleteIfExists(temporary);
            Files.createFile(
                    temporary,
                    PosixFilePermissions.asFileAttribute(
                            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
            try (var channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(StandardCharsets.US_ASCII.encode(key.value() + "\n"));
                channel.force(true);
            }
            try {
                Files.move(temporary, keyFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, keyFile, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ScorelineException(
                    FailureKind.RETRYABLE,
                    "the credentials are now encrypted under the new key, but " + keyFile + " could not be replaced ("
                            + e.getMessage() + "): write the new key into it (chmod 600) before the next start",
                    e);
        }
    }

    private static boolean readableByOthers(Path path) throws IOException {
        return Files.getPosixFilePermissions(path).stream()
                .anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"));
    }

    private static MasterKey key(String value, String source) {
        try {
            return new MasterKey(value);
        } catch (ScorelineException e) {
            throw ScorelineException.badInput(source + ": " + e.getMessage());
        }
    }
}
