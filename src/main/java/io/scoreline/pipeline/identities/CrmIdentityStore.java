package io.scoreline.pipeline.identities;

import static io.scoreline.pipeline.db.Tables.CRM_IDENTITIES;
import static io.scoreline.pipeline.db.Tables.PROFILES;

import io.scoreline.connectors.spi.CrmUser;
import io.scoreline.pipeline.audit.AuditEntry;
import io.scoreline.pipeline.audit.AuditLog;
import io.scoreline.pipeline.database.TenantTransactions;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.impl.DSL;

/**
 * Attribution: CRM users are matched to profiles by e-mail (case-insensitive). Users that match
 * nobody are kept with no profile, so that {@code users unmatched} can list them and a later link
 * (followed by {@code remap}) credits their facts.
 */
public final class CrmIdentityStore {

    private final TenantTransactions transactions;

    public CrmIdentityStore(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    public UsersSyncResult sync(long organizationId, long integrationId, List<CrmUser> users, boolean createProfiles) {
        return transactions.inOrganization(organizationId, tx -> {
            for (var user : users) {
                var email = Optional.ofNullable(user.email())
                        .map(e -> e.strip().toLowerCase(Locale.ROOT))
                        .filter(e -> !e.isEmpty());
                tx.insertInto(CRM_IDENTITIES)
                        .set(CRM_IDENTITIES.ORGANIZATION_ID, organizationId)
                        .set(CRM_IDENTITIES.INTEGRATION_ID, integrationId)
                        .set(CRM_IDENTITIES.CRM_USER_ID, user.crmUserId())
                        .set(CRM_IDENTITIES.EMAIL, email.orElse(null))
                        .set(CRM_IDENTITIES.NAME, user.name())
                        .set(CRM_IDENTITIES.ACTIVE, user.active())
                        .onConflict(CRM_IDENTITIES.INTEGRATION_ID, CRM_IDENTITIES.CRM_USER_ID)
                        .doUpdate()
                        .set(CRM_IDENTITIES.EMAIL, email.orElse(null))
                        .set(CRM_IDENTITIES.NAME, user.name())
                        .set(CRM_IDENTITIES.ACTIVE, user.active())
                        .set(CRM_IDENTITIES.UPDATED_AT, DSL.currentOffsetDateTime())
                        .execute();
            }
            int created = 0;
            if (createProfiles) {
                // Inactive CRM users do not become people on leaderboards.
                created = tx.execute(
                        "insert into profiles (organization_id, email, name) "
                                + "select distinct on (ci.email) ci.organization_id, ci.email, ci.name from crm_identities ci "
                                + "where ci.integration_id = ? and ci.email is not null and ci.active and ci.profile_id is null "
                                + "order by ci.email, ci.crm_user_id "
                                + "on conflict (organization_id, email) do nothing",
                        integrationId);
            }
            int linked = tx.execute(
                    "update crm_identities ci set profile_id = p.id, updated_at = now() from profiles p "
                            + "where ci.integration_id = ? and p.organization_id = ci.organization_id and p.email = ci.email "
                            + "and ci.profile_id is distinct from p.id",
                    integrationId);
            int unmatched = tx.fetchCount(
                    CRM_IDENTITIES,
                    CRM_IDENTITIES.INTEGRATION_ID.eq(integrationId).and(CRM_IDENTITIES.PROFILE_ID.isNull()));
            return new UsersSyncResult(users.size(), linked, created, unmatched);
        });
    }

    public List<CrmIdentity> unmatched(long organizationId, long integrationId) {
        return transactions.inOrganization(
                organizationId,
                tx -> tx.selectFrom(CRM_IDENTITIES)
                        .where(CRM_IDENTITIES.INTEGRATION_ID.eq(integrationId))
                        .and(CRM_IDENTITIES.PROFILE_ID.isNull())
                        .orderBy(CRM_IDENTITIES.EMAIL.asc().nullsLast(), CRM_IDENTITIES.CRM_USER_ID)
                        .fetch(r -> new CrmIdentity(
                                r.getCrmUserId(),
                                Optional.ofNullable(r.getEmail()),
                                Optional.ofNullable(r.getName()),
                                r.getActive(),
                                Optional.empty())));
    }

    /**
     * Links one unmatched CRM user of the integration to a profile of the same organization, with
     * the audit row in the same transaction; false when the user is not (or no longer) unmatched or the profile is not the organization's.
     */
    public boolean link(long organizationId, long integrationId, String crmUserId, long profileId, AuditEntry audit) {
        return transactions.inOrganization(organizationId, tx -> {
            int linked = tx.update(CRM_IDENTITIES)
                    .set(CRM_IDENTITIES.PROFILE_ID, profileId)
                    .set(CRM_IDENTITIES.UPDATED_AT, DSL.currentOffsetDateTime())
                    .where(CRM_IDENTITIES.INTEGRATION_ID.eq(integrationId))
                    .and(CRM_IDENTITIES.CRM_USER_ID.eq(crmUserId))
                    .and(CRM_IDENTITIES.PROFILE_ID.isNull())
                    // A foreign key does not see row-level security: the profile must be this organization's.
                    .andExists(DSL.selectOne()
                            .from(PROFILES)
                            .where(PROFILES.ID.eq(profileId))
                            .and(PROFILES.ORGANIZATION_ID.eq(organizationId)))
                    .execute();
            if (linked == 1) {
                AuditLog.append(tx, organizationId, audit);
            }
            return linked == 1;
        });
    }

    /** The profiles that CRM users of this integration are linked to. */
    public List<Long> linkedProfiles(long organizationId, long integrationId) {
        return transactions.inOrganization(
                organizationId,
                tx -> tx.selectDistinct(CRM_IDENTITIES.PROFILE_ID)
                        .from(CRM_IDENTITIES)
                        .where(CRM_IDENTITIES.INTEGRATION_ID.eq(integrationId))
                        .and(CRM_IDENTITIES.PROFILE_ID.isNotNull())
                        .orderBy(CRM_IDENTITIES.PROFILE_ID)
                        .fetch(CRM_IDENTITIES.PROFILE_ID));
    }
}
