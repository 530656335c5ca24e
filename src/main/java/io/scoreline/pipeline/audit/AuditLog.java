package io.scoreline.pipeline.audit;

import static io.scoreline.pipeline.db.Tables.AUDIT_LOG;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/**
 * Appends audit rows inside the caller's transaction (never a transaction of its own): a write and
 * its audit row are one unit, so no change commits unrecorded.
 */
public final class AuditLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditLog() {}

    /** @param tx a transaction already scoped to {@code organizationId} */
    public static void append(DSLContext tx, long organizationId, AuditEntry entry) {
        String details;
        try {
            // Sorted: the same change always reads the same.
            details = JSON.writeValueAsString(new TreeMap<>(entry.changes()));
        } catch (JsonProcessingException e) {
            throw new ScorelineException(FailureKind.BUG, "an audit summary is not JSON: " + e.getMessage(), e);
        }
        tx.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.ORGANIZATION_ID, organizationId)
                .set(AUDIT_LOG.ACTOR, entry.actor().auditName())
                .set(AUDIT_LOG.ACTION, entry.action())
                .set(AUDIT_LOG.TARGET, entry.target())
                .set(AUDIT_LOG.DETAILS, JSONB.valueOf(details))
                .execute();
    }
}
