package io.scoreline.pipeline.sync;

import static io.scoreline.pipeline.db.Tables.CRM_RECORDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.connectors.spi.Checkpoint;
import io.scoreline.mappings.CompileResult;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.MappingCompiler;
import io.scoreline.mappings.RuleSet;
import io.scoreline.pipeline.runs.CheckpointStore;
import io.scoreline.pipeline.runs.SyncStatus;
import io.scoreline.pipeline.runs.SyncTrigger;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.data.Activity;
import io.scoreline.sim.data.ActivityKind;
import io.scoreline.sim.data.CallOutcome;
import io.scoreline.testing.KpiTruth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What syncing any CRM must do, end to end against its simulator over real HTTP, run once per CRM by a
 * subclass that says how to connect it ({@link CrmSyncFixture}): the KPI values after a sync equal an
 * independent evaluation of the simulator's ground-truth dump with the same rules; syncing again
 * changes nothing; edits, deletions and owner changes arrive with the next sync; reading by id gives
 * the current state; a backfill interrupted between pages, or failing in one while the next is in
 * flight, resumes from the last committed page to the same values; a backfill never moves the live
 * cursor, unless it reaches the present: then the live cursors start where it ended. What only one
 * CRM does (how it batches, its bulk API, its faults) stays in that CRM's tests.
 */
abstract class CrmSyncContract {

    static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    static final LocalDate FROM = LocalDate.of(2026, 2, 1);
    static final LocalDate TO = LocalDate.of(2026, 3, 1);
    /** A backfill from long before the simulated history up to today reaches the present. */
    static final LocalDate HISTORY = LocalDate.of(2026, 1, 1);

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    /** Small backfill pages, so that a backfill spans several transactions and can be interrupted between them. */
    static final int PAGE = 200;

    @TempDir
    Path dumps;

    CrmSyncFixture fixture;
    private RuleSet rules;

    /**
     * This CRM's simulator, started with these options on this clock, connected to a fresh database.
     * The clock ticks: a simulator's rate limits are measured on it, and a fixed clock would never free a window.
     */
    abstract CrmSyncFixture connect(SimulatorOptions simulator, Clock clock, SyncSettings backfillSettings);

    @BeforeEach
    void start() {
        fixture = connect(
                SimulatorOptions.defaults().withSeed(11).withVolume(4, 12).withLastDay(TO),
                CrmSyncFixture.tickingFrom(NOW),
                new SyncSettings(Duration.ofMinutes(10), Duration.ofDays(90), PAGE, 0.5));
        rules = ((CompileResult.Compiled) MappingCompiler.compile(
                        fixture.stockRuleDocument(), FieldCatalog.stock(fixture.ruleProvider())))
                .ruleSet();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void firstSyncMatchesTheGroundTruthAndLeavesTheCursorAtTheNewestRecordAndASecondSyncChangesNothing() {
        var first = sync();
        assertThat(first.recordsRead()).isGreaterThan(500);
        assertThat(first.apiCalls()).isPositive();
        var expected = expectedFromDump("first");
        assertThat(expected).isNotEmpty();
        assertThat(kpiValues()).isEqualTo(expected);
        var cursor = liveCursor(fixture.callObject()).orElseThrow();
        assertCursorAtNewestStored(fixture.callObject(), cursor);

        var second = sync();
        assertThat(second.factsChanged()).isZero();
        assertThat(kpiValues()).isEqualTo(expected);
        assertThat(liveCursor(fixture.callObject()))
                .as("nothing new, so the cursor stays")
                .contains(cursor);
    }

    @Test
    void editsDeletionsAndOwnerChangesArriveWithTheNextIncrementalSync() {
        var first = sync();
        var before = expectedFromDump("before");
        var cursor = liveCursor(fixture.callObject()).orElseThrow();

        var calls = liveCalls().limit(6).toList();
        // Two deleted (archived), two handed to another rep, two edited (a call that did not connect now did, or the
        // reverse).
        delete(calls.get(0));
        delete(calls.get(1));
        var dataset = fixture.sims().dataset();
        for (var call : calls.subList(2, 4)) {
            int other = (call.meta().ownerRep() + 1) % dataset.reps().size();
            dataset.update(call.withMeta(call.meta().reassigned(other, now())));
        }
        for (var call : calls.subList(4, 6)) {
            var c = (Activity.Call) call;
            var outcome = c.outcome() == CallOutcome.values()[0] ? CallOutcome.values()[1] : CallOutcome.values()[0];
            dataset.update(new Activity.Call(
                    c.meta().modified(now()), c.subject(), c.outbound(), c.durationSeconds() + 60, outcome));
        }

        var second = sync();
        var after = expectedFromDump("after");
        assertThat(after).as("the changes move KPI values").isNotEqualTo(before);
        assertThat(kpiValues()).isEqualTo(after);
        assertThat(second.factsChanged()).isPositive();
        assertThat(second.recordsRead())
                .as("read from the cursor on, not everything again")
                .isLessThan(first.recordsRead() / 10);
        var deleted = fixture.transactions()
                .inOrganization(
                        fixture.organization().id(),
                        tx -> tx.select(CRM_RECORDS.DELETED)
                                .from(CRM_RECORDS)
                                .where(CRM_RECORDS.OBJECT_TYPE.eq(fixture.callObject()))
                                .and(CRM_RECORDS.RECORD_ID.in(
                                        fixture.recordId(calls.get(0)), fixture.recordId(calls.get(1))))
                                .fetch(CRM_RECORDS.DELETED));
        assertThat(deleted).containsExactly(true, true);
        var moved = liveCursor(fixture.callObject()).orElseThrow();
        assertThat(moved.modstamp()).as("the cursor moves to the newest change").isAfter(cursor.modstamp());
        assertCursorAtNewestStored(fixture.callObject(), moved);

        var third = sync();
        assertThat(third.factsChanged()).isZero();
        assertThat(kpiValues()).isEqualTo(after);
    }

    @Test
    void readByIdGivesTheCurrentStateReportsDeletedRecordsDeletedAndLeavesUnknownIdsOut() {
        sync();
        var stored = storedCallIds(150);
        assertThat(stored).hasSize(150);
        var gone = liveCalls()
                .filter(call -> fixture.recordId(call).equals(stored.getFirst()))
                .findFirst()
                .orElseThrow();
        delete(gone);
        var ids = new ArrayList<>(stored);
        ids.add(fixture.unknownCallId(0));
        ids.add(fixture.unknownCallId(1));
        try (var connector = fixture.openConnector()) {
            var fields = fixture.callOwnerAndStatus();
            var read = connector.read(fixture.callObject(), fields, ids);
            assertThat(read).extracting(r -> r.recordId()).containsExactlyInAnyOrderElementsOf(stored);
            assertThat(read)
                    .filteredOn(r -> r.deleted())
                    .extracting(r -> r.recordId())
                    .containsExactly(stored.getFirst());
            assertThat(read)
                    .filteredOn(r -> !r.deleted())
                    .allSatisfy(r -> assertThat(r.fields()).containsKeys(fields.toArray(String[]::new)));
            assertThatThrownBy(() -> connector.read(fixture.callObject(), fields, List.of("1' OR '1'='1")))
                    .hasMessageContaining("not a " + fixture.crmName() + " record id");
        }
    }

    @Test
    void backfillInterruptedBetweenPagesResumesToTheSameValuesAndLeavesTheLiveCursorAlone() {
        var plan = fixture.backfill().plan(fixture.integrationId(), FROM, TO);
        assertThat(plan.records()).isGreaterThan(500);
        assertThat(plan.apiCalls())
                .as("more than one call per object: pages are counted")
                .isGreaterThan(plan.objects().size());

        var crash = new IllegalStateException("simulated kill -9 after the second committed page");
        var crashing = new PageCounter() {
            @Override
            public void advanced(long records) {
                super.advanced(records);
                if (pages() == 2) {
                    throw crash;
                }
            }
        };
        assertThatThrownBy(() -> fixture.backfill().run(fixture.integrationId(), FROM, TO, false, crashing))
                .isSameAs(crash);
        var interrupted = fixture.runs()
                .recent(fixture.organization().id(), fixture.integrationId(), 1)
                .getFirst();
        assertThat(interrupted.status()).isEqualTo(SyncStatus.RUNNING);
        assertThat(interrupted.recordsRead())
                .as("the two committed pages, and nothing after them")
                .isEqualTo(crashing.records())
                .isBetween(PAGE + 1L, 2L * PAGE);

        var resumed = fixture.backfill().resume(interrupted.id(), fixture.integrationId(), ProgressListener.none());
        assertThat(resumed.status()).as(resumed.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(resumed.recordsRead()).isGreaterThanOrEqualTo(plan.records());
        assertThat(kpiValues()).isEqualTo(expectedFromDump("resumed"));
        for (var object : plan.objects()) {
            assertThat(liveCursor(object.objectType()))
                    .as("a backfill never moves the live cursor of %s", object.objectType())
                    .isEmpty();
        }
        int fromBackfill = countKpiChanges(DSL.field("origin").eq("backfill"));
        assertThat(fromBackfill)
                .as("every change the backfill made is marked as the backfill's")
                .isPositive()
                .isEqualTo(countKpiChanges(DSL.noCondition()));
    }

    @Test
    void aPageFailingWhileTheNextIsInFlightLeavesTheCheckpointAtTheLastCommittedPage() throws SQLException {
        var plan = fixture.backfill().plan(fixture.integrationId(), FROM, TO);
        var biggest = plan.objects().stream()
                .max(Comparator.comparingLong(BackfillPlan.ObjectEstimate::records))
                .orElseThrow();
        var object = biggest.objectType();
        assertThat(biggest.records()).as("enough %s for four pages", object).isGreaterThan(3L * PAGE);
        // A real failure inside the third page's transaction of the object: the trigger numbers the
        // transactions that insert its records, and the third raises. Pages lock and write their
        // records in page order, so it is always the third page, while the second may still be
        // committing beside it.
        asOwner("""
                create sequence contract_pages;
                create function fail_third_page() returns trigger language plpgsql security definer as $$
                declare
                    page text := current_setting('contract.page', true);
                begin
                    if new.object_type = '%1$s' then
                        if page is null or page = '' then
                            page := nextval('contract_pages')::text;
                            perform set_config('contract.page', page, true);
                        end if;
                        if page::int > 2 then
                            raise exception 'injected failure in the third %1$s page';
                        end if;
                    end if;
                    return new;
                end $$;
                create trigger fail_third_page before insert on crm_records for each row execute function fail_third_page()""".formatted(object));

        var pages = new HashMap<String, PageCounter>();
        var failed = fixture.backfill().run(fixture.integrationId(), FROM, TO, false, new ProgressListener() {
            private PageCounter current;

            @Override
            public void started(String objectType, long expectedRecords) {
                current = pages.computeIfAbsent(objectType, type -> new PageCounter());
            }

            @Override
            public void advanced(long records) {
                current.advanced(records);
            }

            @Override
            public void finished() {}
        });

        assertThat(failed.status()).isEqualTo(SyncStatus.FAILED);
        assertThat(failed.message()).hasValueSatisfying(m -> assertThat(m).contains("injected failure"));
        assertThat(ObjectPump.PAGES_IN_FLIGHT).as("the case this test is about").isGreaterThan(1);
        var committed = pages.get(object);
        assertThat(committed.pages())
                .as("pages one and two committed, three and four did not")
                .isEqualTo(2);
        assertThat(storedCount(object)).isEqualTo(committed.records()).isBetween(PAGE + 1L, 2L * PAGE);
        var checkpoint = fixture.checkpoints()
                .load(
                        fixture.organization().id(),
                        fixture.integrationId(),
                        object,
                        CheckpointStore.backfillScope(failed.runId()))
                .orElseThrow();
        assertCursorAtNewestStored(object, checkpoint);

        asOwner("drop trigger fail_third_page on crm_records");
        var resumed = fixture.backfill().resume(failed.runId(), fixture.integrationId(), ProgressListener.none());
        assertThat(resumed.status()).as(resumed.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(kpiValues()).isEqualTo(expectedFromDump("resumed"));
    }

    @Test
    void aBackfillToNowStartsTheLiveCursorsWhereItEndedAndTheNextSyncReadsOnlyWhatChangedSince() {
        var backfill =
                fixture.backfill().run(fixture.integrationId(), HISTORY, TODAY, false, editACallAfterTheFirstPage());
        assertThat(backfill.status()).as(backfill.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(backfill.recordsRead()).isGreaterThan(1_000);
        var objects = rules.fieldsByObject().keySet();
        for (var object : objects) {
            var live = liveCursor(object);
            assertThat(live).as("live cursor of %s (ADR 0025)", object).isPresent();
            assertThat(live.get().modstamp()).isBeforeOrEqualTo(NOW);
            fixture.checkpoints()
                    .load(
                            fixture.organization().id(),
                            fixture.integrationId(),
                            object,
                            CheckpointStore.backfillScope(backfill.runId()))
                    .ifPresent(ended -> assertThat(live)
                            .as("%s starts where the backfill ended", object)
                            .contains(ended));
        }

        var sync = fixture.sync().sync(fixture.integrationId(), SyncTrigger.SCHEDULE);

        assertThat(sync.status()).as(sync.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(sync.recordsRead())
                .as("the edited call and the records within the lookback of the backfill's end")
                .isPositive()
                .isLessThan(backfill.recordsRead() / 20);
        assertThat(sync.apiCalls())
                .as("a page of changes and the deletions per object")
                .isLessThanOrEqualTo(fixture.callsToSyncQuietly(objects));
        assertThat(sync.factsChanged())
                .as("the call edited during the backfill")
                .isPositive();
        assertThat(kpiValues()).isEqualTo(expectedFromDump("synced"));
    }

    /**
     * After the backfill's first committed page the oldest live call changes outcome and duration:
     * modified after the backfill's window ended (the time it started), so only a sync can read it.
     */
    private ProgressListener editACallAfterTheFirstPage() {
        return new PageCounter() {
            @Override
            public void advanced(long records) {
                super.advanced(records);
                if (pages() == 1) {
                    var call = (Activity.Call) liveCalls().findFirst().orElseThrow();
                    var outcome = Arrays.stream(CallOutcome.values())
                            .filter(o -> o.connected() != call.outcome().connected())
                            .findFirst()
                            .orElseThrow();
                    fixture.sims()
                            .dataset()
                            .update(new Activity.Call(
                                    call.meta().modified(now()),
                                    call.subject(),
                                    call.outbound(),
                                    call.durationSeconds() + 600,
                                    outcome));
                }
            }
        };
    }

    /** Counts the pages and records a run reports committed. */
    static class PageCounter implements ProgressListener {
        private int pages;
        private long records;

        @Override
        public void started(String objectType, long expectedRecords) {}

        @Override
        public void advanced(long records) {
            pages++;
            this.records += records;
        }

        @Override
        public void finished() {}

        int pages() {
            return pages;
        }

        long records() {
            return records;
        }
    }

    SyncOutcome sync() {
        var outcome = fixture.sync().sync(fixture.integrationId(), SyncTrigger.MANUAL);
        assertThat(outcome.status()).as(outcome.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
        return outcome;
    }

    /** Calls the simulated CRM has not deleted, oldest first. */
    java.util.stream.Stream<Activity> liveCalls() {
        return fixture.sims().dataset().stream(ActivityKind.CALL)
                .filter(call -> !call.meta().deleted());
    }

    /** Deletes (archives) an activity in the simulated CRM, now. */
    void delete(Activity activity) {
        fixture.sims().dataset().update(activity.withMeta(activity.meta().deletedAt(now())));
    }

    Instant now() {
        return fixture.sims().options().clock().instant();
    }

    /** Ids of up to {@code limit} stored calls that are not deleted, in id order. */
    List<String> storedCallIds(int limit) {
        return fixture.transactions()
                .inOrganization(
                        fixture.organization().id(),
                        tx -> tx.select(CRM_RECORDS.RECORD_ID)
                                .from(CRM_RECORDS)
                                .where(CRM_RECORDS.OBJECT_TYPE.eq(fixture.callObject()))
                                .and(CRM_RECORDS.DELETED.isFalse())
                                .orderBy(CRM_RECORDS.RECORD_ID)
                                .limit(limit)
                                .fetch(CRM_RECORDS.RECORD_ID));
    }

    private Optional<Checkpoint> liveCursor(String objectType) {
        return fixture.checkpoints()
                .load(fixture.organization().id(), fixture.integrationId(), objectType, CheckpointStore.LIVE);
    }

    /** A keyset cursor is the (modification time, id) of the newest record written under it. */
    private void assertCursorAtNewestStored(String objectType, Checkpoint cursor) {
        var newest = fixture.transactions()
                .inOrganization(
                        fixture.organization().id(),
                        tx -> tx.fetch(
                                "select record_id, modstamp from crm_records where object_type = ? and modstamp = (select max(modstamp)"
                                        + " from crm_records where object_type = ?)",
                                objectType,
                                objectType));
        assertThat(newest).as("the newest stored %s", objectType).isNotEmpty();
        assertThat(newest.getFirst().get(1, OffsetDateTime.class).toInstant()).isEqualTo(cursor.modstamp());
        assertThat(newest.getValues(0, String.class)).contains(cursor.recordId());
    }

    private long storedCount(String objectType) {
        return fixture.transactions()
                .inOrganization(
                        fixture.organization().id(),
                        tx -> tx.fetchCount(CRM_RECORDS, CRM_RECORDS.OBJECT_TYPE.eq(objectType)));
    }

    private int countKpiChanges(org.jooq.Condition condition) {
        return fixture.transactions()
                .inOrganization(fixture.organization().id(), tx -> tx.fetchCount(DSL.table("kpi_changes"), condition));
    }

    private void asOwner(String sql) throws SQLException {
        var owner = fixture.database().ownerEndpoint();
        try (var connection = DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password());
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** "email kpi date" → value, from the database. */
    Map<String, BigDecimal> kpiValues() {
        return KpiTruth.stored(fixture.transactions(), fixture.organization().id());
    }

    /** The same rules applied to a fresh dump of the simulator by the evaluator alone: no connector, no database. */
    Map<String, BigDecimal> expectedFromDump(String name) {
        var dump = dumps.resolve(name);
        try {
            Files.createDirectories(dump);
            fixture.sims().dump(dump);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return KpiTruth.fromDump(
                dump, fixture.ruleProvider(), rules, fixture.organization().timezone());
    }
}
