package io.scoreline.pipeline.goals;

import static io.scoreline.pipeline.db.Tables.PROFILES;
import static io.scoreline.pipeline.db.Tables.TEAMS;

import org.jooq.DSLContext;

/** How a goal's subject is named for people: the person's email, the team's name or the role. */
public final class GoalSubjectNames {

    private GoalSubjectNames() {}

    public static String of(DSLContext tx, GoalSubject subject) {
        return switch (subject) {
            case GoalSubject.Person p ->
                tx.select(PROFILES.EMAIL)
                        .from(PROFILES)
                        .where(PROFILES.ID.eq(p.profileId()))
                        .fetchSingle(PROFILES.EMAIL);
            case GoalSubject.Team t -> team(tx, t.teamId());
            case GoalSubject.TeamMembers m -> team(tx, m.teamId());
            case GoalSubject.RoleDefault r -> r.role().key();
        };
    }

    private static String team(DSLContext tx, long teamId) {
        return tx.select(TEAMS.NAME).from(TEAMS).where(TEAMS.ID.eq(teamId)).fetchSingle(TEAMS.NAME);
    }
}
