package io.scoreline.pipeline.kpi.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.connectors.spi.CrmRecord;
import io.scoreline.mappings.CompileResult;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.MappingCompiler;
import io.scoreline.mappings.RuleSet;
import io.scoreline.mappings.measures.KpiFormula;
import io.scoreline.mappings.measures.KpiMeasure;
import io.scoreline.mappings.measures.KpiUnit;
import io.scoreline.mappings.measures.MeasuredValue;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.facts.ChangeOrigin;
import io.scoreline.pipeline.facts.PageWriter;
import io.scoreline.pipeline.facts.RuleSetFactDeriver;
import io.scoreline.pipeline.kpi.KpiGrouping;
import io.scoreline.pipeline.kpi.KpiInputRefused;
import io.scoreline.pipeline.kpi.KpiValueGroups;
import io.scoreline.pipeline.kpi.KpiValueQuery;
import io.scoreline.pipeline.kpi.KpiWindow;
import io.scoreline.pipeline.tenancy.NewOrganization;
import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import io.scoreline.sim.TestClock;
import io.scoreline.testing.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden scenarios of a snapshot KPI (ADR 0043) on a real database and a clock the test moves: open
 * pipeline by owner in Europe/Berlin across the end of summer time (25 October 2026) and a month
 * end, written through the real page writer with a compiled rule document, read through {@link
 * KpiMeasureReader}.
 */
class SnapshotKpiIT {

    private static final String RULES = """
            provider: salesforce
            kpis:
              open_pipeline: { object: Opportunity, kind: snapshot, when: IsClosed = false, value: Amount }
              revenue_won: { object: Opportunity, when: IsWon = true, value: Amount, date: CloseDate }
            """;

    private static final KpiMeasure OPEN_PIPELINE =
            new KpiMeasure("open_pipeline", KpiUnit.CURRENCY, new KpiFormula.Snapshot("open_pipeline"), 0);

    private static DatabaseRuntime database;
    private static TenantTransactions transactions;

    @BeforeAll
    static void start() {
        database = TestPostgres.freshRuntime();
        transactions = new TenantTransactions(database.dsl());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void openPipelineAcrossDaysASummerTimeEndAndAMonthEnd() {
        var crm = new Crm("snap-golden", "2026-10-23T10:00:00Z");
        long alice = crm.rep("alice@snap.test");
        long bob = crm.rep("bob@snap.test");

        // Friday 23 October, 12:00 in Berlin: three opportunities open.
        crm.write(crm.opp("O1", "alice", 1000, false, false), crm.opp("O2", "alice", 500, false, false));
        crm.write(crm.opp("O3", "bob", 2000, false, false));
        // 22:30 UTC on the 24th is already 00:30 on Sunday the 25th in Berlin (summer time, +2).
        crm.at("2026-10-24T22:30:00Z");
        crm.write(crm.opp("O1", "alice", 1200, false, false));
        // 22:30 UTC on the 25th is 23:30 the same Sunday (winter time, +1): the same day's row changes.
        crm.at("2026-10-25T22:30:00Z");
        crm.write(crm.opp("O2", "alice", 500, true, true, "2026-10-25"));
        // Saturday 31 October, the month's last day: bob opens one more.
        crm.at("2026-10-31T15:00:00Z");
        crm.write(crm.opp("O4", "bob", 300, false, false));
        // Monday 2 November: bob's big one is lost, alice's O1 is deleted in the CRM.
        crm.at("2026-11-02T09:00:00Z");
        crm.write(crm.opp("O3", "bob", 2000, true, false, "2026-11-02"));
        crm.write(crm.deleted("O1", "alice", 1200));

        assertThat(crm.snapshotRows())
                .containsExactly(
                        "alice 2026-10-23 1500 2",
                        "alice 2026-10-25 1200 1",
                        "alice 2026-11-02 0 0",
                        "bob 2026-10-23 2000 1",
                        "bob 2026-10-31 2300 2",
                        "bob 2026-11-02 300 1");
        // A snapshot is never a kpi_values cell: only the additive revenue is there.
        assertThat(crm.column("select kpi_key || ' ' || period_date || ' ' || value::numeric(20, 0) from kpi_values"))
                .containsExactly("revenue_won 2026-10-25 500");

        // Each day's value is the latest row up to it; a window's value is its last day's.
        assertThat(crm.value(List.of(alice), "2026-10-24", "2026-10-24")).isEqualTo("1500");
        assertThat(crm.value(List.of(alice), "2026-10-25", "2026-10-25")).isEqualTo("1200");
        assertThat(crm.value(List.of(bob), "2026-10-30", "2026-10-30")).isEqualTo("2000");
        // Pipeline at the month end: the people's values on 31 October added up, never summed over days.
        assertThat(crm.value(List.of(alice, bob), "2026-10-01", "2026-10-31")).isEqualTo("3500");
        assertThat(crm.value(List.of(alice), "2026-10-01", "2026-10-31")).isEqualTo("1200");
        // A window that started before the change still ends after it.
        assertThat(crm.value(List.of(alice, bob), "2026-10-20", "2026-11-30")).isEqualTo("300");
        // Before the first snapshot there is no value: undefined, not zero.
        assertThat(crm.read(List.of(alice, bob), "2026-10-01", "2026-10-22"))
                .isEqualTo(new MeasuredValue.Undefined(
                        "the first snapshot of open_pipeline is of 2026-10-23, after 2026-10-22"));

        // Every change reached the evaluator's outbox, on the day it was taken, live and notifying.
        assertThat(crm.column("""
                        select p.email || ' ' || c.period_date || ' ' || c.origin || ' ' || c.notify
                          from kpi_changes c join profiles p on p.id = c.profile_id
                         where c.kpi_key = 'open_pipeline' order by c.id"""))
                .containsExactly(
                        "alice@snap.test 2026-10-23 live true",
                        "bob@snap.test 2026-10-23 live true",
                        "alice@snap.test 2026-10-25 live true",
                        "alice@snap.test 2026-10-25 live true",
                        "bob@snap.test 2026-10-31 live true",
                        "bob@snap.test 2026-11-02 live true",
                        "alice@snap.test 2026-11-02 live true");

        // The catalog knows the key as a snapshot from its rows, and the grouped kpi-values refuses it.
        assertThat(crm.catalog().get("open_pipeline").formula()).isEqualTo(new KpiFormula.Snapshot("open_pipeline"));
        assertThatThrownBy(() -> new KpiValueGroups(transactions)
                        .page(
                                crm.organization,
                                new KpiValueQuery(
                                        Optional.of("open_pipeline"),
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty(),
                                        KpiGrouping.MONTH,
                                        Optional.empty(),
                                        100),
                                new KpiWindow(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31"))))
                .isInstanceOfSatisfying(KpiInputRefused.class, e -> {
                    assertThat(e.field()).isEqualTo("kpi");
                    assertThat(e.getMessage()).startsWith("'open_pipeline' is a snapshot KPI");
                });
    }

    @Test
    void aReplayChangesNothingAndABackfillNeverNotifies() {
        var crm = new Crm("snap-replay", "2026-11-10T08:00:00Z");
        crm.rep("carol@snap.test");
        var first = crm.opp("O1", "carol", 700, false, false);
        crm.write(first);
        long changes = crm.count("select count(*) from kpi_changes");

        crm.at("2026-11-11T08:00:00Z");
        crm.rewrite(first);
        assertThat(crm.count("select count(*) from kpi_changes")).isEqualTo(changes);
        assertThat(crm.snapshotRows()).containsExactly("carol 2026-11-10 700 1");

        crm.write(ChangeOrigin.backfill(false), crm.opp("O2", "carol", 50, false, false));
        assertThat(crm.snapshotRows()).containsExactly("carol 2026-11-10 700 1", "carol 2026-11-11 750 2");
        assertThat(crm.column("select origin || ' ' || notify from kpi_changes where period_date = '2026-11-11'"))
                .containsExactly("backfill false");
    }

    @Test
    void aRemapChangesOnlyTodaysRowAndARemovedRuleLeavesTheAdditiveCellsAlone() {
        var crm = new Crm("snap-remap", "2026-12-01T09:00:00Z");
        long dave = crm.rep("dave@snap.test");
        crm.write(
                crm.opp("O1", "dave", 400, false, false),
                crm.opp("O2", "dave", 5000, false, false),
                crm.opp("O3", "dave", 900, true, true, "2026-12-01"));

        // Two days later the rule counts only opportunities of 1,000 or more.
        crm.at("2026-12-03T09:00:00Z");
        crm.remap("""
                provider: salesforce
                kpis:
                  open_pipeline: { object: Opportunity, kind: snapshot, when: IsClosed = false AND Amount >= 1000, value: Amount }
                  revenue_won: { object: Opportunity, when: IsWon = true, value: Amount, date: CloseDate }
                """);
        assertThat(crm.snapshotRows()).containsExactly("dave 2026-12-01 5400 2", "dave 2026-12-03 5000 1");
        assertThat(crm.value(List.of(dave), "2026-12-02", "2026-12-02")).isEqualTo("5400");

        // The snapshot rule goes: its facts are retracted from its snapshot, never from kpi_values.
        crm.at("2026-12-04T09:00:00Z");
        crm.remap("""
                provider: salesforce
                kpis:
                  revenue_won: { object: Opportunity, when: IsWon = true, value: Amount, date: CloseDate }
                """);
        assertThat(crm.snapshotRows())
                .containsExactly("dave 2026-12-01 5400 2", "dave 2026-12-03 5000 1", "dave 2026-12-04 0 0");
        assertThat(crm.column("select kpi_key || ' ' || period_date || ' ' || value::numeric(20, 0) from kpi_values"))
                .containsExactly("revenue_won 2026-12-01 900");
        assertThat(crm.count("select count(*) from kpi_facts where kpi_key = 'open_pipeline'"))
                .isZero();
    }

    /** One organization in Europe/Berlin with a Salesforce integration, written to as a sync would. */
    private static final class Crm {

        final TestClock clock;
        final Organization organization;
        private final PageWriter writer;
        private final long integration;
        private final AtomicLong modstamps = new AtomicLong();
        private final Map<String, CrmRecord> stored = new LinkedHashMap<>();
        private RuleSet rules = compile(RULES);

        Crm(String slug, String start) {
            clock = new TestClock(Instant.parse(start));
            organization = new OrganizationStore(transactions)
                    .create(NewOrganization.of(slug, slug, "Europe/Berlin", "monday"));
            writer = new PageWriter(transactions, clock);
            integration = transactions.inOrganization(
                    organization.id(),
                    tx -> tx.fetchSingle(
                                    "insert into integrations (organization_id, provider, credentials) values (?, 'salesforce', 'x') returning id",
                                    organization.id())
                            .get(0, Long.class));
        }

        /** A rep whose CRM user id is the part of the e-mail before '@'. */
        long rep(String email) {
            return transactions.inOrganization(organization.id(), tx -> {
                long profile = tx.fetchSingle(
                                "insert into profiles (organization_id, email) values (?, ?) returning id",
                                organization.id(),
                                email)
                        .get(0, Long.class);
                tx.execute(
                        "insert into crm_identities (organization_id, integration_id, crm_user_id, email, profile_id) values (?, ?, ?, ?, ?)",
                        organization.id(),
                        integration,
                        email.substring(0, email.indexOf('@')),
                        email,
                        profile);
                return profile;
            });
        }

        void at(String instant) {
            clock.advance(Duration.between(clock.instant(), Instant.parse(instant)));
        }

        CrmRecord opp(String id, String owner, int amount, boolean closed, boolean won) {
            return opp(id, owner, amount, closed, won, null);
        }

        CrmRecord opp(String id, String owner, int amount, boolean closed, boolean won, String closeDate) {
            return record(id, owner, amount, closed, won, closeDate, false);
        }

        CrmRecord deleted(String id, String owner, int amount) {
            return record(id, owner, amount, false, false, null, true);
        }

        private CrmRecord record(
                String id, String owner, int amount, boolean closed, boolean won, String closeDate, boolean deleted) {
            var fields = new HashMap<String, Object>();
            fields.put("Id", id);
            fields.put("OwnerId", owner);
            fields.put("Amount", amount);
            fields.put("IsClosed", closed);
            fields.put("IsWon", won);
            fields.put("CloseDate", closeDate == null ? "2026-12-31" : closeDate);
            fields.put("CreatedDate", "2026-10-01T08:00:00Z");
            return new CrmRecord(
                    "Opportunity",
                    id,
                    Instant.parse("2026-01-01T00:00:00Z").plusSeconds(modstamps.incrementAndGet()),
                    deleted,
                    fields);
        }

        void write(CrmRecord... records) {
            write(ChangeOrigin.live(), records);
        }

        void write(ChangeOrigin origin, CrmRecord... records) {
            for (var record : records) {
                stored.put(record.recordId(), record);
            }
            writer.write(
                    organization.id(), integration, "Opportunity", List.of(records), deriver(), origin, (tx, r) -> {});
        }

        /** The same state delivered again, as a replayed page. */
        void rewrite(CrmRecord record) {
            writer.write(
                    organization.id(),
                    integration,
                    "Opportunity",
                    List.of(record),
                    deriver(),
                    ChangeOrigin.live(),
                    (tx, r) -> {});
        }

        /** A new rule version re-derives the stored records, as {@code remap} does. */
        void remap(String document) {
            rules = compile(document);
            writer.rederive(
                    organization.id(),
                    integration,
                    "Opportunity",
                    new ArrayList<>(stored.values()),
                    deriver(),
                    ChangeOrigin.live(),
                    (tx, r) -> {});
        }

        private RuleSetFactDeriver deriver() {
            return new RuleSetFactDeriver(rules, organization.timezone(), null, w -> {});
        }

        /** "owner day value facts" per snapshot row, in person and day order. */
        List<String> snapshotRows() {
            return column("""
                    select split_part(p.email, '@', 1) || ' ' || s.period_date || ' ' || s.value::numeric(20, 0)
                           || ' ' || s.fact_count
                      from kpi_snapshots s join profiles p on p.id = s.profile_id
                     where s.kpi_key = 'open_pipeline'
                     order by p.email, s.period_date""");
        }

        MeasuredValue read(List<Long> people, String from, String to) {
            return transactions.inOrganization(
                    organization.id(),
                    tx -> KpiMeasureReader.value(
                            tx, organization.id(), OPEN_PIPELINE, people, LocalDate.parse(from), LocalDate.parse(to)));
        }

        /** The defined value, as a plain number. */
        String value(List<Long> people, String from, String to) {
            var value = read(people, from, to);
            assertThat(value).isInstanceOf(MeasuredValue.Defined.class);
            return ((MeasuredValue.Defined) value).value().stripTrailingZeros().toPlainString();
        }

        Map<String, KpiMeasure> catalog() {
            return transactions.inOrganization(organization.id(), tx -> KpiMeasureCatalog.of(tx, organization.id()));
        }

        List<String> column(String sql) {
            return transactions.inOrganization(
                    organization.id(), tx -> tx.fetch(sql).map(r -> String.valueOf(r.get(0))));
        }

        long count(String sql) {
            return transactions.inOrganization(
                    organization.id(), tx -> tx.fetchSingle(sql).get(0, Long.class));
        }

        private static RuleSet compile(String document) {
            var result = MappingCompiler.compile(document, FieldCatalog.stock(CrmProvider.SALESFORCE));
            if (!(result instanceof CompileResult.Compiled compiled)) {
                throw new IllegalArgumentException("test rules: " + result.problems());
            }
            return compiled.ruleSet();
        }
    }
}
