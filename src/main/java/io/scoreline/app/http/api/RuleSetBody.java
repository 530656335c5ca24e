package io.scoreline.app.http.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.pipeline.rules.StoredRuleSet;
import java.time.Instant;

/** One stored version with its document: the fields of {@code mapping show --json}, and who stored it. */
@Serdeable
public record RuleSetBody(
        long integration,
        int version,
        boolean active,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("created_by") @Nullable String createdBy,
        String document) {

    static RuleSetBody of(StoredRuleSet stored) {
        return new RuleSetBody(
                stored.integrationId(),
                stored.version(),
                stored.active(),
                stored.createdAt(),
                stored.createdBy().orElse(null),
                stored.document());
    }
}
