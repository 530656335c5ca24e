package io.scoreline.pipeline.tenancy;

import static io.scoreline.pipeline.db.Tables.PROFILES;
import static io.scoreline.pipeline.db.Tables.TEAMS;

import io.scoreline.pipeline.database.TenantTransactions;
import java.util.Collection;

/** Teams of an organization and who is in them (team contests rank by team). */
public final class TeamStore {

    private final TenantTransactions transactions;

    public TeamStore(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /** The id of the team called {@code name}, created if it does not exist yet. */
    public long ensure(long organizationId, String name) {
        return transactions.inOrganization(organizationId, tx -> {
            tx.insertInto(TEAMS)
                    .set(TEAMS.ORGANIZATION_ID, organizationId)
                    .set(TEAMS.NAME, name)
                    .onConflict(TEAMS.ORGANIZATION_ID, TEAMS.NAME)
                    .doNothing()
                    .execute();
            return tx.select(TEAMS.ID)
                    .from(TEAMS)
                    .where(TEAMS.ORGANIZATION_ID.eq(organizationId))
                    .and(TEAMS.NAME.eq(name))
                    .fetchSingle(TEAMS.ID);
        });
    }

    /** Puts the profiles into the team (each profile is in at most one team). @return profiles moved */
    public int assign(long organizationId, long teamId, Collection<Long> profileIds) {
        return transactions.inOrganization(
                organizationId,
                tx -> tx.update(PROFILES)
                        .set(PROFILES.TEAM_ID, teamId)
                        .where(PROFILES.ORGANIZATION_ID.eq(organizationId))
                        .and(PROFILES.ID.in(profileIds))
                        .execute());
    }
}
