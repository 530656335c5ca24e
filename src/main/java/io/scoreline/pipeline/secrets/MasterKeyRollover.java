package io.scoreline.pipeline.secrets;

import io.scoreline.pipeline.database.DatabaseRuntime;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The master key replaced by a new one: every stored credential re-encrypted under it in one
 * transaction, then the key itself replaced where it is kept. Acts for the whole installation,
 * not in an organization: only an operator of the installation may call it.
 */
@Singleton
public final class MasterKeyRollover {

    private final MasterKeyHolder keys;
    private final DatabaseRuntime database;

    @Inject
    public MasterKeyRollover(MasterKeyHolder keys, DatabaseRuntime database) {
        this.keys = keys;
        this.database = database;
    }

    /** What was re-encrypted, and the key file replaced (empty when the operator must set the new key on every node). */
    public record RolledOver(MasterKeyRotation.Rotated rotation, Optional<Path> keyFileReplaced) {}

    /** @throws io.scoreline.failure.ScorelineException bad input when the new key is the current one */
    public RolledOver rotate(MasterKey next) {
        // The key is replaced only after the re-encryption committed: a failure leaves both as they were.
        var rotation = new MasterKeyRotation(database.ownerEndpoint())
                .rotate(new CredentialCipher(keys.current()), new CredentialCipher(next));
        return new RolledOver(rotation, keys.replace(next));
    }
}
