package io.scoreline.failure;

import java.util.Objects;
import java.util.Optional;

/**
 * A {@link FailureKind#SCHEMA} failure: the CRM refused or ignored an object or field that the
 * rules read, because it was deleted or renamed there. Connectors say which (they know how their
 * CRM reports it); the pipeline decides what it means for the integration.
 *
 * @param objectType the object as the rules name it; empty when the CRM did not say
 * @param field the field, when the object itself is still there
 */
public final class SchemaMismatch extends ScorelineException {

    private final Optional<String> objectType;
    private final Optional<String> field;

    public SchemaMismatch(Optional<String> objectType, Optional<String> field, String message, Throwable cause) {
        super(FailureKind.SCHEMA, message, cause);
        this.objectType = Objects.requireNonNull(objectType, "objectType");
        this.field = Objects.requireNonNull(field, "field");
    }

    public SchemaMismatch(String objectType, Optional<String> field, String message) {
        this(Optional.of(objectType), field, message, null);
    }

    public Optional<String> objectType() {
        return objectType;
    }

    /** Empty when the whole object is gone (or the CRM did not name the field). */
    public Optional<String> field() {
        return field;
    }

    /** The same failure, with the object the caller was reading when the CRM did not name it. */
    public SchemaMismatch onObject(String reading) {
        return objectType.isPresent() ? this : new SchemaMismatch(Optional.of(reading), field, getMessage(), this);
    }
}
