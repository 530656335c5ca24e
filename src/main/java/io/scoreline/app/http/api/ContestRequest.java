package io.scoreline.app.http.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The body of {@code POST /contests}: the options of {@code contest create}. {@code target} is a
 * number (or its text), {@code grace} a duration such as {@code 24h}, {@code participants} e-mails
 * (absent: every active profile); {@code format} standard, race or head_to_head, {@code pairs}
 * {@code "a@x:b@x"} items, {@code every} week or month (then {@code to} is absent), {@code hidden}
 * (ADR 0045); {@code rank_by} value (default) or percent_of_goal (ADR 0046).
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
        @Nullable String format,
        @Nullable List<String> pairs,
        @Nullable String every,
        @Nullable Boolean hidden,
        @JsonProperty("rank_by") @Nullable String rankBy) {}
