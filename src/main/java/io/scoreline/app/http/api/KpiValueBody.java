package io.scoreline.app.http.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.pipeline.kpi.KpiValue;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A person's KPI value over one group of days: the words of {@code kpi show --json} (profile, kpi,
 * date, value) plus the profile's id and the number of facts. {@code date} is the group's first
 * day, absent when the group is the whole window.
 */
@Serdeable
public record KpiValueBody(
        @JsonProperty("profile_id") long profileId,
        String profile,
        String kpi,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable LocalDate date,
        BigDecimal value,
        long facts) {

    static KpiValueBody of(KpiValue value) {
        return new KpiValueBody(
                value.profileId(),
                value.profileEmail(),
                value.kpiKey(),
                value.period().orElse(null),
                value.value(),
                value.factCount());
    }
}
