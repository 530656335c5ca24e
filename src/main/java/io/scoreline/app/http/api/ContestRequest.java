package io.scoreline.app.http.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The body of {@code POST /contests}: the options of {@code contest create}. {@code target} is a
 * number (or its text), {@code grace} a duration such as {@code 24h}, {@code participants} e-mails
 * (absent: every active profile), {@code rank_by} {@code value} (default) or {@code percent_of_goal}.
 */
@Serdeable
public record ContestRequest(
        String name,
        String kpi,
        String from,
        String to,
        @Nullable Boolean teams,
        @Nullable String target,
        @Nullable String grace,
        @Nullable List<String> participants,
        @JsonProperty("rank_by") @Nullable String rankBy) {}
