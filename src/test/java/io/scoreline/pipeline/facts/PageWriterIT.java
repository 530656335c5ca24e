package io.scoreline.pipeline.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.connectors.spi.CrmRecord;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.testing.TestPostgres;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The page write against a real database: replays, edits, deletes, owner moves and
 * out-of-order states must leave kpi_values equal to the sum of the current facts.
 */
class PageWriterIT {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static DatabaseRuntime database;
    private static TenantTransactions transactions;
    private static PageWriter writer;
    private static long org;
    private static long integration;
    private static long alice;
    private static long bob;

    /** A tiny stand-in for a rule set: Task calls count 1, talk time = seconds / 60 for the owner. */
    private static final FactDeriver CALLS = record -> {
        var facts = new ArrayList<DerivedFact>();
        var when = Instant.parse((String) record.fields().get("CreatedDate"));
        var owner = (String) record.fields().get("OwnerId");
        facts.add(new DerivedFact("calls_made", owner, when.atZone(BERLIN).toLocalDate(), when, BigDecimal.ONE));
        if (record.fields().get("CallDurationInSeconds") instanceof Number seconds && seconds.intValue() > 0) {
            facts.add(new DerivedFact(
                    "talk_time_minutes",
                    owner,
                    when.atZone(BERLIN).toLocalDate(),
                    when,
                    new BigDecimal(seconds.toString())
                            .divide(new BigDecimal(60), 10, java.math.RoundingMode.HALF_EVEN)));
        }
        return facts;
    };

    @BeforeAll
    static void organization() {
        database = TestPostgres.freshRuntime();
        transactions = new TenantTransactions(database.dsl());
        writer = new PageWriter(transactions);
        org = transactions.withoutOrganization(
                tx -> tx.fetchSingle("select nextval(pg_get_serial_sequence('organizations', 'id'))")
                        .get(0, Long.class));
        transactions.inOrganization(org, tx -> {
            tx.execute(
                    "insert into organizations (id, slug, name, timezone) values (?, 'pw', 'PW', 'Europe/Berlin')",
                    org);
            alice = tx.fetchSingle(
                            "insert into profiles (organization_id, email) values (?, 'alice@pw.test') returning id",
                            org)
                    .get(0, Long.class);
            bob = tx.fetchSingle(
                            "insert into profiles (organization_id, email) values (?, 'bob@pw.test') returning id", org)
                    .get(0, Long.class);
            integration = tx.fetchSingle(
                            "insert into integrations (organization_id, provider, credentials) values (?, 'salesforce', 'x') returning id",
                            org)
                    .get(0, Long.class);
            tx.execute(
                    "insert into crm_identities (organization_id, integration_id, crm_user_id, email, profile_id) values "
                            + "(?, ?, '005A', 'alice@pw.test', ?), (?, ?, '005B', 'bob@pw.test', ?), (?, ?, '005X', 'ghost@pw.test', null)",
                    org,
                    integration,
                    alice,
                    org,
                    integration,
                    bob,
                    org,
                    integration);
            return null;
        });
    }

    @BeforeEach
    void emptyFacts() {
        transactions.inOrganization(org, tx -> {
            tx.execute("delete from kpi_facts");
            tx.execute("delete from kpi_values");
            tx.execute("delete from kpi_changes");
            tx.execute("delete from crm_records");
            return null;
        });
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void firstPageCreatesFactsValuesAndOutbox() {
        var result = write(
                call("T1", "005A", "2026-11-20T09:00:00Z", 90, "2026-11-20T09:05:00Z"),
                call("T2", "005A", "2026-11-20T10:00:00Z", 0, "2026-11-20T10:05:00Z"),
                call("T3", "005B", "2026-11-20T23:30:00Z", 30, "2026-11-20T23:35:00Z"));

        assertThat(result).isEqualTo(new PageResult(3, 0, 5, 4));
        assertThat(values())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "alice calls_made 2026-11-20", "2.000000 x2",
                        "alice talk_time_minutes 2026-11-20", "1.500000 x1",
                        // 23:30 UTC is already the 21st in Berlin
                        "bob calls_made 2026-11-21", "1.000000 x1",
                        "bob talk_time_minutes 2026-11-21", "0.500000 x1"));
        assertThat(outboxRows()).isEqualTo(4);
    }

    @Test
    void replayingAPageChangesNothing() {
        var page = List.of(call("T1", "005A", "2026-11-20T09:00:00Z", 125, "2026-11-20T09:05:00Z"));
        write(page.toArray(CrmRecord[]::new));
        var before = values();
        int outbox = outboxRows();

        var replay = write(page.toArray(CrmRecord[]::new));

        assertThat(replay.factsChanged()).isZero();
        assertThat(replay.cellsChanged()).isZero();
        assertThat(values()).isEqualTo(before).containsEntry("alice talk_time_minutes 2026-11-20", "2.083333 x1");
        assertThat(outboxRows()).isEqualTo(outbox);
    }

    @Test
    void editMovesTheDifferenceOnly() {
        write(call("T1", "005A", "2026-11-20T09:00:00Z", 60, "2026-11-20T09:05:00Z"));
        write(call("T1", "005A", "2026-11-20T09:00:00Z", 180, "2026-11-20T11:00:00Z"));
        assertThat(values())
                .containsEntry("alice talk_time_minutes 2026-11-20", "3.000000 x1")
                .containsEntry("alice calls_made 2026-11-20", "1.000000 x1");
    }

    @Test
    void theUpsertTellsRecordsStoredForTheFirstTimeFromRecordsItUpdates() {
        var first = upsert(
                call("T1", "005A", "2026-11-20T09:00:00Z", 60, "2026-11-20T09:05:00Z"),
                call("T2", "005A", "2026-11-20T10:00:00Z", 0, "2026-11-20T10:05:00Z"));
        var second = upsert(
                call("T1", "005A", "2026-11-20T09:00:00Z", 90, "2026-11-20T11:00:00Z"),
                call("T2", "005A", "2026-11-20T10:00:00Z", 0, "2026-11-20T10:04:00Z"),
                call("T3", "005B", "2026-11-20T12:00:00Z", 30, "2026-11-20T12:05:00Z"));

        assertThat(first.current()).extracting(CrmRecord::recordId).containsExactly("T1", "T2");
        assertThat(first.firstStored()).containsExactlyInAnyOrder("T1", "T2");
        // T2's older state is not applied; T1 is updated, so its facts must be read: only T3 is new.
        assertThat(second.current()).extracting(CrmRecord::recordId).containsExactly("T1", "T3");
        assertThat(second.firstStored()).containsExactly("T3");
    }

    @Test
    void deleteRetractsEverythingTheRecordGave() {
        write(
                call("T1", "005A", "2026-11-20T09:00:00Z", 60, "2026-11-20T09:05:00Z"),
                call("T2", "005A", "2026-11-20T10:00:00Z", 0, "2026-11-20T10:05:00Z"));
        var deleted = new CrmRecord("Task", "T1", Instant.parse("2026-11-20T12:00:00Z"), true, Map.of());
        var result = write(deleted);
        assertThat(result.factsChanged()).isEqualTo(2);
        assertThat(values()).containsExactlyInAnyOrderEntriesOf(Map.of("alice calls_made 2026-11-20", "1.000000 x1"));
        assertThat(factCount()).isEqualTo(1);
    }

    @Test
    void ownerChangeMovesTheFactBetweenPeople() {
        write(call("T1", "005A", "2026-11-20T09:00:00Z", 60, "2026-11-20T09:05:00Z"));
        write(call("T1", "005B", "2026-11-20T09:00:00Z", 60, "2026-11-20T13:00:00Z"));
        assertThat(values())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "bob calls_made 2026-11-20", "1.000000 x1",
                        "bob talk_time_minutes 2026-11-20", "1.000000 x1"));
    }

    @Test
    void olderStateArrivingLateIsIgnored() {
        write(call("T1", "005A", "2026-11-20T09:00:00Z", 120, "2026-11-20T12:00:00Z"));
        var late = write(call("T1", "005B", "2026-11-20T09:00:00Z", 60, "2026-11-20T10:00:00Z"));
        assertThat(late.staleRecordsSkipped()).isEqualTo(1);
        assertThat(late.factsChanged()).isZero();
        assertThat(values())
                .containsEntry("alice talk_time_minutes 2026-11-20", "2.000000 x1")
                .doesNotContainKey("bob calls_made 2026-11-20");
    }

    @Test
    void unmatchedOwnerKeepsTheFactButNoValue() {
        var result = write(call("T9", "005X", "2026-11-20T09:00:00Z", 0, "2026-11-20T09:05:00Z"));
        assertThat(result.factsChanged()).isEqualTo(1);
        assertThat(result.cellsChanged()).isZero();
        assertThat(values()).isEmpty();
        assertThat(factCount()).isEqualTo(1);
    }

    @Test
    void failureInTheSameTransactionLeavesNothing() {
        assertThatThrownBy(() -> writer.write(
                        org,
                        integration,
                        "Task",
                        List.of(call("T1", "005A", "2026-11-20T09:00:00Z", 60, "2026-11-20T09:05:00Z")),
                        CALLS,
                        ChangeOrigin.live(),
                        (tx, page) -> {
                            throw new IllegalStateException("crash before the checkpoint");
                        }))
                .hasMessageContaining("crash before the checkpoint");
        assertThat(values()).isEmpty();
        assertThat(factCount()).isZero();
        assertThat(outboxRows()).isZero();
        int records = transactions.inOrganization(org, tx -> tx.fetchCount(DSL.table("crm_records")));
        assertThat(records).isZero();
    }

    @Test
    void backfillOriginIsCarriedIntoTheOutbox() {
        writer.write(
                org,
                integration,
                "Task",
                List.of(call("T1", "005A", "2026-11-20T09:00:00Z", 0, "2026-11-20T09:05:00Z")),
                CALLS,
                ChangeOrigin.backfill(false),
                (tx, page) -> {});
        var row = transactions.inOrganization(org, tx -> tx.fetchSingle("select origin, notify from kpi_changes"));
        assertThat(row.get("origin", String.class)).isEqualTo("backfill");
        assertThat(row.get("notify", Boolean.class)).isFalse();
    }

    private static CrmRecord call(String id, String owner, String created, int seconds, String modstamp) {
        return new CrmRecord(
                "Task",
                id,
                Instant.parse(modstamp),
                false,
                Map.of("OwnerId", owner, "CreatedDate", created, "CallDurationInSeconds", seconds));
    }

    /** {@link #CALLS}, declaring the fields it reads, as a rule set's deriver does (ADR 0034). */
    private static FactDeriver reading(String... fields) {
        return new FactDeriver() {
            @Override
            public List<DerivedFact> derive(CrmRecord record) {
                return CALLS.derive(record);
            }

            @Override
            public java.util.Set<String> fieldsRead(String objectType) {
                return java.util.Set.of(fields);
            }
        };
    }

    @Test
    void aRecordStoredWithoutAFieldTheRulesReadIsNeitherReDerivedNorAmendedUntilReadAgain() {
        var countOnly = reading("OwnerId", "CreatedDate");
        var withTalkTime = reading("OwnerId", "CreatedDate", "CallDurationInSeconds");
        var stored = call("T1", "005A", "2026-11-20T09:00:00Z", 90, "2026-11-20T09:05:00Z");
        writer.write(org, integration, "Task", List.of(stored), countOnly, ChangeOrigin.live(), (tx, page) -> {});
        assertThat(storedFieldSet("T1")).containsExactly("CreatedDate", "OwnerId");

        assertThatThrownBy(() -> writer.rederive(
                        org, integration, "Task", List.of(stored), withTalkTime, ChangeOrigin.live(), (tx, p) -> {}))
                .isInstanceOfSatisfying(
                        io.scoreline.failure.ScorelineException.class,
                        e -> assertThat(e.kind()).isEqualTo(io.scoreline.failure.FailureKind.BUG))
                .hasMessageContaining("T1")
                .hasMessageContaining("CallDurationInSeconds");
        var heldForAmendment = new ArrayList<String>();
        writer.amend(
                org,
                integration,
                "Task",
                List.of("T1"),
                held -> {
                    heldForAmendment.addAll(held.keySet());
                    return List.of();
                },
                withTalkTime,
                ChangeOrigin.live(),
                (tx, p) -> {});
        assertThat(heldForAmendment)
                .as("held without a field the rules read: read back, never amended")
                .isEmpty();
        writer.amend(
                org,
                integration,
                "Task",
                List.of("T1"),
                held -> {
                    heldForAmendment.addAll(held.keySet());
                    return List.of(held.get("T1"));
                },
                countOnly,
                ChangeOrigin.live(),
                (tx, p) -> {});
        assertThat(heldForAmendment).containsExactly("T1");
        assertThat(storedFieldSet("T1"))
                .as("an amendment keeps the fields the record was read with")
                .containsExactly("CreatedDate", "OwnerId");

        // Read again with the field: stored as read with it, and re-derived.
        writer.write(org, integration, "Task", List.of(stored), withTalkTime, ChangeOrigin.live(), (tx, p) -> {});
        assertThat(storedFieldSet("T1")).containsExactly("CallDurationInSeconds", "CreatedDate", "OwnerId");
        var rederived = writer.rederive(
                org, integration, "Task", List.of(stored), withTalkTime, ChangeOrigin.live(), (tx, p) -> {});
        assertThat(rederived.factsChanged()).isZero();
        assertThat(values()).containsEntry("alice talk_time_minutes 2026-11-20", "1.500000 x1");
    }

    private static List<String> storedFieldSet(String recordId) {
        return transactions.inOrganization(
                org,
                tx -> List.of(tx.fetchSingle(
                                "select s.fields from crm_records r join crm_field_sets s on s.id = r.field_set_id"
                                        + " where r.record_id = ?",
                                recordId)
                        .get(0, String[].class)));
    }

    private static PageResult write(CrmRecord... records) {
        return writer.write(org, integration, "Task", List.of(records), CALLS, ChangeOrigin.live(), (tx, page) -> {});
    }

    private static RawRecordUpserter.Applied upsert(CrmRecord... records) {
        return transactions.inOrganization(
                org,
                tx -> RawRecordUpserter.upsert(
                        tx, org, integration, "Task", RawRecordUpserter.rows(List.of(records)), null));
    }

    /** "person kpi date" → "value xcount", read back from kpi_values. */
    private static Map<String, String> values() {
        return transactions.inOrganization(org, tx -> {
            var result = new TreeMap<String, String>();
            tx.fetch(
                            "select p.email, v.kpi_key, v.period_date, v.value, v.fact_count from kpi_values v join profiles p on p.id = v.profile_id")
                    .forEach(r -> result.put(
                            r.get(0, String.class).replace("@pw.test", "") + " " + r.get(1, String.class) + " "
                                    + r.get(2, LocalDate.class),
                            r.get(3, BigDecimal.class).toPlainString() + " x" + r.get(4, Integer.class)));
            return result;
        });
    }

    private static int outboxRows() {
        return transactions.inOrganization(org, tx -> tx.fetchCount(DSL.table("kpi_changes")));
    }

    private static int factCount() {
        return transactions.inOrganization(org, tx -> tx.fetchCount(DSL.table("kpi_facts")));
    }
}
