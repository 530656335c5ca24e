package io.scoreline.connectors.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A keyset cursor over one CRM object: everything up to ({@code modstamp}, {@code recordId}) in
 * (modification time, id) order has been written. Both CRMs page this way (Salesforce
 * {@code SystemModstamp, Id}; HubSpot {@code hs_lastmodifieddate, hs_object_id}).
 */
public record Checkpoint(Instant modstamp, String recordId) {

    public Checkpoint {
        Objects.requireNonNull(modstamp, "modstamp");
        Objects.requireNonNull(recordId, "recordId");
    }
}
