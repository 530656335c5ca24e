package io.scoreline.gamification.badges;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The evidence an award or reversal stores (DESIGN §8, anchors (d)6): the rule, the window, the
 * threshold, the value and the CRM records that contributed most, so "why did I get this" has an
 * answer that points back into the CRM.
 */
final class AwardEvidence {

    static final int TOP_RECORDS = 3;

    private AwardEvidence() {}

    /** The evidence of one award, with the CRM records {@link #topRecords} read for it. */
    static Map<String, Object> of(Badge badge, Judgement judgement, List<Map<String, Object>> records) {
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
        evidence.put("records", records);
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

    /**
     * The {@value #TOP_RECORDS} facts that contributed most to each judgement (largest value, then
     * earliest day, then record id), in one statement for all of one person's judgements: kpi_facts
     * has no index by person (ADR 0009 dropped it for the write path), so a query per award scanned
     * the table once per award (ADR 0049). The person's facts over the judgements' overall window are
     * read once and ranked per judgement in the database, with the ordering the per-award query had.
     *
     * @return the records of {@code judgements.get(i)} at index i
     */
    static List<List<Map<String, Object>>> topRecords(
            DSLContext tx, long organizationId, long profileId, List<Judgement> judgements) {
        var result = new ArrayList<List<Map<String, Object>>>();
        judgements.forEach(j -> result.add(new ArrayList<>()));
        if (judgements.isEmpty()) {
            return result;
        }
        int n = judgements.size();
        var indexes = new Integer[n];
        var kpis = new String[n];
        var froms = new LocalDate[n];
        var tos = new LocalDate[n];
        var from = judgements.getFirst().from();
        var to = judgements.getFirst().to();
        for (int i = 0; i < n; i++) {
            var judgement = judgements.get(i);
            indexes[i] = i;
            // KPI keys are lower-case identifiers ([a-z0-9_]): a comma cannot be part of one.
            kpis[i] = String.join(",", judgement.kpis());
            froms[i] = judgement.from();
            tos[i] = judgement.to();
            from = judgement.from().isBefore(from) ? judgement.from() : from;
            to = judgement.to().isAfter(to) ? judgement.to() : to;
        }
        tx.resultQuery(
                        """
                        with f as materialized (
                            select integration_id, object_type, record_id, kpi_key, local_date, value
                              from kpi_facts
                             where organization_id = {0} and profile_id = {1} and local_date between {2} and {3}),
                        ranked as (
                            select j.n, f.integration_id, f.object_type, f.record_id, f.kpi_key, f.local_date, f.value,
                                   row_number() over (partition by j.n order by f.value desc, f.local_date, f.record_id) as r
                              from unnest({4}, {5}, {6}, {7}) as j(n, kpis, from_date, to_date)
                              join f on f.kpi_key = any(string_to_array(j.kpis, ','))
                                    and f.local_date between j.from_date and j.to_date)
                        select n, integration_id, object_type, record_id, kpi_key, local_date, value
                          from ranked where r <= {8} order by n, r""",
                        DSL.val(organizationId),
                        DSL.val(profileId),
                        DSL.val(from),
                        DSL.val(to),
                        DSL.val(indexes, SQLDataType.INTEGER.array()),
                        DSL.val(kpis, SQLDataType.VARCHAR.array()),
                        DSL.val(froms, SQLDataType.LOCALDATE.array()),
                        DSL.val(tos, SQLDataType.LOCALDATE.array()),
                        DSL.inline(TOP_RECORDS))
                .forEach(r -> {
                    var record = new LinkedHashMap<String, Object>();
                    record.put("integration_id", r.get(1, Long.class));
                    record.put("object", r.get(2, String.class));
                    record.put("record_id", r.get(3, String.class));
                    record.put("kpi", r.get(4, String.class));
                    record.put("date", r.get(5, LocalDate.class).toString());
                    record.put("value", plain(r.get(6, BigDecimal.class)));
                    result.get(r.get(0, Integer.class)).add(record);
                });
        return result;
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
