package io.scoreline.gamification.contests;

import static io.scoreline.pipeline.db.Tables.CONTESTS;
import static io.scoreline.pipeline.db.Tables.CONTEST_LEADERBOARDS;
import static io.scoreline.pipeline.db.Tables.CONTEST_PARTICIPANTS;
import static io.scoreline.pipeline.db.Tables.CONTEST_SERIES;
import static io.scoreline.pipeline.db.Tables.PROFILES;
import static io.scoreline.pipeline.db.Tables.TEAMS;

import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.audit.Actor;
import io.scoreline.pipeline.audit.AuditEntry;
import io.scoreline.pipeline.audit.AuditLog;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.goals.GoalPeriod;
import io.scoreline.pipeline.people.TeamRoots;
import io.scoreline.pipeline.tenancy.Organization;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.impl.DSL;

/**
 * Creates contests and reads them back. A new contest starts {@code scheduled} with a zero row per
 * person (or team) on its leaderboard; the lifecycle ticker takes it live on its first day.
 */
public final class ContestStore {

    private final TenantTransactions transactions;

    public ContestStore(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    public ContestSummary create(Organization organization, NewContest request) {
        return create(organization, request, Actor.OPERATOR);
    }

    /** Creates it for {@code actor}, with its audit row in the same transaction. */
    public ContestSummary create(Organization organization, NewContest request, Actor actor) {
        return transactions.inOrganization(organization.id(), tx -> {
            // A recurring contest is the first period of its series (ADR 0045).
            var series = request.options().every().map(every -> ContestSeriesStore.insert(tx, organization, request));
            return insert(tx, organization, request, series, actor);
        });
    }

    /** Inserts the contest, its participants (and pairs) and zero rows in {@code tx}; @return it with its entries */
    static ContestSummary insert(
            DSLContext tx, Organization organization, NewContest request, Optional<Long> seriesId, Actor actor) {
        // Stored, snapshot and derived KPIs (scorecards included) alike (ADR 0042).
        var known = KnownKpis.measures(tx, organization.id());
        if (!known.containsKey(request.kpiKey())) {
            throw ScorelineException.badInput("unknown KPI '" + request.kpiKey() + "' in " + organization.slug() + ": "
                    + (known.isEmpty()
                            ? "it has no mapping rules yet (see `scoreline mapping set`)"
                            : "use one of " + String.join(", ", known.keySet())));
        }
        var unit = known.get(request.kpiKey()).unit();
        var people = participants(tx, organization, request);
        var options = request.options();
        var pairs = options.format() == ContestFormat.HEAD_TO_HEAD
                ? HeadToHeadPairs.assign(tx, organization, request, people)
                : Map.<Long, Integer>of();
        if (options.format() == ContestFormat.HEAD_TO_HEAD) {
            // A person left without an opponent (an odd number, automatic pairing) sits this one out.
            people = people.stream().filter(p -> pairs.containsKey(p.value1())).toList();
        }
        if (request.teams()) {
            // Team contests rank top-level teams, each with its sub-teams (ADR 0037).
            var roots = TeamRoots.of(
                    tx, organization.id(), people.stream().map(Record2::value1).toList());
            people = people.stream()
                    .filter(p -> roots.containsKey(p.value1()))
                    .map(p -> tx.newRecord(PROFILES.ID, PROFILES.TEAM_ID).values(p.value1(), roots.get(p.value1())))
                    .toList();
            if (people.isEmpty()) {
                throw ScorelineException.badInput("--teams needs participants who are in a team; none of them is");
            }
        }
        // The goal period is fixed now, in the organization's calendar of today (ADR 0046).
        var goalPeriod = options.rankBy() == RankBy.PERCENT_OF_GOAL
                ? Optional.of(GoalWindow.of(organization.weekStart(), request.startsOn(), request.endsOn()))
                : Optional.<GoalPeriod>empty();
        if (options.every().isPresent()
                && goalPeriod.isPresent()
                && !(goalPeriod.get().from().equals(request.startsOn())
                        && goalPeriod.get().to().equals(request.endsOn()))) {
            // Else a later period could fall across two goal periods and never be created.
            throw ScorelineException.badInput("a recurring contest ranked by percent_of_goal starts on the first day of"
                    + " a week (from " + organization.weekStart().toString().toLowerCase(java.util.Locale.ROOT)
                    + ") or of a month, so each period is one goal period; " + request.startsOn() + " to "
                    + request.endsOn() + " is not " + goalPeriod.get().key());
        }
        var row = tx.insertInto(CONTESTS)
                .set(CONTESTS.ORGANIZATION_ID, organization.id())
                .set(CONTESTS.NAME, request.name())
                .set(CONTESTS.KPI_KEY, request.kpiKey())
                .set(CONTESTS.UNIT, unit.key())
                .set(CONTESTS.STARTS_ON, request.startsOn())
                .set(CONTESTS.ENDS_ON, request.endsOn())
                .set(CONTESTS.TEAM_MODE, request.teams())
                .set(CONTESTS.TARGET, request.target().orElse(null))
                .set(CONTESTS.GRACE_SECONDS, Math.toIntExact(request.grace().toSeconds()))
                .set(CONTESTS.STATUS, ContestStatus.SCHEDULED.key())
                .set(CONTESTS.FORMAT, options.format().key())
                .set(CONTESTS.HIDDEN, options.hidden())
                .set(CONTESTS.SERIES_ID, seriesId.orElse(null))
                .set(CONTESTS.RANK_BY, options.rankBy().key())
                .set(
                        CONTESTS.GOAL_PERIOD_UNIT,
                        goalPeriod.map(p -> p.unit().key()).orElse(null))
                .set(CONTESTS.GOAL_PERIOD_FROM, goalPeriod.map(GoalPeriod::from).orElse(null))
                .returning()
                .fetchSingle();
        var contest = ContestRows.contest(row);
        var keys = new TreeSet<String>();
        for (var person : people) {
            tx.insertInto(CONTEST_PARTICIPANTS)
                    .set(CONTEST_PARTICIPANTS.CONTEST_ID, contest.id())
                    .set(CONTEST_PARTICIPANTS.ORGANIZATION_ID, organization.id())
                    .set(CONTEST_PARTICIPANTS.PROFILE_ID, person.value1())
                    .set(CONTEST_PARTICIPANTS.TEAM_ID, person.value2())
                    .set(CONTEST_PARTICIPANTS.PAIR_NO, pairs.get(person.value1()))
                    .execute();
            keys.add(request.teams() ? Participant.teamKey(person.value2()) : Participant.profileKey(person.value1()));
        }
        for (var key : keys) {
            tx.insertInto(CONTEST_LEADERBOARDS)
                    .set(CONTEST_LEADERBOARDS.CONTEST_ID, contest.id())
                    .set(CONTEST_LEADERBOARDS.ORGANIZATION_ID, organization.id())
                    .set(CONTEST_LEADERBOARDS.PARTICIPANT_KEY, key)
                    .execute();
        }
        LeaderboardRanking.rerank(tx, contest.id());
        var changes = new LinkedHashMap<String, Object>();
        changes.put("name", contest.name());
        changes.put("kpi", contest.kpiKey());
        changes.put("unit", contest.unit().key());
        changes.put("from", contest.startsOn().toString());
        changes.put("to", contest.endsOn().toString());
        changes.put("teams", contest.teams());
        contest.target()
                .ifPresent(t -> changes.put("target", t.stripTrailingZeros().toPlainString()));
        changes.put("grace", contest.grace().toString());
        changes.put("entries", keys.size());
        changes.put("format", contest.format().key());
        if (contest.rankBy() != RankBy.VALUE) {
            changes.put("rank_by", contest.rankBy().key());
            contest.goalPeriod().ifPresent(p -> changes.put("goal_period", p.key()));
        }
        if (contest.hidden()) {
            changes.put("hidden", true);
        }
        seriesId.ifPresent(id -> changes.put("series", id));
        AuditLog.append(
                tx, organization.id(), new AuditEntry(actor, "contest.create", "contest:" + contest.id(), changes));
        return new ContestSummary(contest, keys.size(), seriesId.isPresent() ? options.every() : Optional.empty());
    }

    /** (profile id, team id) of the named people, or of every active profile when none are named. */
    private static List<Record2<Long, Long>> participants(
            DSLContext tx, Organization organization, NewContest request) {
        if (!request.options().pairs().isEmpty()) {
            request = request.withParticipants(
                    HeadToHeadPairs.emails(request.options().pairs()));
        }
        if (request.participants().isEmpty()) {
            var all = tx.select(PROFILES.ID, PROFILES.TEAM_ID)
                    .from(PROFILES)
                    .where(PROFILES.ORGANIZATION_ID.eq(organization.id()))
                    .and(PROFILES.ACTIVE)
                    .orderBy(PROFILES.ID)
                    .fetch();
            if (all.isEmpty()) {
                throw ScorelineException.badInput(
                        organization.slug() + " has no active profiles to enter into a contest "
                                + "(see `scoreline users sync --create-profiles`)");
            }
            return all;
        }
        var found = tx.select(PROFILES.EMAIL, PROFILES.ID, PROFILES.TEAM_ID)
                .from(PROFILES)
                .where(PROFILES.ORGANIZATION_ID.eq(organization.id()))
                .and(PROFILES.EMAIL.in(request.participants()))
                .fetchMap(PROFILES.EMAIL);
        var unknown = request.participants().stream()
                .filter(e -> !found.containsKey(e))
                .toList();
        if (!unknown.isEmpty()) {
            throw ScorelineException.badInput(
                    "no profile in " + organization.slug() + " for " + String.join(", ", unknown));
        }
        return request.participants().stream()
                .map(e -> tx.newRecord(PROFILES.ID, PROFILES.TEAM_ID)
                        .values(found.get(e).value2(), found.get(e).value3()))
                .toList();
    }

    public List<ContestSummary> list(long organizationId) {
        return transactions.inOrganization(
                organizationId, tx -> summaries(tx, CONTESTS.ORGANIZATION_ID.eq(organizationId), Integer.MAX_VALUE));
    }

    /**
     * At most {@code limit} contests after {@code after} in the order of {@link #list}: latest first
     * day first, then latest created.
     */
    public List<ContestSummary> page(long organizationId, Optional<ContestCursor> after, int limit) {
        var condition = CONTESTS.ORGANIZATION_ID.eq(organizationId);
        if (after.isPresent()) {
            condition = condition.and(DSL.row(CONTESTS.STARTS_ON, CONTESTS.ID)
                    .lt(after.get().startsOn(), after.get().id()));
        }
        var where = condition;
        return transactions.inOrganization(organizationId, tx -> summaries(tx, where, limit));
    }

    /** One contest of the organization; another organization's is not found. */
    public ContestSummary get(long organizationId, long contestId) {
        return transactions.inOrganization(
                organizationId,
                tx ->
                        summaries(
                                        tx,
                                        CONTESTS.ORGANIZATION_ID
                                                .eq(organizationId)
                                                .and(CONTESTS.ID.eq(contestId)),
                                        1)
                                .stream()
                                .findFirst()
                                .orElseThrow(() -> notFound(contestId)));
    }

    private static List<ContestSummary> summaries(DSLContext tx, Condition where, int limit) {
        return tx.select(CONTESTS.asterisk(), DSL.count(CONTEST_LEADERBOARDS.PARTICIPANT_KEY), CONTEST_SERIES.EVERY)
                .from(CONTESTS)
                .leftJoin(CONTEST_LEADERBOARDS)
                .on(CONTEST_LEADERBOARDS.CONTEST_ID.eq(CONTESTS.ID))
                .leftJoin(CONTEST_SERIES)
                .on(CONTEST_SERIES.ID.eq(CONTESTS.SERIES_ID))
                .where(where)
                .groupBy(CONTESTS.ID, CONTEST_SERIES.EVERY)
                .orderBy(CONTESTS.STARTS_ON.desc(), CONTESTS.ID.desc())
                .limit(limit)
                .fetch(r -> new ContestSummary(
                        ContestRows.contest(r.into(CONTESTS)),
                        r.get(DSL.count(CONTEST_LEADERBOARDS.PARTICIPANT_KEY)),
                        Optional.ofNullable(r.get(CONTEST_SERIES.EVERY)).map(Recurrence::fromKey)));
    }

    /**
     * Cancels a contest that has not ended: one compare-and-set on its status, so that a lifecycle
     * step or a leaderboard update running at the same time either happens before it (and is kept)
     * or sees the contest cancelled and does nothing. A contest already cancelled is answered as it
     * is, without a second audit row; a final one cannot be cancelled.
     */
    public ContestSummary cancel(long organizationId, long contestId, Instant now, Actor actor) {
        return transactions.inOrganization(organizationId, tx -> {
            var current = tx.selectFrom(CONTESTS)
                    .where(CONTESTS.ORGANIZATION_ID.eq(organizationId))
                    .and(CONTESTS.ID.eq(contestId))
                    .forNoKeyUpdate()
                    .fetchOptional()
                    .map(ContestRows::contest)
                    .orElseThrow(() -> notFound(contestId));
            if (current.status() == ContestStatus.FINAL) {
                throw ScorelineException.conflict(
                        "contest " + contestId + " is final; a final contest cannot be cancelled");
            }
            if (current.status().cancellable()) {
                tx.update(CONTESTS)
                        .set(CONTESTS.STATUS, ContestStatus.CANCELLED.key())
                        .set(CONTESTS.CANCELLED_AT, now.atOffset(ZoneOffset.UTC))
                        .where(CONTESTS.ID.eq(contestId))
                        .execute();
                AuditLog.append(
                        tx,
                        organizationId,
                        new AuditEntry(
                                actor,
                                "contest.cancel",
                                "contest:" + contestId,
                                Map.of(
                                        "status",
                                        ContestStatus.CANCELLED.key(),
                                        "was",
                                        current.status().key())));
            }
            return summaries(tx, CONTESTS.ID.eq(contestId), 1).getFirst();
        });
    }

    /**
     * Stops the series {@code contestId} belongs to (no period is created after this) and cancels
     * each of its contests that has not ended, with one audit row (ADR 0045).
     */
    public ContestSummary cancelSeries(long organizationId, long contestId, Instant now, Actor actor) {
        return transactions.inOrganization(organizationId, tx -> {
            var current = tx.selectFrom(CONTESTS)
                    .where(CONTESTS.ORGANIZATION_ID.eq(organizationId))
                    .and(CONTESTS.ID.eq(contestId))
                    .fetchOptional()
                    .map(ContestRows::contest)
                    .orElseThrow(() -> notFound(contestId));
            long seriesId = current.seriesId()
                    .orElseThrow(() -> ScorelineException.badInput(
                            "contest " + contestId + " is not part of a series; cancel it without --series"));
            boolean stopped = ContestSeriesStore.cancel(tx, seriesId, now);
            var cancelled = tx.update(CONTESTS)
                    .set(CONTESTS.STATUS, ContestStatus.CANCELLED.key())
                    .set(CONTESTS.CANCELLED_AT, now.atOffset(ZoneOffset.UTC))
                    .where(CONTESTS.SERIES_ID.eq(seriesId))
                    .and(CONTESTS.STATUS.in(
                            ContestStatus.SCHEDULED.key(), ContestStatus.LIVE.key(), ContestStatus.PROVISIONAL.key()))
                    .returning(CONTESTS.ID)
                    .fetch(CONTESTS.ID);
            if (stopped || !cancelled.isEmpty()) {
                AuditLog.append(
                        tx,
                        organizationId,
                        new AuditEntry(
                                actor,
                                "contest_series.cancel",
                                "contest_series:" + seriesId,
                                Map.of(
                                        "cancelled_contests",
                                        cancelled.stream().sorted().toList())));
            }
            return summaries(tx, CONTESTS.ID.eq(contestId), 1).getFirst();
        });
    }

    /**
     * Makes a hidden contest (and its series' later periods) visible. Nothing that happened while it
     * was hidden is announced afterwards: notifications follow changes from now on (ADR 0045).
     */
    public ContestSummary reveal(long organizationId, long contestId, Actor actor) {
        return transactions.inOrganization(organizationId, tx -> {
            var current = tx.selectFrom(CONTESTS)
                    .where(CONTESTS.ORGANIZATION_ID.eq(organizationId))
                    .and(CONTESTS.ID.eq(contestId))
                    .forNoKeyUpdate()
                    .fetchOptional()
                    .map(ContestRows::contest)
                    .orElseThrow(() -> notFound(contestId));
            if (current.hidden()) {
                tx.update(CONTESTS)
                        .set(CONTESTS.HIDDEN, false)
                        .where(CONTESTS.ID.eq(contestId))
                        .execute();
                current.seriesId()
                        .ifPresent(seriesId -> tx.update(CONTEST_SERIES)
                                .set(CONTEST_SERIES.HIDDEN, false)
                                .where(CONTEST_SERIES.ID.eq(seriesId))
                                .execute());
                AuditLog.append(
                        tx,
                        organizationId,
                        new AuditEntry(actor, "contest.reveal", "contest:" + contestId, Map.of("hidden", false)));
            }
            return summaries(tx, CONTESTS.ID.eq(contestId), 1).getFirst();
        });
    }

    private static ScorelineException notFound(long contestId) {
        return ScorelineException.notFound(
                "no contest with id " + contestId + " (see `scoreline contest list --org S`)");
    }

    /** The organization a contest belongs to, looked up across tenants through the directory. */
    public long organizationOf(long contestId) {
        return transactions
                .withoutOrganization(tx -> tx.resultQuery(
                                "select organization_id from scoreline_contest_directory() where id = ?", contestId)
                        .fetchOptional(r -> r.get(0, Long.class)))
                .orElseThrow(() -> notFound(contestId));
    }

    public Leaderboard leaderboard(long contestId) {
        return leaderboard(organizationOf(contestId), contestId);
    }

    /** The board of a contest of {@code organizationId} ({@link #organizationOf}); another organization's contest is not found. */
    public Leaderboard leaderboard(long organizationId, long contestId) {
        return transactions.inOrganization(organizationId, tx -> {
            var contest = ContestRows.contest(tx.selectFrom(CONTESTS)
                    .where(CONTESTS.ORGANIZATION_ID.eq(organizationId))
                    .and(CONTESTS.ID.eq(contestId))
                    .fetchOptional()
                    .orElseThrow(() -> notFound(contestId)));
            var names = names(tx, contestId);
            var entries = new ArrayList<LeaderboardEntry>();
            var standings = LeaderboardRanking.standings(tx, contestId);
            standings
                    .values()
                    .forEach(s -> entries.add(new LeaderboardEntry(
                            s.rank(),
                            s.participantKey(),
                            names.getOrDefault(s.participantKey(), s.participantKey()),
                            s.score(),
                            s.reachedAt())));
            var pairs = contest.format() == ContestFormat.HEAD_TO_HEAD
                    ? HeadToHeadResult.pairs(tx, contestId, standings).stream()
                            .map(p -> new Leaderboard.Matchup(
                                    p.number(),
                                    names.get(p.first().participantKey()),
                                    names.get(p.second().participantKey()),
                                    p.leader().map(names::get)))
                            .toList()
                    : List.<Leaderboard.Matchup>of();
            return new Leaderboard(contest, entries, pairs);
        });
    }

    /** Participant key to display name: the person's e-mail or the team's name. */
    static Map<String, String> names(DSLContext tx, long contestId) {
        var names = new HashMap<String, String>();
        tx.select(PROFILES.ID, PROFILES.EMAIL)
                .from(PROFILES)
                .join(CONTEST_PARTICIPANTS)
                .on(CONTEST_PARTICIPANTS.PROFILE_ID.eq(PROFILES.ID))
                .where(CONTEST_PARTICIPANTS.CONTEST_ID.eq(contestId))
                .forEach(r -> names.put(Participant.profileKey(r.value1()), r.value2()));
        tx.select(TEAMS.ID, TEAMS.NAME)
                .from(TEAMS)
                .where(TEAMS.ID.in(DSL.select(CONTEST_PARTICIPANTS.TEAM_ID)
                        .from(CONTEST_PARTICIPANTS)
                        .where(CONTEST_PARTICIPANTS.CONTEST_ID.eq(contestId))))
                .forEach(r -> names.put(Participant.teamKey(r.value1()), r.value2()));
        return names;
    }
}
