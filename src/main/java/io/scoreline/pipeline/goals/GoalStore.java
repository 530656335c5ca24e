package io.scoreline.pipeline.goals;

import static io.scoreline.pipeline.db.Tables.GOALS;
import static io.scoreline.pipeline.db.Tables.PROFILES;
import static io.scoreline.pipeline.db.Tables.TEAMS;

import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.audit.Actor;
import io.scoreline.pipeline.audit.AuditEntry;
import io.scoreline.pipeline.audit.AuditLog;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.tenancy.Organization;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Stores goals (ADR 0044). A goal never changes a period that has ended: setting a goal for a
 * subject, KPI and unit that already has one ends the old one the day before the new one's first
 * period (or replaces it if it had not started before that period); removing one ends it before
 * the current period (or deletes it if it starts in the current period or later). Each write is
 * audited in its transaction.
 */
public final class GoalStore {

    private final TenantTransactions transactions;

    public GoalStore(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /**
     * @param startsOn the first day of the goal's first period, not before the current period
     *     (checked by the caller, who knows the clock)
     * @param kpiKeyCheck run in the transaction before anything is written (an unknown KPI refuses)
     */
    public GoalListing set(
            Organization organization,
            NewGoal request,
            LocalDate startsOn,
            java.util.function.Consumer<DSLContext> kpiKeyCheck,
            Actor actor) {
        return transactions.inOrganization(organization.id(), tx -> {
            kpiKeyCheck.accept(tx);
            var subject = subject(tx, organization, request.subject());
            var sameSubject = sameSubject(organization.id(), request.kpiKey(), request.unit(), subject)
                    .and(GOALS.ENDS_ON.isNull().or(GOALS.ENDS_ON.ge(startsOn)));
            var replaced = tx.select(GOALS.ID, GOALS.STARTS_ON)
                    .from(GOALS)
                    .where(sameSubject)
                    .forUpdate()
                    .fetch();
            for (var old : replaced) {
                if (old.value2().isBefore(startsOn)) {
                    tx.update(GOALS)
                            .set(GOALS.ENDS_ON, startsOn.minusDays(1))
                            .where(GOALS.ID.eq(old.value1()))
                            .execute();
                } else {
                    tx.deleteFrom(GOALS).where(GOALS.ID.eq(old.value1())).execute();
                }
            }
            Long profileId = subject instanceof GoalSubject.Person person ? person.profileId() : null;
            Long teamId = switch (subject) {
                case GoalSubject.Team team -> team.teamId();
                case GoalSubject.TeamMembers members -> members.teamId();
                case GoalSubject.Person _, GoalSubject.RoleDefault _ -> null;
            };
            String role = subject instanceof GoalSubject.RoleDefault roleDefault
                    ? roleDefault.role().key()
                    : null;
            var goal = GoalRows.goal(tx.insertInto(GOALS)
                    .set(GOALS.ORGANIZATION_ID, organization.id())
                    .set(GOALS.KPI_KEY, request.kpiKey())
                    .set(GOALS.PERIOD_UNIT, request.unit().key())
                    .set(GOALS.SUBJECT_KIND, subject.kind())
                    .set(GOALS.PROFILE_ID, profileId)
                    .set(GOALS.TEAM_ID, teamId)
                    .set(GOALS.ROLE, role)
                    .set(GOALS.TARGET, request.target())
                    .set(GOALS.STARTS_ON, startsOn)
                    .returning()
                    .fetchSingle());
            var listing = new GoalListing(goal, GoalSubjectNames.of(tx, goal.subject()));
            var changes = new LinkedHashMap<String, Object>();
            changes.put("kpi", goal.kpiKey());
            changes.put("period", goal.unit().key());
            changes.put("subject", subject.kind());
            changes.put("name", listing.subjectName());
            changes.put("target", goal.target().toPlainString());
            changes.put("starts_on", startsOn.toString());
            changes.put("replaced", replaced.size());
            AuditLog.append(tx, organization.id(), new AuditEntry(actor, "goal.set", "goal:" + goal.id(), changes));
            return listing;
        });
    }

    /** Goals that have not ended before {@code today}: running ones and those set for later periods. */
    public List<GoalListing> list(Organization organization, LocalDate today) {
        return transactions.inOrganization(
                organization.id(),
                tx -> GoalRows.select(
                                tx,
                                GOALS.ORGANIZATION_ID
                                        .eq(organization.id())
                                        .and(GOALS.ENDS_ON.isNull().or(GOALS.ENDS_ON.ge(today))))
                        .stream()
                        .map(goal -> new GoalListing(goal, GoalSubjectNames.of(tx, goal.subject())))
                        .sorted(java.util.Comparator.comparing(
                                        (GoalListing l) -> l.goal().kpiKey())
                                .thenComparing(l -> l.goal().unit())
                                .thenComparing(l -> l.goal().subject().kind())
                                .thenComparing(GoalListing::subjectName)
                                .thenComparing(l -> l.goal().startsOn()))
                        .toList());
    }

    /** What a removal did: the goal as it was, and whether it was deleted or ended. */
    public record Removal(GoalListing goal, boolean deleted, LocalDate effectiveFrom) {}

    /**
     * Removes the goal with {@code goalId} from the period holding {@code today} on; a goal of
     * another organization is not found (row-level security hides it, and the query names the
     * organization as well).
     */
    public Removal remove(Organization organization, long goalId, LocalDate today, Actor actor) {
        return transactions.inOrganization(organization.id(), tx -> {
            var row = tx.selectFrom(GOALS)
                    .where(GOALS.ORGANIZATION_ID.eq(organization.id()))
                    .and(GOALS.ID.eq(goalId))
                    .forUpdate()
                    .fetchOptional()
                    .orElseThrow(() -> ScorelineException.notFound(
                            "no goal " + goalId + " in " + organization.slug() + " (see `scoreline goal list`)"));
            var goal = GoalRows.goal(row);
            var current = GoalPeriod.containing(goal.unit(), organization.weekStart(), today);
            if (goal.endsOn().isPresent() && goal.endsOn().get().isBefore(current.from())) {
                throw ScorelineException.conflict(
                        "goal " + goalId + " already ended on " + goal.endsOn().get() + "; its past periods keep it");
            }
            var listing = new GoalListing(goal, GoalSubjectNames.of(tx, goal.subject()));
            boolean deleted = !goal.startsOn().isBefore(current.from());
            if (deleted) {
                tx.deleteFrom(GOALS).where(GOALS.ID.eq(goalId)).execute();
            } else {
                tx.update(GOALS)
                        .set(GOALS.ENDS_ON, current.from().minusDays(1))
                        .where(GOALS.ID.eq(goalId))
                        .execute();
            }
            AuditLog.append(
                    tx,
                    organization.id(),
                    new AuditEntry(
                            actor,
                            "goal.remove",
                            "goal:" + goalId,
                            Map.of(
                                    "kpi", goal.kpiKey(),
                                    "effect", deleted ? "deleted" : "ended",
                                    "from", current.from().toString())));
            return new Removal(listing, deleted, current.from());
        });
    }

    private static Condition sameSubject(long organizationId, String kpiKey, GoalPeriodUnit unit, GoalSubject subject) {
        var condition = GOALS.ORGANIZATION_ID
                .eq(organizationId)
                .and(GOALS.KPI_KEY.eq(kpiKey))
                .and(GOALS.PERIOD_UNIT.eq(unit.key()))
                .and(GOALS.SUBJECT_KIND.eq(subject.kind()));
        return switch (subject) {
            case GoalSubject.Person p -> condition.and(GOALS.PROFILE_ID.eq(p.profileId()));
            case GoalSubject.Team t -> condition.and(GOALS.TEAM_ID.eq(t.teamId()));
            case GoalSubject.TeamMembers m -> condition.and(GOALS.TEAM_ID.eq(m.teamId()));
            case GoalSubject.RoleDefault r ->
                condition.and(GOALS.ROLE.eq(r.role().key()));
        };
    }

    /** The stored subject that {@code ref} names, or not found naming what is missing. */
    static GoalSubject subject(DSLContext tx, Organization organization, GoalSubjectRef ref) {
        return switch (ref) {
            case GoalSubjectRef.Person p -> new GoalSubject.Person(profileId(tx, organization, p.email()));
            case GoalSubjectRef.Team t -> new GoalSubject.Team(teamId(tx, organization, t.name()));
            case GoalSubjectRef.TeamMembers m -> new GoalSubject.TeamMembers(teamId(tx, organization, m.name()));
            case GoalSubjectRef.RoleDefault r -> new GoalSubject.RoleDefault(r.role());
        };
    }

    static long profileId(DSLContext tx, Organization organization, String email) {
        return tx.select(PROFILES.ID)
                .from(PROFILES)
                .where(PROFILES.ORGANIZATION_ID.eq(organization.id()))
                .and(PROFILES.EMAIL.eq(email.strip().toLowerCase(Locale.ROOT)))
                .fetchOptional(PROFILES.ID)
                .orElseThrow(() -> ScorelineException.notFound(
                        "no person '" + email + "' in " + organization.slug() + " (see `scoreline profile list`)"));
    }

    static long teamId(DSLContext tx, Organization organization, String name) {
        return tx.select(TEAMS.ID)
                .from(TEAMS)
                .where(TEAMS.ORGANIZATION_ID.eq(organization.id()))
                .and(TEAMS.NAME.eq(name.strip()))
                .fetchOptional(TEAMS.ID)
                .orElseThrow(() -> ScorelineException.notFound(
                        "no team '" + name + "' in " + organization.slug() + " (see `scoreline team list`)"));
    }
}
