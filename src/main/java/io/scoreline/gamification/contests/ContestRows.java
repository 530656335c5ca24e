package io.scoreline.gamification.contests;

import io.scoreline.mappings.measures.KpiUnit;
import io.scoreline.pipeline.db.tables.records.ContestsRecord;
import java.time.Duration;
import java.util.Optional;

/** Maps {@code contests} rows to {@link Contest}s. */
final class ContestRows {

    private ContestRows() {}

    static Contest contest(ContestsRecord r) {
        return new Contest(
                r.getId(),
                r.getOrganizationId(),
                r.getName(),
                r.getKpiKey(),
                KpiUnit.fromKey(r.getUnit()).orElse(KpiUnit.COUNT),
                r.getStartsOn(),
                r.getEndsOn(),
                r.getTeamMode(),
                Optional.ofNullable(r.getTarget()),
                Duration.ofSeconds(r.getGraceSeconds()),
                ContestStatus.fromKey(r.getStatus()),
                r.getCreatedAt().toInstant(),
                Optional.ofNullable(r.getFinalizedAt()).map(t -> t.toInstant()));
    }
}
