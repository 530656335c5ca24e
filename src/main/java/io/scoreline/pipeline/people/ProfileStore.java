package io.scoreline.pipeline.people;

import static io.scoreline.pipeline.db.Tables.PROFILES;
import static io.scoreline.pipeline.db.Tables.TEAMS;

import io.scoreline.pipeline.audit.Actor;
import io.scoreline.pipeline.audit.AuditEntry;
import io.scoreline.pipeline.audit.AuditLog;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.tenancy.Organization;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * An organization's profiles with their team, manager, role, active flag and display name. Changes
 * to managers take the organization's people lock ({@link PeopleLock}) and refuse cycles.
 */
public final class ProfileStore {

    private static final io.scoreline.pipeline.db.tables.Profiles MANAGER = PROFILES.as("manager");

    private final TenantTransactions transactions;

    public ProfileStore(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    public List<Profile> list(Organization organization, ProfileFilter filter) {
        return transactions.inOrganization(
                organization.id(),
                tx -> select(tx)
                        .where(matching(tx, organization, filter))
                        .orderBy(PROFILES.EMAIL)
                        .fetch(ProfileStore::profile));
    }

    /** Up to {@code limit} profiles by e-mail, after {@code after}'s e-mail when given. */
    public List<Profile> page(Organization organization, ProfileFilter filter, Optional<String> after, int limit) {
        return transactions.inOrganization(organization.id(), tx -> {
            var condition = matching(tx, organization, filter);
            if (after.isPresent()) {
                condition = condition.and(PROFILES.EMAIL.gt(after.get()));
            }
            return select(tx)
                    .where(condition)
                    .orderBy(PROFILES.EMAIL)
                    .limit(limit)
                    .fetch(ProfileStore::profile);
        });
    }

    public Profile get(Organization organization, ProfileRef ref) {
        return transactions.inOrganization(
                organization.id(), tx -> require(tx, organization, ref, PeopleRefusal.Part.SUBJECT));
    }

    private static Condition matching(DSLContext tx, Organization organization, ProfileFilter filter) {
        Condition condition = PROFILES.ORGANIZATION_ID.eq(organization.id());
        if (filter.team().isPresent()) {
            var tree = TeamTree.load(tx, organization.id());
            condition = condition.and(PROFILES.TEAM_ID.in(
                    tree.subtree(tree.require(organization, filter.team().get(), PeopleRefusal.Part.TEAM)
                            .id())));
        }
        if (filter.role().isPresent()) {
            condition = condition.and(PROFILES.ROLE.eq(filter.role().get().key()));
        }
        if (filter.active().isPresent()) {
            condition = condition.and(PROFILES.ACTIVE.eq(filter.active().get()));
        }
        if (filter.manager().isPresent()) {
            var manager = require(tx, organization, filter.manager().get(), PeopleRefusal.Part.MANAGER);
            condition = condition.and(PROFILES.MANAGER_ID.eq(manager.id()));
        }
        return condition;
    }

    public Profile create(Organization organization, NewProfile request, Actor actor) {
        return transactions.inOrganization(organization.id(), tx -> {
            PeopleLock.take(tx, organization.id());
            if (find(tx, organization.id(), request.email()).isPresent()) {
                throw PeopleRefusal.conflict(
                        PeopleRefusal.Part.EMAIL,
                        "a profile for " + request.email() + " already exists in " + organization.slug()
                                + " (change it with `scoreline profile update`)");
            }
            var tree = TeamTree.load(tx, organization.id());
            Long team = request.team()
                    .map(t -> tree.require(organization, t, PeopleRefusal.Part.TEAM)
                            .id())
                    .orElse(null);
            Long manager = request.manager()
                    .map(m -> require(tx, organization, m, PeopleRefusal.Part.MANAGER)
                            .id())
                    .orElse(null);
            long id = tx.insertInto(PROFILES)
                    .set(PROFILES.ORGANIZATION_ID, organization.id())
                    .set(PROFILES.EMAIL, request.email())
                    .set(PROFILES.NAME, request.displayName().orElse(null))
                    .set(PROFILES.TEAM_ID, team)
                    .set(PROFILES.MANAGER_ID, manager)
                    .set(PROFILES.ROLE, request.role().key())
                    .returning(PROFILES.ID)
                    .fetchSingle(PROFILES.ID);
            var created = require(tx, organization, new ProfileRef.Id(id), PeopleRefusal.Part.SUBJECT);
            var summary = new LinkedHashMap<String, Object>();
            summary.put("email", created.email());
            summary.put("role", created.role().key());
            created.displayName().ifPresent(n -> summary.put("display_name", n));
            created.team().ifPresent(t -> summary.put("team", t));
            created.manager().ifPresent(m -> summary.put("manager", m));
            audit(tx, organization, actor, "profile.create", created, summary);
            return created;
        });
    }

    public Profile update(Organization organization, ProfileRef ref, ProfileChange change, Actor actor) {
        return transactions.inOrganization(organization.id(), tx -> {
            PeopleLock.take(tx, organization.id());
            var profile = require(tx, organization, ref, PeopleRefusal.Part.SUBJECT);
            var update = new HashMap<org.jooq.Field<?>, Object>();
            if (change.team().isPresent()) {
                update.put(
                        PROFILES.TEAM_ID,
                        switch (change.team().get()) {
                            case Assignment.None<TeamRef> none -> null;
                            case Assignment.To<TeamRef> to ->
                                TeamTree.load(tx, organization.id())
                                        .require(organization, to.target(), PeopleRefusal.Part.TEAM)
                                        .id();
                        });
            }
            if (change.manager().isPresent()) {
                update.put(
                        PROFILES.MANAGER_ID,
                        switch (change.manager().get()) {
                            case Assignment.None<ProfileRef> none -> null;
                            case Assignment.To<ProfileRef> to -> manager(tx, organization, profile, to.target());
                        });
            }
            change.role().ifPresent(r -> update.put(PROFILES.ROLE, r.key()));
            change.active().ifPresent(a -> update.put(PROFILES.ACTIVE, a));
            change.displayName().ifPresent(n -> update.put(PROFILES.NAME, n));
            tx.update(PROFILES).set(update).where(PROFILES.ID.eq(profile.id())).execute();
            var updated = require(tx, organization, new ProfileRef.Id(profile.id()), PeopleRefusal.Part.SUBJECT);
            var summary = new LinkedHashMap<String, Object>();
            change.team().ifPresent(t -> summary.put("team", updated.team().orElse(TeamStore.NONE)));
            change.manager()
                    .ifPresent(m -> summary.put("manager", updated.manager().orElse(TeamStore.NONE)));
            change.role().ifPresent(r -> summary.put("role", r.key()));
            change.active().ifPresent(a -> summary.put("active", a));
            change.displayName().ifPresent(n -> summary.put("display_name", n));
            audit(tx, organization, actor, "profile.update", updated, summary);
            return updated;
        });
    }

    private static void audit(
            DSLContext tx,
            Organization organization,
            Actor actor,
            String action,
            Profile profile,
            Map<String, Object> changes) {
        AuditLog.append(tx, organization.id(), new AuditEntry(actor, action, "profile:" + profile.id(), changes));
    }

    /** The manager's id, refused if the person is the manager or somewhere above them. */
    private static long manager(DSLContext tx, Organization organization, Profile profile, ProfileRef managerRef) {
        var manager = require(tx, organization, managerRef, PeopleRefusal.Part.MANAGER);
        if (manager.id() == profile.id()) {
            throw PeopleRefusal.badInput(PeopleRefusal.Part.MANAGER, profile.email() + " cannot be their own manager");
        }
        var managers = new HashMap<Long, Long>();
        tx.select(PROFILES.ID, PROFILES.MANAGER_ID)
                .from(PROFILES)
                .where(PROFILES.ORGANIZATION_ID.eq(organization.id()))
                .and(PROFILES.MANAGER_ID.isNotNull())
                .forEach(r -> managers.put(r.value1(), r.value2()));
        var seen = new HashSet<Long>();
        for (Long at = manager.id(); at != null && seen.add(at); at = managers.get(at)) {
            if (at == profile.id()) {
                throw PeopleRefusal.badInput(
                        PeopleRefusal.Part.MANAGER,
                        "cannot make " + manager.email() + " the manager of " + profile.email()
                                + ": " + profile.email() + " already manages " + manager.email()
                                + " (directly or further up); that would be a cycle");
            }
        }
        return manager.id();
    }

    private static Profile require(DSLContext tx, Organization organization, ProfileRef ref, PeopleRefusal.Part part) {
        var found = switch (ref) {
            case ProfileRef.Email email -> find(tx, organization.id(), email.email());
            case ProfileRef.Id id ->
                select(tx)
                        .where(PROFILES.ORGANIZATION_ID.eq(organization.id()))
                        .and(PROFILES.ID.eq(id.id()))
                        .fetchOptional(ProfileStore::profile);
        };
        return found.orElseThrow(() -> PeopleRefusal.notFound(
                part,
                "no profile " + ref.described() + " in " + organization.slug() + " (see `scoreline profile list --org "
                        + organization.slug() + "`)"));
    }

    static Optional<Profile> find(DSLContext tx, long organizationId, String email) {
        return select(tx)
                .where(PROFILES.ORGANIZATION_ID.eq(organizationId))
                .and(PROFILES.EMAIL.eq(email))
                .fetchOptional(ProfileStore::profile);
    }

    private static org.jooq.SelectOnConditionStep<Record> select(DSLContext tx) {
        return tx.select(PROFILES.asterisk(), TEAMS.NAME, MANAGER.EMAIL)
                .from(PROFILES)
                .leftJoin(TEAMS)
                .on(TEAMS.ID.eq(PROFILES.TEAM_ID))
                .leftJoin(MANAGER)
                .on(MANAGER.ID.eq(PROFILES.MANAGER_ID));
    }

    private static Profile profile(Record r) {
        return new Profile(
                r.get(PROFILES.ID),
                r.get(PROFILES.EMAIL),
                Optional.ofNullable(r.get(PROFILES.NAME)),
                Optional.ofNullable(r.get(TEAMS.NAME)),
                Optional.ofNullable(r.get(PROFILES.TEAM_ID)),
                Optional.ofNullable(r.get(MANAGER.EMAIL)),
                Optional.ofNullable(r.get(PROFILES.MANAGER_ID)),
                Role.fromKey(r.get(PROFILES.ROLE)),
                r.get(PROFILES.ACTIVE));
    }
}
