package io.scoreline.gamification.contests;

import static io.scoreline.pipeline.db.Tables.CONTEST_LEADERBOARDS;
import static io.scoreline.pipeline.db.Tables.CONTEST_PARTICIPANTS;

import io.scoreline.pipeline.people.TeamRoots;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;

/**
 * Fixes a team contest's teams when it goes live: each participant counts for the top-level team
 * they are in at the start, for the whole contest. A person who changes team later stays with that
 * team (the leaderboard would otherwise jump when someone is moved); someone moved between the
 * contest's creation and its start counts for their new team.
 */
final class ContestTeams {

    private ContestTeams() {}

    static void fixAtStart(DSLContext tx, Contest contest) {
        var people = tx.select(CONTEST_PARTICIPANTS.PROFILE_ID)
                .from(CONTEST_PARTICIPANTS)
                .where(CONTEST_PARTICIPANTS.CONTEST_ID.eq(contest.id()))
                .fetch(CONTEST_PARTICIPANTS.PROFILE_ID);
        var roots = TeamRoots.of(tx, contest.organizationId(), people);
        Set<String> keys = new TreeSet<>();
        for (var person : people) {
            var team = roots.get(person);
            tx.update(CONTEST_PARTICIPANTS)
                    .set(CONTEST_PARTICIPANTS.TEAM_ID, team)
                    .where(CONTEST_PARTICIPANTS.CONTEST_ID.eq(contest.id()))
                    .and(CONTEST_PARTICIPANTS.PROFILE_ID.eq(person))
                    .and(CONTEST_PARTICIPANTS.TEAM_ID.isDistinctFrom(team))
                    .execute();
            if (team != null) {
                keys.add(Participant.teamKey(team));
            }
        }
        tx.deleteFrom(CONTEST_LEADERBOARDS)
                .where(CONTEST_LEADERBOARDS.CONTEST_ID.eq(contest.id()))
                .and(CONTEST_LEADERBOARDS.PARTICIPANT_KEY.notIn(keys))
                .execute();
        for (var key : keys) {
            tx.insertInto(CONTEST_LEADERBOARDS)
                    .set(CONTEST_LEADERBOARDS.CONTEST_ID, contest.id())
                    .set(CONTEST_LEADERBOARDS.ORGANIZATION_ID, contest.organizationId())
                    .set(CONTEST_LEADERBOARDS.PARTICIPANT_KEY, key)
                    .onConflictDoNothing()
                    .execute();
        }
    }
}
