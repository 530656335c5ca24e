package io.scoreline.sim.data;

import java.time.Instant;
import java.util.Objects;

/**
 * What every generated record carries besides its payload.
 *
 * @param ownerRep   the rep the record is assigned to now (after any reassignment)
 * @param creatorRep the rep who created it
 * @param deletedAt  null unless the record is deleted (Salesforce recycle bin, HubSpot archived)
 */
public record RecordMeta(
        ActivityKind kind,
        long index,
        int ownerRep,
        int creatorRep,
        Instant createdAt,
        Instant modifiedAt,
        Instant deletedAt) {

    public RecordMeta {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(modifiedAt);
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    public RecordMeta modified(Instant at) {
        return new RecordMeta(kind, index, ownerRep, creatorRep, createdAt, at, deletedAt);
    }

    public RecordMeta reassigned(int newOwner, Instant at) {
        return new RecordMeta(kind, index, newOwner, creatorRep, createdAt, at, deletedAt);
    }

    public RecordMeta deletedAt(Instant at) {
        return new RecordMeta(kind, index, ownerRep, creatorRep, createdAt, at, at);
    }
}
