package io.scoreline.gamification.goals;

import static io.scoreline.pipeline.db.Tables.PROFILES;

import io.scoreline.gamification.contests.Leaderboard;
import io.scoreline.gamification.contests.Leaderboards;
import io.scoreline.mappings.measures.MeasuredValue;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.goals.GoalPeriod;
import io.scoreline.pipeline.goals.GoalSubjectNames;
import io.scoreline.pipeline.goals.GoalTargets;
import io.scoreline.pipeline.goals.ResolvedGoal;
import io.scoreline.pipeline.kpi.measure.KpiMeasureCache;
import io.scoreline.pipeline.kpi.measure.KpiMeasureReader;
import io.scoreline.pipeline.people.TeamSubtrees;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * A contest's leaderboard with each participant's goal beside their score (issue 23: percent to
 * goal and pace "in boards"): {@code leaderboard} and {@code GET /contests/{id}/leaderboard}.
 *
 * <p>The goal is the one of the period that holds the contest's window ({@link
 * GoalWindows#holding}); a window across two quarters has none. Percent and pace are those of
 * {@code goal progress} for that person or team in that period: the value over the whole period
 * (a weekly contest inside a monthly goal shows the month's progress), pace on the injected
 * clock's day over working days. A person's goal resolves as everywhere (own, team members', role
 * default); a team row shows the team's own goal against the team's total with its sub-teams.
 */
@Singleton
public final class ContestGoals {

    private static final String PROFILE = "profile:";
    private static final String TEAM = "team:";

    private final Leaderboards leaderboards;
    private final OrganizationStore organizations;
    private final TenantTransactions transactions;
    private final KpiMeasureCache measures;
    private final WorkingDays workingDays;
    private final Clock clock;

    @Inject
    public ContestGoals(
            Leaderboards leaderboards,
            OrganizationStore organizations,
            TenantTransactions transactions,
            KpiMeasureCache measures,
            WorkingDays workingDays,
            Clock clock) {
        this.leaderboards = leaderboards;
        this.organizations = organizations;
        this.transactions = transactions;
        this.measures = measures;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    /**
     * The board, the goal period its window falls in (empty: none holds it), and the progress of
     * every participant that has a goal there, by participant key ({@code profile:<id>}, {@code team:<id>}).
     */
    public record GoalBoard(Leaderboard leaderboard, Optional<GoalPeriod> period, Map<String, GoalProgress> goals) {
        public GoalBoard {
            goals = Map.copyOf(goals);
        }

        public Optional<GoalProgress> goalOf(String participantKey) {
            return Optional.ofNullable(goals.get(participantKey));
        }
    }

    /** @throws io.scoreline.failure.ScorelineException not found when there is no such contest */
    public GoalBoard show(long contestId) {
        return withGoals(leaderboards.show(contestId));
    }

    /** The board of a contest of {@code organizationId}; another organization's contest is not found. */
    public GoalBoard show(long organizationId, long contestId) {
        return withGoals(leaderboards.show(organizationId, contestId));
    }

    private GoalBoard withGoals(Leaderboard board) {
        var contest = board.contest();
        var organization = organizations.get(contest.organizationId());
        var period = GoalWindows.holding(organization.weekStart(), contest.startsOn(), contest.endsOn());
        if (period.isEmpty() || board.entries().isEmpty()) {
            return new GoalBoard(board, period, Map.of());
        }
        var today = clock.instant().atZone(organization.timezone()).toLocalDate();
        var goals = transactions.inOrganization(organization.id(), tx -> {
            var found = new HashMap<String, GoalProgress>();
            var measure = measures.of(tx, organization.id()).of(contest.kpiKey());
            var names = new HashMap<Long, String>();
            var span = period.get();
            if (contest.teams()) {
                var subtrees = TeamSubtrees.of(tx, organization.id());
                for (var entry : board.entries()) {
                    var teamId = id(entry.participantKey(), TEAM);
                    if (teamId.isEmpty()) {
                        continue;
                    }
                    var goal = GoalTargets.teamTarget(tx, organization.id(), teamId.get(), contest.kpiKey(), span);
                    var subtree = subtrees.stream()
                            .filter(s -> s.teamId() == teamId.get())
                            .findFirst();
                    if (goal.isEmpty() || subtree.isEmpty()) {
                        continue;
                    }
                    var members = tx.select(PROFILES.ID)
                            .from(PROFILES)
                            .where(PROFILES.ORGANIZATION_ID.eq(organization.id()))
                            .and(PROFILES.TEAM_ID.in(subtree.get().teamIds()))
                            .fetch(PROFILES.ID);
                    // As `goal progress --team`: a team without members has done nothing yet.
                    var value = members.isEmpty()
                            ? new MeasuredValue.Defined(BigDecimal.ZERO)
                            : KpiMeasureReader.value(tx, organization.id(), measure, members, span.from(), span.to());
                    found.put(
                            entry.participantKey(),
                            progress(tx, names, "team", entry.participant(), goal.get(), value, today));
                }
                return found;
            }
            Map<Long, ResolvedGoal> targets = GoalTargets.people(tx, organization.id(), contest.kpiKey(), span);
            var withGoal = new ArrayList<Long>();
            var byPerson = new HashMap<Long, String>();
            for (var entry : board.entries()) {
                id(entry.participantKey(), PROFILE).filter(targets::containsKey).ifPresent(person -> {
                    withGoal.add(person);
                    byPerson.put(person, entry.participantKey());
                });
            }
            if (withGoal.isEmpty()) {
                return found;
            }
            // One read for the whole board; only people with nothing stored in the period are asked
            // again one by one (their value is zero for a sum, undefined for a ratio: the reader says which).
            var values =
                    KpiMeasureReader.valuesByPerson(tx, organization.id(), measure, withGoal, span.from(), span.to());
            for (var entry : board.entries()) {
                var person = id(entry.participantKey(), PROFILE);
                if (person.isEmpty() || !targets.containsKey(person.get())) {
                    continue;
                }
                var value = values.get(person.get());
                if (value == null) {
                    value = KpiMeasureReader.value(
                            tx, organization.id(), measure, List.of(person.get()), span.from(), span.to());
                }
                found.put(
                        entry.participantKey(),
                        progress(tx, names, "person", entry.participant(), targets.get(person.get()), value, today));
            }
            return found;
        });
        return new GoalBoard(board, period, goals);
    }

    private GoalProgress progress(
            DSLContext tx,
            Map<Long, String> goalNames,
            String subject,
            String name,
            ResolvedGoal goal,
            MeasuredValue value,
            LocalDate today) {
        // Many rows share one goal (a role default): its subject's name is read once.
        var goalName = goalNames.computeIfAbsent(goal.goalId(), id -> GoalSubjectNames.of(tx, goal.from()));
        return GoalProgress.of(subject, name, goal, goalName, value, today, workingDays.days());
    }

    private static Optional<Long> id(String participantKey, String prefix) {
        return participantKey.startsWith(prefix)
                ? Optional.of(Long.parseLong(participantKey.substring(prefix.length())))
                : Optional.empty();
    }
}
