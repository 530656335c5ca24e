package io.scoreline.gamification.contests;

import io.scoreline.mappings.measures.KpiUnit;
import io.scoreline.pipeline.db.tables.records.ContestsRecord;
import io.scoreline.pipeline.goals.GoalPeriodUnit;
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
                Optional.ofNullable(r.getFinalizedAt()).map(t -> t.toInstant()),
                ContestFormat.fromKey(r.getFormat()),
                r.getHidden(),
                Optional.ofNullable(r.getSeriesId()),
                RankBy.fromKey(r.getRankBy()),
                r.getGoalPeriodUnit() == null
                        ? Optional.empty()
                        : Optional.of(GoalWindow.stored(
                                GoalPeriodUnit.fromKey(r.getGoalPeriodUnit()), r.getGoalPeriodFrom())));
    }
}
