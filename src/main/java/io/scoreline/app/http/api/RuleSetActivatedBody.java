package io.scoreline.app.http.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What activating a version did: the fields of {@code mapping activate --json} ({@code activated}
 * false when it was already active; {@code diff} from the version that was active), and that version.
 */
@Serdeable
public record RuleSetActivatedBody(
        long integration,
        int version,
        boolean activated,
        String diff,
        @JsonProperty("previous_version") @Nullable Integer previousVersion) {}
