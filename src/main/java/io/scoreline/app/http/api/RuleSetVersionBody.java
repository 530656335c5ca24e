package io.scoreline.app.http.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.pipeline.rules.RuleSetHistory;
import java.time.Instant;
import java.util.List;

/**
 * A stored version in the list: the fields of {@code mapping show --json} but the document, who
 * stored it, and what it defines ({@code kpis}; {@code compiles} false when today's catalog no
 * longer has a field it reads, so it cannot be activated).
 */
@Serdeable
public record RuleSetVersionBody(
        long integration,
        int version,
        boolean active,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("created_by") @Nullable String createdBy,
        boolean compiles,
        List<String> kpis) {

    static RuleSetVersionBody of(long integrationId, RuleSetHistory.VersionSummary summary) {
        return new RuleSetVersionBody(
                integrationId,
                summary.version(),
                summary.active(),
                summary.createdAt(),
                summary.createdBy().orElse(null),
                summary.compiles(),
                summary.kpis());
    }
}
