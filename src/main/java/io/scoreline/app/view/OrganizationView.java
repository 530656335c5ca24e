package io.scoreline.app.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.pipeline.tenancy.Organization;
import java.time.Instant;
import java.util.Locale;

/** An organization: {@code org create|list|update --json} and the API's organization body. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OrganizationView(
        long id,
        String slug,
        String name,
        String timezone,
        @JsonProperty("week_start") String weekStart,
        @JsonProperty("created_at") Instant createdAt) {

    public static OrganizationView of(Organization organization) {
        return new OrganizationView(
                organization.id(),
                organization.slug(),
                organization.name(),
                organization.timezone().getId(),
                organization.weekStart().name().toLowerCase(Locale.ROOT),
                organization.createdAt());
    }
}
