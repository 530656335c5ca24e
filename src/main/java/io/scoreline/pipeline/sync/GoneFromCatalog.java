package io.scoreline.pipeline.sync;

import io.scoreline.failure.SchemaMismatch;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.RuleSet;
import java.util.Optional;

/**
 * The first object or field that compiled rules read and a newer catalog of the same account no
 * longer has: how schema drift shows before a run when the catalog was read again (a HubSpot
 * portal omits a deleted property silently, so this is its only sign on a plain read; a deleted
 * Salesforce field shows here too when the catalog is refreshed first).
 */
final class GoneFromCatalog {

    private GoneFromCatalog() {}

    static Optional<SchemaMismatch> find(RuleSet rules, FieldCatalog now) {
        for (var entry : rules.fieldsByObject().entrySet()) {
            var object = entry.getKey();
            var schema = now.object(object);
            if (schema.isEmpty()) {
                return Optional.of(new SchemaMismatch(
                        object, Optional.empty(), "the account's catalog no longer lists the object " + object));
            }
            for (var field : entry.getValue()) {
                // A path through a relationship is checked on the related object by the CRM's own
                // answer; only the object's own fields are certain from its catalog.
                if (!field.contains(".") && schema.get().field(field).isEmpty()) {
                    return Optional.of(new SchemaMismatch(
                            object,
                            Optional.of(field),
                            "the account's catalog no longer lists the field " + object + "." + field));
                }
            }
        }
        return Optional.empty();
    }
}
