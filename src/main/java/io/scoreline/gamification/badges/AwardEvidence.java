package io.scoreline.gamification.badges;

import static io.scoreline.pipeline.db.Tables.KPI_FACTS;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The evidence an award or reversal stores (DESIGN §8, anchors (d)6): the rule, the window, the
 * threshold, the value and the CRM records that contributed most, so "why did I get this" has an
 * answer that points back into the CRM.
 */
final class AwardEvidence {

    static final int TOP_RECORDS = 3;

    private AwardEvidence() {}

    static Map<String, Object> of(
            DSLContext tx, long organizationId, long profileId, Badge badge, Judgement judgement) {
        var evidence = new LinkedHashMap<String, Object>();
        evidence.put("rule", BadgeRuleJson.toMap(badge.definition().rule()));
        evidence.put("period_key", judgement.periodKey());
        evidence.put("window", RuleJudge.window(judgement));
        evidence.put("threshold", plain(judgement.threshold()));
        evidence.put("value", plain(judgement.value()));
        if (badge.definition().rule() instanceof BadgeRule.GoalReached goal) {
            evidence.put("period", goal.period().key());
            evidence.put("target", plain(judgement.threshold()));
        }
        evidence.put("records", topRecords(tx, organizationId, profileId, judgement));
        return evidence;
    }

    /** What a reversal records: the value that no longer meets the rule. */
    static Map<String, Object> reversal(Judgement judgement, String at) {
        var reversal = new LinkedHashMap<String, Object>();
        reversal.put("at", at);
        reversal.put("window", RuleJudge.window(judgement));
        reversal.put("threshold", plain(judgement.threshold()));
        reversal.put("value", plain(judgement.value()));
        return reversal;
    }

    private static List<Map<String, Object>> topRecords(
            DSLContext tx, long organizationId, long profileId, Judgement judgement) {
        var records = new ArrayList<Map<String, Object>>();
        tx.select(
                        KPI_FACTS.INTEGRATION_ID,
                        KPI_FACTS.OBJECT_TYPE,
                        KPI_FACTS.RECORD_ID,
                        KPI_FACTS.KPI_KEY,
                        KPI_FACTS.LOCAL_DATE,
                        KPI_FACTS.VALUE)
                .from(KPI_FACTS)
                .where(KPI_FACTS.ORGANIZATION_ID.eq(organizationId))
                .and(KPI_FACTS.PROFILE_ID.eq(profileId))
                .and(KPI_FACTS.KPI_KEY.eq(DSL.any(judgement.kpis().toArray(String[]::new))))
                .and(KPI_FACTS.LOCAL_DATE.between(judgement.from(), judgement.to()))
                .orderBy(KPI_FACTS.VALUE.desc(), KPI_FACTS.LOCAL_DATE, KPI_FACTS.RECORD_ID)
                .limit(TOP_RECORDS)
                .forEach(r -> {
                    var record = new LinkedHashMap<String, Object>();
                    record.put("integration_id", r.value1());
                    record.put("object", r.value2());
                    record.put("record_id", r.value3());
                    record.put("kpi", r.value4());
                    record.put("date", r.value5().toString());
                    record.put("value", plain(r.value6()));
                    records.add(record);
                });
        return records;
    }

    /** Numbers without trailing zeros (50, not 50.000000), so evidence reads as the rule was written. */
    static Object plain(Object value) {
        return switch (value) {
            case BigDecimal number -> {
                var stripped = number.stripTrailingZeros();
                yield stripped.scale() < 0 ? stripped.setScale(0) : stripped;
            }
            case Map<?, ?> map -> {
                var copy = new LinkedHashMap<Object, Object>();
                map.forEach((k, v) -> copy.put(k, plain(v)));
                yield copy;
            }
            default -> value;
        };
    }
}
