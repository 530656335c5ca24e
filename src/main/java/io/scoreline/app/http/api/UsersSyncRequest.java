package io.scoreline.app.http.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/** The body of {@code POST /api/v1/integrations/{integrationId}/users/sync}: the options of {@code users sync}. */
@Serdeable
public record UsersSyncRequest(
        @JsonProperty("create_profiles") Boolean createProfiles,
        @JsonProperty("teams_from_crm") Boolean teamsFromCrm) {}
