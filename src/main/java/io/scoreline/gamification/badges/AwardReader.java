package io.scoreline.gamification.badges;

import static io.scoreline.pipeline.db.Tables.BADGES;
import static io.scoreline.pipeline.db.Tables.PROFILES;
import static io.scoreline.pipeline.db.Tables.PROFILE_BADGES;

import io.scoreline.pipeline.database.TenantTransactions;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.impl.DSL;

/** Reads awards for {@code badges --org S [--profile EMAIL]}: newest first. */
public final class AwardReader {

    private final TenantTransactions transactions;

    public AwardReader(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    public List<AwardView> list(long organizationId, Optional<String> profileEmail) {
        var condition = PROFILE_BADGES.ORGANIZATION_ID.eq(organizationId);
        if (profileEmail.isPresent()) {
            condition =
                    condition.and(PROFILES.EMAIL.eq(profileEmail.get().strip().toLowerCase(Locale.ROOT)));
        }
        var where = condition;
        return transactions.inOrganization(
                organizationId,
                tx -> tx.select(
                                PROFILES.EMAIL,
                                BADGES.KEY,
                                BADGES.NAME,
                                BADGES.CATEGORY,
                                PROFILE_BADGES.PERIOD_KEY,
                                PROFILE_BADGES.STATUS,
                                PROFILE_BADGES.AWARDED_AT,
                                PROFILE_BADGES.REVOKED_AT,
                                PROFILE_BADGES.REVERSED_AT,
                                PROFILE_BADGES.EVIDENCE)
                        .from(PROFILE_BADGES)
                        .join(PROFILES)
                        .on(PROFILES.ID.eq(PROFILE_BADGES.PROFILE_ID))
                        .join(BADGES)
                        .on(BADGES.ID.eq(PROFILE_BADGES.BADGE_ID))
                        .where(where)
                        .orderBy(
                                PROFILE_BADGES.AWARDED_AT.desc(), PROFILES.EMAIL, BADGES.KEY, PROFILE_BADGES.PERIOD_KEY)
                        .fetch(r -> new AwardView(
                                r.value1(),
                                r.value2(),
                                r.value3(),
                                r.value4(),
                                r.value5(),
                                r.value6(),
                                r.value7().toInstant(),
                                Optional.ofNullable(r.value8()).map(OffsetDateTime::toInstant),
                                Optional.ofNullable(r.value9()).map(OffsetDateTime::toInstant),
                                r.value10().data())));
    }

    /** The id of the organization's profile with this e-mail, if any. */
    public Optional<Long> profileId(long organizationId, String email) {
        return transactions.inOrganization(
                organizationId,
                tx -> tx.select(PROFILES.ID)
                        .from(PROFILES)
                        .where(PROFILES.ORGANIZATION_ID.eq(organizationId))
                        .and(PROFILES.EMAIL.eq(DSL.val(email.strip().toLowerCase(Locale.ROOT))))
                        .fetchOptional(PROFILES.ID));
    }
}
