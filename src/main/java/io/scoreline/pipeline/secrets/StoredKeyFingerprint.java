package io.scoreline.pipeline.secrets;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The fingerprint of the key the stored credentials are encrypted with, as the runtime role sees
 * it: through two owner-run functions (migration V16), never by writing the table itself.
 */
public final class StoredKeyFingerprint {

    private StoredKeyFingerprint() {}

    /** The stored fingerprint as a column, to read in the same statement as a ciphertext. */
    public static Field<String> field() {
        return DSL.field("scoreline_master_key_fingerprint()", String.class);
    }

    public static Optional<MasterKeyFingerprint> read(DSLContext tx) {
        return parse(tx.select(field()).fetchSingle().value1());
    }

    public static Optional<MasterKeyFingerprint> parse(String stored) {
        return Optional.ofNullable(stored).map(MasterKeyFingerprint::new);
    }

    /**
     * Records {@code mine} if no fingerprint is stored yet, else requires it to be the stored one.
     * Called inside the transaction that stores a ciphertext: a refusal rolls it back.
     */
    public static void recordOrRequire(DSLContext tx, MasterKeyFingerprint mine) {
        var stored = tx.select(
                        DSL.field("scoreline_record_master_key_fingerprint({0})", String.class, DSL.val(mine.hex())))
                .fetchSingle()
                .value1();
        require(parse(stored), mine);
    }

    /** Refuses a key other than the stored one; nothing stored yet accepts any key. */
    public static void require(Optional<MasterKeyFingerprint> stored, MasterKeyFingerprint mine) {
        if (stored.isPresent() && !stored.get().equals(mine)) {
            throw mismatch(mine, stored.get());
        }
    }

    public static ScorelineException mismatch(MasterKeyFingerprint mine, MasterKeyFingerprint stored) {
        return new ScorelineException(
                FailureKind.AUTH,
                "the master key (fingerprint " + mine.shortForm()
                        + ") is not the one the stored credentials are encrypted with (fingerprint "
                        + stored.shortForm()
                        + "): use that key, or change keys with `scoreline master-key rotate`");
    }
}
