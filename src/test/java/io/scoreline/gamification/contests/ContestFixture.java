package io.scoreline.gamification.contests;

import io.scoreline.connectors.spi.CrmRecord;
import io.scoreline.gamification.KpiChangeConsumer;
import io.scoreline.gamification.KpiDay;
import io.scoreline.gamification.ProfileChanges;
import io.scoreline.gamification.notifications.NotificationStore;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.facts.ChangeOrigin;
import io.scoreline.pipeline.facts.DerivedFact;
import io.scoreline.pipeline.facts.FactDeriver;
import io.scoreline.pipeline.facts.PageWriter;
import io.scoreline.pipeline.people.TeamStore;
import io.scoreline.pipeline.tenancy.NewOrganization;
import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import io.scoreline.sim.TestClock;
import io.scoreline.testing.TestPostgres;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.Record;

/**
 * An organization in Europe/Berlin with a few reps, KPI values written through the real page writer
 * (Task records → {@code calls_made}, the value in the record's {@code Calls} field) and a stand-in
 * for the outbox drain that hands each profile's pending cells to a consumer, as the drain does.
 */
final class ContestFixture implements AutoCloseable {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** One fact per Task: calls_made, dated by ActivityDate at the record's CompletedAt instant. */
    private static final FactDeriver CALLS = record -> {
        var at = Instant.parse((String) record.fields().get("CompletedAt"));
        return List.of(new DerivedFact(
                "calls_made",
                (String) record.fields().get("OwnerId"),
                at.atZone(BERLIN).toLocalDate(),
                at,
                new BigDecimal(record.fields().get("Calls").toString())));
    };

    /** One fact per Event: the KPI named in its {@code Kpi} field, worth its {@code Value}, at {@code CompletedAt}. */
    private static final FactDeriver EVENTS = record -> {
        var at = Instant.parse((String) record.fields().get("CompletedAt"));
        return List.of(new DerivedFact(
                (String) record.fields().get("Kpi"),
                (String) record.fields().get("OwnerId"),
                at.atZone(BERLIN).toLocalDate(),
                at,
                new BigDecimal(record.fields().get("Value").toString())));
    };

    final DatabaseRuntime database;
    final TenantTransactions transactions;
    final TestClock clock;
    final Organization organization;
    final NotificationStore notifications;
    final ContestStore store;
    final ContestLeaderboardUpdater updater;
    final ContestLifecycle lifecycle;
    final Map<String, Long> people = new LinkedHashMap<>();
    private final PageWriter writer;
    private final long integration;
    private final AtomicLong modstamps = new AtomicLong();

    ContestFixture(Instant start, ContestSettings settings, String... names) {
        database = TestPostgres.freshRuntime();
        transactions = new TenantTransactions(database.dsl());
        clock = new TestClock(start);
        organization = new OrganizationStore(transactions)
                .create(NewOrganization.of("acme", "Acme", BERLIN.getId(), "monday"));
        notifications = new NotificationStore(transactions, clock);
        store = new ContestStore(transactions);
        updater = new ContestLeaderboardUpdater(notifications, clock, settings);
        lifecycle = new ContestLifecycle(transactions, notifications, clock, settings);
        // On the fixture's clock: a snapshot KPI's row is of the organization's current day (ADR 0043).
        writer = new PageWriter(transactions, clock);
        integration = transactions.inOrganization(organization.id(), tx -> {
            long id = tx.fetchSingle(
                            "insert into integrations (organization_id, provider, credentials) values (?, 'salesforce', 'x') returning id",
                            organization.id())
                    .get(0, Long.class);
            tx.execute(
                    "insert into kpi_definitions (organization_id, key, name) values (?, 'calls_made', 'Calls made')",
                    organization.id());
            for (var name : names) {
                long profile = tx.fetchSingle(
                                "insert into profiles (organization_id, email) values (?, ?) returning id",
                                organization.id(),
                                name + "@acme.test")
                        .get(0, Long.class);
                people.put(name, profile);
                tx.execute(
                        "insert into crm_identities (organization_id, integration_id, crm_user_id, email, profile_id) values (?, ?, ?, ?, ?)",
                        organization.id(),
                        id,
                        "005" + name,
                        name + "@acme.test",
                        profile);
            }
            return id;
        });
    }

    long team(String name, String... members) {
        var teams = new TeamStore(transactions);
        long team = teams.ensure(organization.id(), name);
        teams.assign(
                organization.id(),
                team,
                java.util.Arrays.stream(members).map(people::get).toList());
        return team;
    }

    Contest create(String name, LocalDate from, LocalDate to, boolean teams, String target, String grace) {
        return store.create(
                        organization,
                        NewContest.of(name, "calls_made", from.toString(), to.toString(), teams, target, grace, null))
                .contest();
    }

    /** A Task record worth {@code calls} calls for {@code person}, done at {@code at}; the same id again is an edit. */
    void calls(String recordId, String person, int calls, Instant at, ChangeOrigin origin) {
        var record = new CrmRecord(
                "Task",
                recordId,
                Instant.EPOCH.plusSeconds(modstamps.incrementAndGet()),
                false,
                Map.of("OwnerId", "005" + person, "CompletedAt", at.toString(), "Calls", calls));
        writer.write(organization.id(), integration, "Task", List.of(record), CALLS, origin, (tx, page) -> {});
    }

    void calls(String recordId, String person, int calls, Instant at) {
        calls(recordId, person, calls, at, ChangeOrigin.live());
    }

    /** An Event record worth {@code value} of {@code kpi} for {@code person} at {@code at}; the same id again is an edit. */
    void fact(String recordId, String person, String kpi, int value, Instant at) {
        var record = new CrmRecord(
                "Event",
                recordId,
                Instant.EPOCH.plusSeconds(modstamps.incrementAndGet()),
                false,
                Map.of("OwnerId", "005" + person, "CompletedAt", at.toString(), "Kpi", kpi, "Value", value));
        writer.write(
                organization.id(),
                integration,
                "Event",
                List.of(record),
                EVENTS,
                ChangeOrigin.live(),
                (tx, page) -> {});
    }

    /**
     * An open Opportunity worth {@code amount} of the snapshot KPI {@code kpi} (ADR 0043) for
     * {@code person}, created at {@code createdAt} and read now (the fixture's clock says which day's
     * snapshot it changes); the same id again is an edit.
     */
    void openDeal(String recordId, String person, String kpi, int amount, Instant createdAt) {
        var record = new CrmRecord(
                "Opportunity",
                recordId,
                Instant.EPOCH.plusSeconds(modstamps.incrementAndGet()),
                false,
                Map.of("OwnerId", "005" + person, "CreatedDate", createdAt.toString(), "Amount", amount));
        var openPipeline = new FactDeriver() {
            @Override
            public List<DerivedFact> derive(CrmRecord r) {
                var at = Instant.parse((String) r.fields().get("CreatedDate"));
                return List.of(new DerivedFact(
                        kpi,
                        (String) r.fields().get("OwnerId"),
                        at.atZone(BERLIN).toLocalDate(),
                        at,
                        new BigDecimal(r.fields().get("Amount").toString())));
            }

            @Override
            public Set<String> snapshotKpis() {
                return Set.of(kpi);
            }
        };
        writer.write(
                organization.id(),
                integration,
                "Opportunity",
                List.of(record),
                openPipeline,
                ChangeOrigin.live(),
                (tx, page) -> {});
    }

    void delete(String recordId) {
        var record =
                new CrmRecord("Task", recordId, Instant.EPOCH.plusSeconds(modstamps.incrementAndGet()), true, Map.of());
        writer.write(
                organization.id(), integration, "Task", List.of(record), CALLS, ChangeOrigin.live(), (tx, page) -> {});
    }

    /** Hands pending outbox rows to the consumer, one transaction per profile, and marks them processed. */
    void drain(KpiChangeConsumer consumer) {
        for (var changes : pending(true)) {
            transactions.inOrganization(organization.id(), tx -> {
                consumer.apply(tx, changes);
                tx.execute(
                        "update kpi_changes set processed_at = now() where profile_id = ? and processed_at is null",
                        changes.profileId());
                return null;
            });
        }
    }

    void drain() {
        drain(updater);
    }

    /** Every outbox row ever written, again, as a replay of the whole outbox would deliver them. */
    void replayAll() {
        for (var changes : pending(false)) {
            transactions.inOrganization(organization.id(), tx -> {
                updater.apply(tx, changes);
                return null;
            });
        }
    }

    private List<ProfileChanges> pending(boolean onlyUnprocessed) {
        var rows = transactions.inOrganization(
                organization.id(),
                tx -> tx.fetch("select profile_id, kpi_key, period_date, notify from kpi_changes"
                        + (onlyUnprocessed ? " where processed_at is null" : "") + " order by id"));
        var cells = new TreeMap<Long, Set<KpiDay>>();
        var notifies = new TreeMap<Long, Boolean>();
        for (Record r : rows) {
            long profile = r.get(0, Long.class);
            cells.computeIfAbsent(profile, p -> new HashSet<>())
                    .add(new KpiDay(r.get(1, String.class), r.get(2, LocalDate.class)));
            notifies.merge(profile, r.get(3, Boolean.class), Boolean::logicalOr);
        }
        var result = new ArrayList<ProfileChanges>();
        cells.forEach(
                (profile, set) -> result.add(new ProfileChanges(organization, profile, set, notifies.get(profile))));
        return result;
    }

    /** "rank participant score reached_at" per row, best first. */
    List<String> board(long contestId) {
        return store.leaderboard(contestId).entries().stream()
                .map(e -> e.rank() + " " + e.participant().replace("@acme.test", "") + " "
                        + e.value()
                                .map(v -> v.stripTrailingZeros().toPlainString())
                                .orElse("—") + " "
                        + e.reachedAt().map(Object::toString).orElse("-"))
                .toList();
    }

    /** "rank participant score" per row, best first. */
    List<String> scores(long contestId) {
        return board(contestId).stream()
                .map(line -> line.substring(0, line.lastIndexOf(' ')))
                .toList();
    }

    /** "kind person" per notification, oldest first. */
    List<String> notices() {
        return transactions
                .inOrganization(
                        organization.id(),
                        tx -> tx.fetch(
                                "select n.kind, p.email from notifications n join profiles p on p.id = n.profile_id order by n.id"))
                .map(r -> r.get(0, String.class) + " " + r.get(1, String.class).replace("@acme.test", ""));
    }

    List<String> noticeKeys() {
        return transactions
                .inOrganization(
                        organization.id(), tx -> tx.fetch("select dedupe_key from notifications order by dedupe_key"))
                .map(r -> r.get(0, String.class));
    }

    ContestStatus status(long contestId) {
        return transactions.inOrganization(
                organization.id(),
                tx -> ContestStatus.fromKey(tx.fetchSingle("select status from contests where id = ?", contestId)
                        .get(0, String.class)));
    }

    @Override
    public void close() {
        database.close();
    }
}
