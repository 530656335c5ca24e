package io.scoreline.pipeline.goals;

import static io.scoreline.pipeline.db.Tables.GOALS;

import io.scoreline.pipeline.db.tables.records.GoalsRecord;
import io.scoreline.pipeline.people.Role;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;

/** Reads goal rows inside the caller's transaction. */
final class GoalRows {

    private GoalRows() {}

    /** The goals for {@code kpiKey} that apply to {@code period}, latest start first. */
    static List<Goal> applying(DSLContext tx, long organizationId, String kpiKey, GoalPeriod period) {
        return select(
                tx,
                GOALS.ORGANIZATION_ID
                        .eq(organizationId)
                        .and(GOALS.KPI_KEY.eq(kpiKey))
                        .and(GOALS.PERIOD_UNIT.eq(period.unit().key()))
                        .and(GOALS.STARTS_ON.le(period.from()))
                        .and(GOALS.ENDS_ON.isNull().or(GOALS.ENDS_ON.ge(period.to()))));
    }

    static List<Goal> select(DSLContext tx, Condition condition) {
        return tx.selectFrom(GOALS)
                .where(condition)
                .orderBy(GOALS.STARTS_ON.desc(), GOALS.ID.desc())
                .fetch(GoalRows::goal);
    }

    static Goal goal(GoalsRecord r) {
        GoalSubject subject = switch (r.getSubjectKind()) {
            case "person" -> new GoalSubject.Person(r.getProfileId());
            case "team" -> new GoalSubject.Team(r.getTeamId());
            case "team_members" -> new GoalSubject.TeamMembers(r.getTeamId());
            case "role" -> new GoalSubject.RoleDefault(Role.fromKey(r.getRole()));
            default -> throw new IllegalStateException("unknown goal subject " + r.getSubjectKind());
        };
        return new Goal(
                r.getId(),
                r.getKpiKey(),
                GoalPeriodUnit.fromKey(r.getPeriodUnit()),
                subject,
                r.getTarget(),
                r.getStartsOn(),
                Optional.ofNullable(r.getEndsOn()));
    }
}
