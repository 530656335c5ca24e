package io.scoreline.app.config;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.secrets.MasterKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the master key comes from: {@code SCORELINE_MASTER_KEY}, else a key file readable only
 * by its owner under the Scoreline home. The key file is created on the first start of the
 * embedded database; with an external database it has to be provided, because every node that
 * shares the database must use the same key.
 */
public final class MasterKeySource {

    private static final Logger LOG = LoggerFactory.getLogger(MasterKeySource.class);
    public static final String KEY_FILE = "master.key";
    private static final int KEY_BYTES = 32;

    private MasterKeySource() {}

    public static Path keyFile(ScorelineConfig config) {
        return config.home().resolve(KEY_FILE);
    }

    /** Creates the key file if it is missing. Called when the embedded database starts. */
    public static void ensureKeyFile(ScorelineConfig config) {
        if (config.masterKey().isPresent()) {
            return;
        }
        var file = keyFile(config);
        if (Files.exists(file)) {
            return;
        }
        var bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        try {
            Files.createDirectories(file.getParent());
            // Created with its final permissions: there is no moment at which others can read it.
            Files.createFile(
                    file,
                    PosixFilePermissions.asFileAttribute(
                            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
            Files.writeString(file, Base64.getEncoder().encodeToString(bytes) + "\n", StandardCharsets.US_ASCII);
            LOG.warn(
                    "Created the master key in {}: back it up, stored CRM credentials cannot be decrypted without it",
                    file);
        } catch (FileAlreadyExistsException e) {
            // another process created it first; use theirs
        } catch (IOException e) {
            throw new ScorelineException(
                    FailureKind.BAD_INPUT, "cannot create the master key file " + file + ": " + e.getMessage(), e);
        }
    }

    public static MasterKey load(ScorelineConfig config) {
        if (config.masterKey().isPresent()) {
            return masterKey(config.masterKey().get(), ScorelineConfig.MASTER_KEY);
        }
        var file = keyFile(config);
        if (!Files.exists(file)) {
            throw ScorelineException.badInput(ScorelineConfig.MASTER_KEY + " is not set and there is no key file at "
                    + file + ": set " + ScorelineConfig.MASTER_KEY + " (the same value on every node)");
        }
        try {
            var permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream()
                    .anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                throw ScorelineException.badInput(
                        "the master key file " + file + " is readable by others: run `chmod 600 " + file + "`");
            }
            return masterKey(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw ScorelineException.badInput("cannot read the master key file " + file + ": " + e.getMessage());
        }
    }

    private static MasterKey masterKey(String value, String source) {
        try {
            return new MasterKey(value);
        } catch (ScorelineException e) {
            throw ScorelineException.badInput(source + ": " + e.getMessage());
        }
    }
}
