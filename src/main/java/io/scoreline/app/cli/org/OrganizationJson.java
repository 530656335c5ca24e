package io.scoreline.app.cli.org;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.scoreline.pipeline.tenancy.Organization;
import java.time.Instant;
import java.util.Locale;

/** The JSON line of one organization, shared by {@code org create} and {@code org list}. */
record OrganizationJson(
        long id,
        String slug,
        String name,
        String timezone,
        @JsonProperty("week_start") String weekStart,
        @JsonProperty("created_at") Instant createdAt) {

    static OrganizationJson of(Organization organization) {
        return new OrganizationJson(
                organization.id(),
                organization.slug(),
                organization.name(),
                organization.timezone().getId(),
                organization.weekStart().name().toLowerCase(Locale.ROOT),
                organization.createdAt());
    }
}
