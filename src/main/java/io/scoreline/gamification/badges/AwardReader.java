package io.scoreline.gamification.badges;

import static io.scoreline.pipeline.db.Tables.BADGES;
import static io.scoreline.pipeline.db.Tables.PROFILES;
import static io.scoreline.pipeline.db.Tables.PROFILE_BADGES;

import io.scoreline.pipeline.database.TenantTransactions;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record12;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;

/** Reads awards for {@code badges --org S [--profile EMAIL]} and the API: newest first. */
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
                tx -> select(tx)
                        .where(where)
                        .orderBy(
                                PROFILE_BADGES.AWARDED_AT.desc(), PROFILES.EMAIL, BADGES.KEY, PROFILE_BADGES.PERIOD_KEY)
                        .fetch(AwardReader::view));
    }

    /** At most {@code limit} awards after {@code after}, newest first (awarded at, then id). */
    public List<AwardView> page(long organizationId, AwardFilter filter, Optional<AwardCursor> after, int limit) {
        var condition = PROFILE_BADGES.ORGANIZATION_ID.eq(organizationId);
        if (filter.profileId().isPresent()) {
            condition = condition.and(
                    PROFILE_BADGES.PROFILE_ID.eq(filter.profileId().get()));
        }
        if (filter.badgeKey().isPresent()) {
            condition = condition.and(BADGES.KEY.eq(filter.badgeKey().get()));
        }
        if (after.isPresent()) {
            condition = condition.and(DSL.row(PROFILE_BADGES.AWARDED_AT, PROFILE_BADGES.ID)
                    .lt(
                            after.get().awardedAt().atOffset(ZoneOffset.UTC),
                            after.get().id()));
        }
        var where = condition;
        return transactions.inOrganization(
                organizationId,
                tx -> select(tx)
                        .where(where)
                        .orderBy(PROFILE_BADGES.AWARDED_AT.desc(), PROFILE_BADGES.ID.desc())
                        .limit(limit)
                        .fetch(AwardReader::view));
    }

    /** One award of the organization; another organization's is not found. */
    public Optional<AwardView> get(long organizationId, long awardId) {
        return transactions.inOrganization(
                organizationId,
                tx -> select(tx)
                        .where(PROFILE_BADGES.ORGANIZATION_ID.eq(organizationId))
                        .and(PROFILE_BADGES.ID.eq(awardId))
                        .fetchOptional(AwardReader::view));
    }

    private static SelectOnConditionStep<
                    Record12<
                            Long,
                            Long,
                            String,
                            String,
                            String,
                            String,
                            String,
                            String,
                            OffsetDateTime,
                            OffsetDateTime,
                            OffsetDateTime,
                            JSONB>>
            select(DSLContext tx) {
        return tx.select(
                        PROFILE_BADGES.ID,
                        PROFILE_BADGES.PROFILE_ID,
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
                .on(BADGES.ID.eq(PROFILE_BADGES.BADGE_ID));
    }

    private static AwardView view(
            Record12<
                            Long,
                            Long,
                            String,
                            String,
                            String,
                            String,
                            String,
                            String,
                            OffsetDateTime,
                            OffsetDateTime,
                            OffsetDateTime,
                            JSONB>
                    r) {
        return new AwardView(
                r.value1(),
                r.value2(),
                r.value3(),
                r.value4(),
                r.value5(),
                r.value6(),
                r.value7(),
                r.value8(),
                r.value9().toInstant(),
                Optional.ofNullable(r.value10()).map(OffsetDateTime::toInstant),
                Optional.ofNullable(r.value11()).map(OffsetDateTime::toInstant),
                r.value12().data());
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
