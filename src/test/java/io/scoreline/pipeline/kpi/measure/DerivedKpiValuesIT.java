package io.scoreline.pipeline.kpi.measure;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.connectors.spi.CrmRecord;
import io.scoreline.mappings.measures.KpiFormula;
import io.scoreline.mappings.measures.KpiMeasure;
import io.scoreline.mappings.measures.KpiUnit;
import io.scoreline.mappings.measures.MeasuredValue;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.facts.ChangeOrigin;
import io.scoreline.pipeline.facts.DerivedFact;
import io.scoreline.pipeline.facts.FactDeriver;
import io.scoreline.pipeline.facts.PageWriter;
import io.scoreline.pipeline.tenancy.NewOrganization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import io.scoreline.testing.TestPostgres;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden scenarios of ADR 0042's derived KPIs on a real database: facts go through the real page
 * writer (so {@code kpi_values} and {@code kpi_facts.distinct_value} are what the product
 * stores), values are read through {@link KpiMeasureReader}. The derived KPIs are built here, as
 * the rule document's {@code derived:} section would declare them.
 */
class DerivedKpiValuesIT {

    private static final LocalDate MON = LocalDate.parse("2026-11-02");
    private static final LocalDate TUE = MON.plusDays(1);
    private static final LocalDate WED = MON.plusDays(2);

    private static DatabaseRuntime database;
    private static final AtomicInteger ORGS = new AtomicInteger();

    @BeforeAll
    static void start() {
        database = TestPostgres.freshRuntime();
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void aRatioIsUndefinedBelowItsMinimumAndATeamDividesItsSummedParts() {
        var org = new Org();
        long ana = org.profile("ana");
        long bo = org.profile("bo");
        org.calls("ana", MON, 2, 1);
        org.calls("ana", TUE, 1, 1);
        org.calls("bo", MON, 12, 3);
        var connectRate = new KpiMeasure(
                "connect_rate",
                KpiUnit.PERCENT,
                new KpiFormula.Ratio("call_connects", "calls_made", BigDecimal.TEN),
                0);

        assertThat(org.value(connectRate, List.of(ana), MON, WED))
                .isEqualTo(new MeasuredValue.Undefined("3 calls_made, fewer than the minimum 10"));
        assertThat(org.value(connectRate, List.of(bo), MON, WED)).isEqualTo(defined("25.000000"));
        // The team's rate is 5 connects of 15 calls, not the mean of 66.7 % and 25 %.
        assertThat(org.value(connectRate, List.of(ana, bo), MON, WED)).isEqualTo(defined("33.333333"));

        var lenient = new KpiMeasure(
                "connect_share", KpiUnit.COUNT, new KpiFormula.Ratio("call_connects", "calls_made", BigDecimal.ONE), 0);
        assertThat(org.value(lenient, List.of(ana), MON, WED)).isEqualTo(defined("0.666667"));
        // A day without a call divides by nothing: undefined, never zero.
        assertThat(org.value(lenient, List.of(ana), WED, WED))
                .isEqualTo(new MeasuredValue.Undefined("0 calls_made, fewer than the minimum 1"));

        assertThat(org.byPerson(connectRate, List.of(ana, bo), MON, WED))
                .containsExactly(
                        Map.entry(ana, new MeasuredValue.Undefined("3 calls_made, fewer than the minimum 10")),
                        Map.entry(bo, defined("25.000000")));
    }

    @Test
    void anAverageDividesTheSumByTheFactsOfThePeopleTogether() {
        var org = new Org();
        long ana = org.profile("ana");
        long bo = org.profile("bo");
        long cy = org.profile("cy");
        org.deal("ana", MON, "1000");
        org.deal("ana", TUE, "500");
        org.deal("bo", TUE, "3000");
        org.calls("cy", MON, 1, 0);
        var dealSize = new KpiMeasure("avg_deal_size", KpiUnit.CURRENCY, new KpiFormula.Average("revenue_won", 1), 0);

        assertThat(org.value(dealSize, List.of(ana), MON, WED)).isEqualTo(defined("750.000000"));
        assertThat(org.value(dealSize, List.of(ana), TUE, TUE)).isEqualTo(defined("500.000000"));
        // Three deals worth 4500 together: 1500 each, not the mean of 750 and 3000.
        assertThat(org.value(dealSize, List.of(ana, bo), MON, WED)).isEqualTo(defined("1500.000000"));
        assertThat(org.value(dealSize, List.of(cy), MON, WED))
                .isEqualTo(new MeasuredValue.Undefined("0 revenue_won facts, fewer than the minimum 1"));
    }

    @Test
    void aDistinctCountCountsEachValueOnceAcrossDaysAndPeople() {
        var org = new Org();
        long ana = org.profile("ana");
        long bo = org.profile("bo");
        org.call("ana", MON, "ACC-A");
        org.call("ana", MON, "ACC-B");
        org.call("ana", MON, "ACC-A");
        org.call("ana", TUE, "ACC-A");
        org.call("ana", TUE, "ACC-C");
        org.call("ana", TUE, null);
        org.call("bo", MON, "ACC-A");
        org.call("bo", WED, "ACC-D");
        var accounts = new KpiMeasure("accounts_called", KpiUnit.COUNT, new KpiFormula.DistinctCount("calls_made"), 0);

        assertThat(org.value(accounts, List.of(ana), MON, MON)).isEqualTo(defined("2"));
        assertThat(org.value(accounts, List.of(ana), MON, WED)).isEqualTo(defined("3"));
        assertThat(org.value(accounts, List.of(ana, bo), MON, WED)).isEqualTo(defined("4"));
        assertThat(org.value(accounts, List.of(ana, bo), WED, WED)).isEqualTo(defined("1"));
        assertThat(org.byPerson(accounts, List.of(ana, bo), MON, TUE))
                .containsExactly(Map.entry(ana, defined("3")), Map.entry(bo, defined("1")));

        // A call moved to another account is counted under its new account only, and although the
        // cell's value and count stay, it is touched: one outbox row, so a badge or contest re-judges.
        String changesOfTuesday = "select count(*) from kpi_changes where kpi_key = 'calls_made' and profile_id = "
                + ana + " and period_date = date '" + TUE + "'";
        var before = Long.parseLong(org.stored(changesOfTuesday).getFirst());
        org.recall("ana", TUE, 2, "ACC-E");
        assertThat(Long.parseLong(org.stored(changesOfTuesday).getFirst())).isEqualTo(before + 1);
        assertThat(org.stored(
                        "select value || '/' || fact_count from kpi_values where kpi_key = 'calls_made' and profile_id = "
                                + ana + " and period_date = date '" + TUE + "'"))
                .containsExactly("3.000000/3");
        assertThat(org.value(accounts, List.of(ana), TUE, TUE)).isEqualTo(defined("2"));
        assertThat(org.stored("select distinct_value from kpi_facts where record_id = 'ana-T-" + TUE + "-2'"))
                .containsExactly("ACC-E");
    }

    @Test
    void aWeightedSumAddsTheWeightedInputsOfEveryone() {
        var org = new Org();
        long ana = org.profile("ana");
        long bo = org.profile("bo");
        org.calls("ana", MON, 3, 0);
        org.meeting("ana", MON);
        org.meeting("ana", TUE);
        org.calls("bo", TUE, 4, 0);
        var activity = new KpiMeasure(
                "activity_points",
                KpiUnit.COUNT,
                new KpiFormula.WeightedSum(List.of(
                        new KpiFormula.Term("calls_made", BigDecimal.ONE),
                        new KpiFormula.Term("meetings_booked", new BigDecimal("5")))),
                0);

        assertThat(org.value(activity, List.of(ana), MON, WED)).isEqualTo(defined("13"));
        assertThat(org.value(activity, List.of(ana, bo), MON, WED)).isEqualTo(defined("17"));
        assertThat(org.value(activity, List.of(bo), MON, MON)).isEqualTo(defined("0"));
    }

    @Test
    void aScorecardCapsEachPersonsDayBeforeAddingDaysAndPeople() {
        var org = new Org();
        long ana = org.profile("ana");
        long bo = org.profile("bo");
        org.calls("ana", MON, 60, 0);
        org.calls("ana", TUE, 20, 0);
        org.meeting("ana", TUE);
        org.calls("bo", MON, 30, 0);
        org.calls("bo", TUE, 70, 0);
        var score = new KpiMeasure(
                "activity_score",
                KpiUnit.COUNT,
                new KpiFormula.Scorecard(List.of(
                        new KpiFormula.Line("calls_made", BigDecimal.ONE, Optional.of(new BigDecimal("50"))),
                        new KpiFormula.Line("meetings_booked", BigDecimal.TEN, Optional.empty()))),
                0);

        // Ana: min(50, 60) + min(50, 20) + 10 = 80; uncapped over the window it would be 90.
        assertThat(org.value(score, List.of(ana), MON, WED)).isEqualTo(defined("80"));
        // Bo: 30 + 50 = 80. Together 160: the cap applies per person and day, not to 100 calls on Monday.
        assertThat(org.value(score, List.of(bo), MON, WED)).isEqualTo(defined("80"));
        assertThat(org.value(score, List.of(ana, bo), MON, WED)).isEqualTo(defined("160"));
        assertThat(org.value(score, List.of(ana, bo), MON, MON)).isEqualTo(defined("80"));
    }

    private static MeasuredValue defined(String value) {
        return new MeasuredValue.Defined(new BigDecimal(value).setScale(FormulaValue.SCALE));
    }

    /**
     * An organization fed with records whose fields say the fact they give: one KPI, owner, day,
     * value and the account ({@code distinct:} field) per record.
     */
    private static final class Org {

        private final TenantTransactions transactions = new TenantTransactions(database.dsl());
        private final long organizationId;
        private final long integrationId;
        private final PageWriter writer = new PageWriter(transactions);
        private final AtomicInteger modstamps = new AtomicInteger();
        private final Map<String, Integer> sequence = new HashMap<>();

        Org() {
            var slug = "derived-" + ORGS.incrementAndGet();
            organizationId = new OrganizationStore(transactions)
                    .create(NewOrganization.of(slug, slug, "Europe/Berlin", "monday"))
                    .id();
            integrationId = transactions.inOrganization(
                    organizationId,
                    tx -> tx.fetchSingle(
                                    "insert into integrations (organization_id, provider, credentials) values (?, 'salesforce', 'x') returning id",
                                    organizationId)
                            .get(0, Long.class));
        }

        long profile(String owner) {
            return transactions.inOrganization(organizationId, tx -> {
                long profile = tx.fetchSingle(
                                "insert into profiles (organization_id, email) values (?, ?) returning id",
                                organizationId,
                                owner + "@acme.test")
                        .get(0, Long.class);
                tx.execute(
                        "insert into crm_identities (organization_id, integration_id, crm_user_id, email, profile_id) values (?, ?, ?, ?, ?)",
                        organizationId,
                        integrationId,
                        owner,
                        owner + "@acme.test",
                        profile);
                return profile;
            });
        }

        /** {@code count} calls on {@code day}, the first {@code connected} of them connected. */
        void calls(String owner, LocalDate day, int count, int connected) {
            var page = new ArrayList<CrmRecord>();
            for (int i = 0; i < count; i++) {
                var id = owner + "-T-" + day + "-" + next(owner + day);
                page.add(record(id, owner, day, "calls_made", "1", null, i < connected));
            }
            write("Task", page);
        }

        void call(String owner, LocalDate day, String account) {
            var id = owner + "-T-" + day + "-" + next(owner + day);
            write("Task", List.of(record(id, owner, day, "calls_made", "1", account, false)));
        }

        /** The {@code n}th call of the day again, now on another account. */
        void recall(String owner, LocalDate day, int n, String account) {
            var id = owner + "-T-" + day + "-" + n;
            write("Task", List.of(record(id, owner, day, "calls_made", "1", account, false)));
        }

        void deal(String owner, LocalDate day, String amount) {
            var id = owner + "-O-" + day + "-" + next("deal" + owner + day);
            write("Opportunity", List.of(record(id, owner, day, "revenue_won", amount, null, false)));
        }

        void meeting(String owner, LocalDate day) {
            var id = owner + "-E-" + day + "-" + next("meeting" + owner + day);
            write("Event", List.of(record(id, owner, day, "meetings_booked", "1", null, false)));
        }

        MeasuredValue value(KpiMeasure measure, Collection<Long> people, LocalDate from, LocalDate to) {
            return transactions.inOrganization(
                    organizationId, tx -> KpiMeasureReader.value(tx, organizationId, measure, people, from, to));
        }

        Map<Long, MeasuredValue> byPerson(KpiMeasure measure, Collection<Long> people, LocalDate from, LocalDate to) {
            return transactions.inOrganization(
                    organizationId,
                    tx -> KpiMeasureReader.valuesByPerson(tx, organizationId, measure, people, from, to));
        }

        List<String> stored(String sql) {
            return transactions.inOrganization(
                    organizationId, tx -> tx.fetch(sql).map(r -> String.valueOf(r.get(0))));
        }

        private int next(String key) {
            return sequence.merge(key, 1, Integer::sum);
        }

        private CrmRecord record(
                String id, String owner, LocalDate day, String kpi, String value, String account, boolean connected) {
            var fields = new HashMap<String, Object>();
            fields.put("kpi", kpi);
            fields.put("OwnerId", owner);
            fields.put("day", day.toString());
            fields.put("value", value);
            fields.put("connected", connected);
            if (account != null) {
                fields.put("WhatId", account);
            }
            return new CrmRecord(
                    "Task",
                    id,
                    Instant.parse("2026-01-01T00:00:00Z").plusSeconds(modstamps.incrementAndGet()),
                    false,
                    fields);
        }

        private void write(String objectType, List<CrmRecord> page) {
            // The facts a rule set with a `distinct: WhatId` calls rule would derive (that rule's
            // parsing is the rule document's; this test is about what is stored and read).
            FactDeriver deriver = record -> {
                var fields = record.fields();
                var day = LocalDate.parse((String) fields.get("day"));
                var kpi = (String) fields.get("kpi");
                var facts = new ArrayList<DerivedFact>();
                facts.add(new DerivedFact(
                        kpi,
                        (String) fields.get("OwnerId"),
                        day,
                        null,
                        new BigDecimal((String) fields.get("value")),
                        (String) fields.get("WhatId")));
                if (Boolean.TRUE.equals(fields.get("connected"))) {
                    facts.add(new DerivedFact(
                            "call_connects", (String) fields.get("OwnerId"), day, null, BigDecimal.ONE));
                }
                return facts;
            };
            var typed = page.stream()
                    .map(r -> new CrmRecord(objectType, r.recordId(), r.modstamp(), r.deleted(), r.fields()))
                    .toList();
            writer.write(organizationId, integrationId, objectType, typed, deriver, ChangeOrigin.live(), (tx, r) -> {});
        }
    }
}
