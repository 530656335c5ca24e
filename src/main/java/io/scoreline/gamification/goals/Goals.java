package io.scoreline.gamification.goals;

import static io.scoreline.pipeline.db.Tables.KPI_VALUES;
import static io.scoreline.pipeline.db.Tables.PROFILES;

import io.scoreline.failure.ScorelineException;
import io.scoreline.gamification.contests.ContestGoalChanges;
import io.scoreline.mappings.measures.KpiMeasure;
import io.scoreline.pipeline.audit.Actor;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.goals.GoalInput;
import io.scoreline.pipeline.goals.GoalListing;
import io.scoreline.pipeline.goals.GoalPeriod;
import io.scoreline.pipeline.goals.GoalPeriodUnit;
import io.scoreline.pipeline.goals.GoalStore;
import io.scoreline.pipeline.goals.GoalSubjectNames;
import io.scoreline.pipeline.goals.GoalSubjectRef;
import io.scoreline.pipeline.goals.GoalTargets;
import io.scoreline.pipeline.goals.NewGoal;
import io.scoreline.pipeline.goals.ResolvedGoal;
import io.scoreline.pipeline.kpi.KpiInputRefused;
import io.scoreline.pipeline.kpi.measure.KpiMeasureCatalog;
import io.scoreline.pipeline.kpi.measure.KpiMeasureReader;
import io.scoreline.pipeline.people.TeamSubtrees;
import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.DSLContext;

/**
 * The goal commands and endpoints (ADR 0044): set, list and remove goals, and progress towards
 * them. "Today" is the injected clock's day in the organization's time zone; working days come
 * from the evaluator's settings, as for day streaks.
 */
@Singleton
public final class Goals {

    private final OrganizationStore organizations;
    private final GoalStore goals;
    private final TenantTransactions transactions;
    private final WorkingDays workingDays;
    private final Clock clock;
    private final ContestGoalChanges contests;

    @Inject
    public Goals(
            OrganizationStore organizations,
            GoalStore goals,
            TenantTransactions transactions,
            WorkingDays workingDays,
            Clock clock,
            ContestGoalChanges contests) {
        this.organizations = organizations;
        this.goals = goals;
        this.transactions = transactions;
        this.workingDays = workingDays;
        this.clock = clock;
        this.contests = contests;
    }

    public record GoalList(Organization organization, List<GoalListing> goals) {
        public GoalList {
            goals = List.copyOf(goals);
        }
    }

    public record SetGoal(Organization organization, GoalListing goal) {}

    public record RemovedGoal(Organization organization, GoalStore.Removal removal) {}

    public record Progress(Organization organization, GoalProgress progress) {}

    /** One line of {@code kpi show --goals}: a person's value of a KPI in the period, with their goal if any. */
    public record BoardLine(
            String email,
            String kpi,
            io.scoreline.mappings.measures.KpiUnit unit,
            io.scoreline.mappings.measures.MeasuredValue value,
            Optional<GoalProgress> progress) {}

    public record Board(Organization organization, GoalPeriod period, List<BoardLine> lines) {
        public Board {
            lines = List.copyOf(lines);
        }
    }

    public SetGoal set(String organizationSlug, NewGoal request) {
        return set(organizations.require(organizationSlug), request, Actor.OPERATOR);
    }

    public SetGoal set(long organizationId, NewGoal request, Actor actor) {
        return set(organizations.get(organizationId), request, actor);
    }

    private SetGoal set(Organization organization, NewGoal request, Actor actor) {
        GoalInput.target(request.target().toPlainString(), "target");
        var today = today(organization);
        var current = GoalPeriod.containing(request.unit(), organization.weekStart(), today);
        var first = request.from()
                .map(day -> GoalPeriod.containing(request.unit(), organization.weekStart(), day))
                .orElse(current);
        if (first.from().isBefore(current.from())) {
            throw ScorelineException.badInput("goals never change a past period: " + first.key()
                    + " is before the current " + request.unit().key() + " (" + current.key()
                    + "); use --from " + current.from() + " or later");
        }
        var set = goals.set(
                organization, request, first.from(), tx -> measure(tx, organization, request.kpiKey()), actor);
        // Boards ranked by percent of goal follow the new goal (ADR 0046).
        contests.rescore(organization, request.kpiKey(), request.unit());
        return new SetGoal(organization, set);
    }

    public GoalList list(String organizationSlug) {
        var organization = organizations.require(organizationSlug);
        return new GoalList(organization, goals.list(organization, today(organization)));
    }

    public GoalList list(long organizationId) {
        var organization = organizations.get(organizationId);
        return new GoalList(organization, goals.list(organization, today(organization)));
    }

    public RemovedGoal remove(String organizationSlug, long goalId) {
        return remove(organizations.require(organizationSlug), goalId, Actor.OPERATOR);
    }

    public RemovedGoal remove(long organizationId, long goalId, Actor actor) {
        return remove(organizations.get(organizationId), goalId, actor);
    }

    private RemovedGoal remove(Organization organization, long goalId, Actor actor) {
        var removal = goals.remove(organization, goalId, today(organization), actor);
        var goal = removal.goal().goal();
        contests.rescore(organization, goal.kpiKey(), goal.unit());
        return new RemovedGoal(organization, removal);
    }

    public Progress progress(String organizationSlug, ProgressQuery query) {
        return progress(organizations.require(organizationSlug), query);
    }

    public Progress progress(long organizationId, ProgressQuery query) {
        return progress(organizations.get(organizationId), query);
    }

    private Progress progress(Organization organization, ProgressQuery query) {
        var today = today(organization);
        var period = GoalPeriod.containing(
                query.unit(), organization.weekStart(), query.date().orElse(today));
        return new Progress(organization, transactions.inOrganization(organization.id(), tx -> {
            var measure = measure(tx, organization, query.kpiKey());
            return switch (query.subject()) {
                case GoalSubjectRef.Person person -> {
                    long profileId = profileId(tx, organization, person.email());
                    var email = person.email().strip().toLowerCase(java.util.Locale.ROOT);
                    var goal = GoalTargets.target(tx, organization.id(), profileId, query.kpiKey(), period)
                            .orElseThrow(() -> noGoal(email, query, period));
                    yield progress(tx, organization, "person", email, goal, measure, List.of(profileId), today);
                }
                case GoalSubjectRef.Team team -> {
                    var subtree = TeamSubtrees.of(tx, organization.id()).stream()
                            .filter(s -> s.name().equals(team.name().strip()))
                            .findFirst()
                            .orElseThrow(() -> ScorelineException.notFound("no team '" + team.name() + "' in "
                                    + organization.slug() + " (see `scoreline team list`)"));
                    var goal = GoalTargets.teamTarget(tx, organization.id(), subtree.teamId(), query.kpiKey(), period)
                            .orElseThrow(() -> noGoal(subtree.name(), query, period));
                    var members = tx.select(PROFILES.ID)
                            .from(PROFILES)
                            .where(PROFILES.ORGANIZATION_ID.eq(organization.id()))
                            .and(PROFILES.TEAM_ID.in(subtree.teamIds()))
                            .fetch(PROFILES.ID);
                    yield progress(tx, organization, "team", subtree.name(), goal, measure, members, today);
                }
                case GoalSubjectRef.RoleDefault _ ->
                    throw ScorelineException.badInput("progress is for a person or a team, not a role");
                case GoalSubjectRef.TeamMembers _ ->
                    throw ScorelineException.badInput("progress is for a person or a team, not a team's members");
            };
        }));
    }

    /**
     * {@code kpi show --goals}: the window must be exactly one week, month or quarter of the
     * organization (a goal is per period; a percent of a monthly goal over ten days says nothing).
     * Lines for every person with a goal in that period and every person with values in it, for
     * each KPI that has goals in the period or values in the window.
     */
    public Board board(String organizationSlug, LocalDate from, LocalDate to, Optional<String> profileEmail) {
        var organization = organizations.require(organizationSlug);
        var period = GoalWindows.exactly(organization.weekStart(), from, to)
                .orElseThrow(() -> ScorelineException.badInput("--goals needs --from and --to spanning exactly one"
                        + " week (from " + organization.weekStart().toString().toLowerCase(java.util.Locale.ROOT)
                        + "), month or quarter, e.g. --from " + from.withDayOfMonth(1) + " --to "
                        + from.withDayOfMonth(from.lengthOfMonth())));
        return board(organization, period, profileEmail);
    }

    /**
     * The API's totals with {@code goals=true}: {@link #board(String, LocalDate, LocalDate, Optional)}
     * for every person; the window, also exactly one period, is refused naming {@code from}.
     */
    public Board board(long organizationId, LocalDate from, LocalDate to) {
        var organization = organizations.get(organizationId);
        return board(organization, apiPeriod(organization, from, to), Optional.empty());
    }

    /**
     * The API's team totals with {@code goals=true}: every team (with its sub-teams) that has a goal
     * in the period, for each KPI it has one for, with the progress {@code goal progress --team} shows.
     */
    public TeamBoard teamBoard(long organizationId, LocalDate from, LocalDate to) {
        var organization = organizations.get(organizationId);
        var period = apiPeriod(organization, from, to);
        var today = today(organization);
        return new TeamBoard(organization, period, transactions.inOrganization(organization.id(), tx -> {
            var catalog = KpiMeasureCatalog.of(tx, organization.id());
            var lines = new ArrayList<GoalProgress>();
            for (var subtree : TeamSubtrees.of(tx, organization.id())) {
                List<Long> members = null;
                for (var key : new java.util.TreeSet<>(catalog.keySet())) {
                    var goal = GoalTargets.teamTarget(tx, organization.id(), subtree.teamId(), key, period);
                    if (goal.isEmpty()) {
                        continue;
                    }
                    if (members == null) {
                        members = tx.select(PROFILES.ID)
                                .from(PROFILES)
                                .where(PROFILES.ORGANIZATION_ID.eq(organization.id()))
                                .and(PROFILES.TEAM_ID.in(subtree.teamIds()))
                                .fetch(PROFILES.ID);
                    }
                    lines.add(progress(
                            tx, organization, "team", subtree.name(), goal.get(), catalog.get(key), members, today));
                }
            }
            return lines;
        }));
    }

    public record TeamBoard(Organization organization, GoalPeriod period, List<GoalProgress> lines) {
        public TeamBoard {
            lines = List.copyOf(lines);
        }
    }

    private static GoalPeriod apiPeriod(Organization organization, LocalDate from, LocalDate to) {
        return GoalWindows.exactly(organization.weekStart(), from, to)
                .orElseThrow(() -> new KpiInputRefused(
                        "from",
                        "goals=true needs from and to spanning exactly one week (from "
                                + organization.weekStart().toString().toLowerCase(java.util.Locale.ROOT)
                                + "), month or quarter, e.g. from=" + from.withDayOfMonth(1) + "&to="
                                + from.withDayOfMonth(from.lengthOfMonth())));
    }

    private Board board(Organization organization, GoalPeriod period, Optional<String> profileEmail) {
        var today = today(organization);
        return new Board(organization, period, transactions.inOrganization(organization.id(), tx -> {
            var catalog = KpiMeasureCatalog.of(tx, organization.id());
            var emails = new TreeMap<Long, String>();
            tx.select(PROFILES.ID, PROFILES.EMAIL)
                    .from(PROFILES)
                    .where(PROFILES.ORGANIZATION_ID.eq(organization.id()))
                    .forEach(r -> emails.put(r.value1(), r.value2()));
            var only = profileEmail.map(e -> profileId(tx, organization, e));
            // (email, kpi) → profile id, sorted for the table.
            var rows = new TreeMap<String, TreeMap<String, Long>>();
            var withValues = tx.selectDistinct(KPI_VALUES.PROFILE_ID, KPI_VALUES.KPI_KEY)
                    .from(KPI_VALUES)
                    .where(KPI_VALUES.ORGANIZATION_ID.eq(organization.id()))
                    .and(KPI_VALUES.PERIOD_DATE.between(period.from(), period.to()))
                    .fetch();
            var resolved = new TreeMap<String, Map<Long, ResolvedGoal>>();
            for (var key : catalog.keySet()) {
                var people = GoalTargets.people(tx, organization.id(), key, period);
                if (!people.isEmpty()) {
                    resolved.put(key, people);
                    people.keySet()
                            .forEach(p -> rows.computeIfAbsent(emails.get(p), e -> new TreeMap<>())
                                    .put(key, p));
                }
            }
            withValues.forEach(r -> rows.computeIfAbsent(emails.get(r.value1()), e -> new TreeMap<>())
                    .put(r.value2(), r.value1()));
            var lines = new ArrayList<BoardLine>();
            rows.forEach((email, byKpi) -> byKpi.forEach((key, profileId) -> {
                if (only.isPresent() && !only.get().equals(profileId)) {
                    return;
                }
                var measure =
                        catalog.getOrDefault(key, KpiMeasure.stored(key, io.scoreline.mappings.measures.KpiUnit.COUNT));
                var goal =
                        Optional.ofNullable(resolved.getOrDefault(key, Map.of()).get(profileId));
                var value = KpiMeasureReader.value(
                        tx, organization.id(), measure, List.of(profileId), period.from(), period.to());
                lines.add(new BoardLine(
                        email,
                        key,
                        measure.unit(),
                        value,
                        goal.map(g ->
                                progress(tx, organization, "person", email, g, measure, List.of(profileId), today))));
            }));
            return lines;
        }));
    }

    private GoalProgress progress(
            DSLContext tx,
            Organization organization,
            String subject,
            String name,
            ResolvedGoal goal,
            KpiMeasure measure,
            List<Long> people,
            LocalDate today) {
        var period = goal.period();
        var value = people.isEmpty()
                ? new io.scoreline.mappings.measures.MeasuredValue.Defined(BigDecimal.ZERO)
                : KpiMeasureReader.value(tx, organization.id(), measure, people, period.from(), period.to());
        return GoalProgress.of(
                subject, name, goal, GoalSubjectNames.of(tx, goal.from()), value, today, workingDays.days());
    }

    private static ScorelineException noGoal(String name, ProgressQuery query, GoalPeriod period) {
        return ScorelineException.notFound(name + " has no " + query.unit().key() + "ly goal for " + query.kpiKey()
                + " in " + period.key() + " (see `scoreline goal list`)");
    }

    private static KpiMeasure measure(DSLContext tx, Organization organization, String kpiKey) {
        var catalog = KpiMeasureCatalog.of(tx, organization.id());
        var measure = catalog.get(kpiKey);
        if (measure == null) {
            throw ScorelineException.badInput(KpiSuggestions.unknown(kpiKey, organization.slug(), catalog.keySet()));
        }
        return measure;
    }

    private static long profileId(DSLContext tx, Organization organization, String email) {
        return tx.select(PROFILES.ID)
                .from(PROFILES)
                .where(PROFILES.ORGANIZATION_ID.eq(organization.id()))
                .and(PROFILES.EMAIL.eq(email.strip().toLowerCase(java.util.Locale.ROOT)))
                .fetchOptional(PROFILES.ID)
                .orElseThrow(() -> ScorelineException.notFound(
                        "no person '" + email + "' in " + organization.slug() + " (see `scoreline profile list`)"));
    }

    private LocalDate today(Organization organization) {
        return clock.instant().atZone(organization.timezone()).toLocalDate();
    }

    /** The current period of {@code unit} for the organization, on the injected clock. */
    public GoalPeriod currentPeriod(Organization organization, GoalPeriodUnit unit) {
        return GoalPeriod.containing(unit, organization.weekStart(), today(organization));
    }
}
