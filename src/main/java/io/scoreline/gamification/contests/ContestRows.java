package io.scoreline.gamification.contests;

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
                r.getStartsOn(),
                r.getEndsOn(),
                r.getTeamMode(),
                Optional.ofNullable(r.getTarget()),
                Duration.ofSeconds(r.getGraceSeconds()),
                ContestStatus.fromKey(r.getStatus()),
                r.getCreatedAt().toInstant(),
                Optional.ofNullable(r.getFinalizedAt()).map(t -> t.toInstant()),
                ContestRanking.fromKey(r.getRankBy()));
    }
}
