package io.scoreline.app.http.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The body of {@code POST /goals}: the options of {@code goal set}. {@code target} is a number (or
 * its text); exactly one of {@code person} (email), {@code team} (name), {@code role},
 * {@code team_members} (team name); {@code from} a day of the first period (absent: today).
 */
@Serdeable
public record GoalRequest(
        String kpi,
        String period,
        String target,
        @Nullable String person,
        @Nullable String team,
        @Nullable String role,
        @JsonProperty("team_members") @Nullable String teamMembers,
        @Nullable String from) {}
