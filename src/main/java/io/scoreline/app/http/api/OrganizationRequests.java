package io.scoreline.app.http.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The bodies of the organization endpoints: the fields each accepts (ADR 0038). */
final class OrganizationRequests {

    private OrganizationRequests() {}

    /** {@code PATCH /organization}: any of the three; an absent field stays as it is. */
    @Serdeable
    record Change(
            @Nullable String name,
            @Nullable String timezone,
            @JsonProperty("week_start") @Nullable String weekStart) {}

    /** {@code POST /organizations}: as {@code org create}. */
    @Serdeable
    record Create(
            String slug,
            String name,
            String timezone,
            @JsonProperty("week_start") @Nullable String weekStart) {}
}
