package io.scoreline.app.http.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.pipeline.tenancy.Organization;
import java.time.Instant;
import java.util.Locale;

/** An organization as the API shows it: the fields and words of {@code org list --json}. */
@Serdeable
public record OrganizationBody(
        long id,
        String slug,
        String name,
        String timezone,
        @JsonProperty("week_start") String weekStart,
        @JsonProperty("created_at") Instant createdAt) {

    static OrganizationBody of(Organization organization) {
        return new OrganizationBody(
                organization.id(),
                organization.slug(),
                organization.name(),
                organization.timezone().getId(),
                organization.weekStart().name().toLowerCase(Locale.ROOT),
                organization.createdAt());
    }
}
