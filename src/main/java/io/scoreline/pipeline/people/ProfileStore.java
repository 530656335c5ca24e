package io.scoreline.pipeline.people;

import static io.scoreline.pipeline.db.Tables.PROFILES;
import static io.scoreline.pipeline.db.Tables.TEAMS;

import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.tenancy.Organization;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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
        return transactions.inOrganization(organization.id(), tx -> {
            Condition condition = PROFILES.ORGANIZATION_ID.eq(organization.id());
            if (filter.team().isPresent()) {
                var tree = TeamTree.load(tx, organization.id());
                condition = condition.and(PROFILES.TEAM_ID.in(tree.subtree(
                        tree.require(organization, filter.team().get()).id())));
            }
            if (filter.role().isPresent()) {
                condition = condition.and(PROFILES.ROLE.eq(filter.role().get().key()));
            }
            if (filter.active().isPresent()) {
                condition = condition.and(PROFILES.ACTIVE.eq(filter.active().get()));
            }
            if (filter.manager().isPresent()) {
                var manager = require(
                        tx,
                        organization,
                        NewProfile.Emails.normalize(filter.manager().get()));
                condition = condition.and(PROFILES.MANAGER_ID.eq(manager.id()));
            }
            return select(tx).where(condition).orderBy(PROFILES.EMAIL).fetch(ProfileStore::profile);
        });
    }

    public Profile create(Organization organization, NewProfile request) {
        return transactions.inOrganization(organization.id(), tx -> {
            PeopleLock.take(tx, organization.id());
            if (find(tx, organization.id(), request.email()).isPresent()) {
                throw ScorelineException.badInput("a profile for " + request.email() + " already exists in "
                        + organization.slug() + " (change it with `scoreline profile update`)");
            }
            var tree = TeamTree.load(tx, organization.id());
            Long team =
                    request.team().map(t -> tree.require(organization, t).id()).orElse(null);
            Long manager = request.manager()
                    .map(m -> require(tx, organization, m).id())
                    .orElse(null);
            tx.insertInto(PROFILES)
                    .set(PROFILES.ORGANIZATION_ID, organization.id())
                    .set(PROFILES.EMAIL, request.email())
                    .set(PROFILES.NAME, request.displayName().orElse(null))
                    .set(PROFILES.TEAM_ID, team)
                    .set(PROFILES.MANAGER_ID, manager)
                    .set(PROFILES.ROLE, request.role().key())
                    .execute();
            return require(tx, organization, request.email());
        });
    }

    public Profile update(Organization organization, String email, ProfileChange change) {
        var normalized = NewProfile.Emails.normalize(email);
        return transactions.inOrganization(organization.id(), tx -> {
            PeopleLock.take(tx, organization.id());
            var profile = require(tx, organization, normalized);
            var update = new HashMap<org.jooq.Field<?>, Object>();
            if (change.team().isPresent()) {
                var team = change.team().get();
                update.put(
                        PROFILES.TEAM_ID,
                        team.equals(ProfileChange.NONE)
                                ? null
                                : TeamTree.load(tx, organization.id())
                                        .require(organization, team)
                                        .id());
            }
            if (change.manager().isPresent()) {
                var manager = change.manager().get();
                update.put(
                        PROFILES.MANAGER_ID,
                        manager.equals(ProfileChange.NONE)
                                ? null
                                : manager(tx, organization, profile, NewProfile.Emails.normalize(manager)));
            }
            change.role().ifPresent(r -> update.put(PROFILES.ROLE, r.key()));
            change.active().ifPresent(a -> update.put(PROFILES.ACTIVE, a));
            change.displayName().ifPresent(n -> update.put(PROFILES.NAME, n));
            if (!update.isEmpty()) {
                tx.update(PROFILES)
                        .set(update)
                        .where(PROFILES.ID.eq(profile.id()))
                        .execute();
            }
            return require(tx, organization, normalized);
        });
    }

    /** The manager's id, refused if the person is the manager or somewhere above them. */
    private static long manager(DSLContext tx, Organization organization, Profile profile, String managerEmail) {
        var manager = require(tx, organization, managerEmail);
        if (manager.id() == profile.id()) {
            throw ScorelineException.badInput(profile.email() + " cannot be their own manager");
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
                throw ScorelineException.badInput(
                        "cannot make " + manager.email() + " the manager of " + profile.email()
                                + ": " + profile.email() + " already manages " + manager.email()
                                + " (directly or further up); that would be a cycle");
            }
        }
        return manager.id();
    }

    static Profile require(DSLContext tx, Organization organization, String email) {
        return find(tx, organization.id(), email)
                .orElseThrow(() -> ScorelineException.notFound("no profile for " + email + " in " + organization.slug()
                        + " (see `scoreline profile list --org " + organization.slug() + "`)"));
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
                Optional.ofNullable(r.get(MANAGER.EMAIL)),
                Role.fromKey(r.get(PROFILES.ROLE)),
                r.get(PROFILES.ACTIVE));
    }
}
