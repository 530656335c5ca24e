package io.scoreline.pipeline.audit;

import java.util.Map;
import java.util.Objects;

/**
 * One change as {@code audit_log} records it.
 *
 * @param action  what was done, e.g. {@code organization.update}
 * @param target  what it was done to, e.g. {@code organization:12}
 * @param changes a summary of the change (field to new value); never a secret
 */
public record AuditEntry(Actor actor, String action, String target, Map<String, Object> changes) {

    public AuditEntry {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        changes = Map.copyOf(changes);
    }
}
