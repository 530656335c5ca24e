package io.scoreline.pipeline.people;

import static io.scoreline.pipeline.db.Tables.CRM_IDENTITIES;
import static io.scoreline.pipeline.db.Tables.PROFILES;
import static io.scoreline.pipeline.db.Tables.TEAMS;

import io.scoreline.connectors.spi.CrmUser;
import io.scoreline.pipeline.database.TenantTransactions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Takes teams and managers from the CRM ({@code users sync --teams-from-crm}, ADR 0037): each
 * linked person's CRM team path becomes teams (matched by name, created when missing, hung under
 * the CRM's parent unless that would form a cycle), the person moves into the last one, and the
 * CRM manager becomes their manager when that manager is linked too and no cycle forms. People the
 * CRM names no team or manager for keep theirs. One transaction under the people lock.
 */
public final class CrmTeamPlacement {

    /** What the placement changed: people moved (with from and to), teams created, managers set. */
    public record Placed(List<TeamMove> moves, int teamsCreated, int managersChanged) {
        public Placed {
            moves = List.copyOf(moves);
        }
    }

    private final TenantTransactions transactions;

    public CrmTeamPlacement(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    public Placed place(long organizationId, long integrationId, List<CrmUser> users) {
        return transactions.inOrganization(organizationId, tx -> {
            PeopleLock.take(tx, organizationId);
            var profiles = linkedProfiles(tx, integrationId);
            int created = 0;
            var moves = new ArrayList<TeamMove>();
            var placed = new HashMap<String, Long>();
            for (var user : users) {
                var profile = profiles.get(user.crmUserId());
                if (profile == null || user.teamPath().isEmpty()) {
                    continue;
                }
                Long parent = null;
                String name = null;
                for (var crmName : user.teamPath()) {
                    name = PrintableName.lenient(crmName);
                    var known = placed.get(name);
                    if (known == null) {
                        var tree = TeamTree.load(tx, organizationId);
                        var existing = tree.find(name);
                        if (existing.isEmpty()) {
                            created++;
                            known = tx.insertInto(TEAMS)
                                    .set(TEAMS.ORGANIZATION_ID, organizationId)
                                    .set(TEAMS.NAME, name)
                                    .set(TEAMS.PARENT_ID, parent)
                                    .returning(TEAMS.ID)
                                    .fetchSingle(TEAMS.ID);
                        } else {
                            known = existing.get().id();
                            if (parent == null || !tree.isWithin(parent, known)) {
                                tx.update(TEAMS)
                                        .set(TEAMS.PARENT_ID, parent)
                                        .where(TEAMS.ID.eq(known))
                                        .and(TEAMS.PARENT_ID.isDistinctFrom(parent))
                                        .execute();
                            }
                        }
                        placed.put(name, known);
                    }
                    parent = known;
                }
                var from = tx.select(PROFILES.EMAIL, TEAMS.ID, TEAMS.NAME)
                        .from(PROFILES)
                        .leftJoin(TEAMS)
                        .on(TEAMS.ID.eq(PROFILES.TEAM_ID))
                        .where(PROFILES.ID.eq(profile))
                        .fetchSingle();
                if (!parent.equals(from.value2())) {
                    tx.update(PROFILES)
                            .set(PROFILES.TEAM_ID, parent)
                            .where(PROFILES.ID.eq(profile))
                            .execute();
                    moves.add(new TeamMove(from.value1(), Optional.ofNullable(from.value3()), name));
                }
            }
            return new Placed(moves, created, managers(tx, organizationId, users, profiles));
        });
    }

    /** @return managers changed */
    private static int managers(DSLContext tx, long organizationId, List<CrmUser> users, Map<String, Long> profiles) {
        var managerOf = new HashMap<Long, Long>();
        tx.select(PROFILES.ID, PROFILES.MANAGER_ID)
                .from(PROFILES)
                .where(PROFILES.ORGANIZATION_ID.eq(organizationId))
                .and(PROFILES.MANAGER_ID.isNotNull())
                .forEach(r -> managerOf.put(r.value1(), r.value2()));
        int changed = 0;
        for (var user : users) {
            var profile = profiles.get(user.crmUserId());
            var manager = user.managerCrmUserId().map(profiles::get).orElse(null);
            if (profile == null || manager == null || manager.equals(managerOf.get(profile))) {
                continue;
            }
            if (formsCycle(managerOf, profile, manager)) {
                continue;
            }
            tx.update(PROFILES)
                    .set(PROFILES.MANAGER_ID, manager)
                    .where(PROFILES.ID.eq(profile))
                    .execute();
            managerOf.put(profile, manager);
            changed++;
        }
        return changed;
    }

    private static boolean formsCycle(Map<Long, Long> managerOf, long profile, long manager) {
        var seen = new HashSet<Long>();
        for (Long at = manager; at != null && seen.add(at); at = managerOf.get(at)) {
            if (at == profile) {
                return true;
            }
        }
        return false;
    }

    /** CRM user id to the profile it is linked to, for this integration's linked users. */
    private static Map<String, Long> linkedProfiles(DSLContext tx, long integrationId) {
        var linked = new HashMap<String, Long>();
        tx.select(CRM_IDENTITIES.CRM_USER_ID, CRM_IDENTITIES.PROFILE_ID)
                .from(CRM_IDENTITIES)
                .where(CRM_IDENTITIES.INTEGRATION_ID.eq(integrationId))
                .and(CRM_IDENTITIES.PROFILE_ID.isNotNull())
                .forEach(r -> linked.put(r.value1(), r.value2()));
        return linked;
    }
}
