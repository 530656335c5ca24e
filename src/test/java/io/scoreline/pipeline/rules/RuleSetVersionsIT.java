package io.scoreline.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.RuleChange;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.secrets.CredentialCipher;
import io.scoreline.pipeline.secrets.MasterKey;
import io.scoreline.testing.TestEnvironment;
import io.scoreline.testing.TestPostgres;
import io.scoreline.testing.TestTenant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rule-set use case on the real database: what {@code mapping set} decided in the command, and rolling back. */
class RuleSetVersionsIT {

    private static final AtomicInteger TENANTS = new AtomicInteger();
    private static DatabaseRuntime database;
    private static String stock;

    private TestTenant tenant;
    private RuleSetStore store;
    private RuleSetVersions versions;

    @BeforeAll
    static void start() throws Exception {
        database = TestPostgres.freshRuntime();
        stock = Files.readString(Path.of("mappings/salesforce.yaml"));
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @BeforeEach
    void tenant() {
        tenant = TestTenant.create(database, "rules-" + TENANTS.incrementAndGet(), CrmProvider.SALESFORCE);
        var cipher = new CredentialCipher(new MasterKey(TestEnvironment.MASTER_KEY));
        var integrations = new IntegrationStore(tenant.transactions(), () -> cipher);
        store = new RuleSetStore(tenant.transactions());
        versions = new RuleSetVersions(integrations, store, new RuleDocumentCheck());
    }

    @Test
    void theFirstVersionAddsEveryRule() {
        var change = versions.set(tenant.integrationId(), stock, "test");

        var stored = (RuleSetChange.Stored) change;
        assertThat(stored.stored().version()).isEqualTo(1);
        assertThat(stored.stored().active()).isTrue();
        assertThat(stored.changes()).hasSize(10).allMatch(c -> c instanceof RuleChange.Added);
        assertThat(versions.active(tenant.integrationId()).document()).isEqualTo(stock);
    }

    @Test
    void theSameTextStoresNothingOtherTextIsTheNextVersionWithItsDiff() {
        versions.set(tenant.integrationId(), stock, "test");

        var same = versions.set(tenant.integrationId(), stock, "test");
        assertThat(same)
                .isInstanceOfSatisfying(
                        RuleSetChange.Unchanged.class,
                        u -> assertThat(u.active().version()).isEqualTo(1));

        var commented =
                versions.set(tenant.integrationId(), stock + "# a comment changes the text, not the rules\n", "test");
        assertThat(commented).isInstanceOfSatisfying(RuleSetChange.Stored.class, s -> {
            assertThat(s.stored().version()).isEqualTo(2);
            assertThat(s.changes()).isEmpty();
        });

        var edited = versions.set(
                tenant.integrationId(),
                stock.replace("when: TaskSubtype IN ('Email', 'ListEmail')", "when: TaskSubtype = 'Email'"),
                "test");
        assertThat(edited).isInstanceOfSatisfying(RuleSetChange.Stored.class, s -> {
            assertThat(s.stored().version()).isEqualTo(3);
            assertThat(s.changes())
                    .singleElement()
                    .isInstanceOfSatisfying(
                            RuleChange.Changed.class, c -> assertThat(c.kpi()).isEqualTo("emails_sent"));
        });
        assertThat(versions.versions(tenant.integrationId()))
                .extracting(StoredRuleSet::version)
                .containsExactly(1, 2, 3);
        assertThat(versions.versions(tenant.integrationId()))
                .filteredOn(StoredRuleSet::active)
                .extracting(StoredRuleSet::version)
                .containsExactly(3);
    }

    @Test
    void anInvalidDocumentStoresNothing() {
        versions.set(tenant.integrationId(), stock, "test");

        var change = versions.set(tenant.integrationId(), """
                provider: salesforce
                kpis:
                  calls:
                    object: Task
                    when: Statuz = 'Completed'
                """, "test");

        assertThat(change)
                .isInstanceOfSatisfying(
                        RuleSetChange.Rejected.class,
                        r -> assertThat(r.problems()).anySatisfy(p -> {
                            assertThat(p.line()).isEqualTo(5);
                            assertThat(p.message()).contains("Statuz");
                        }));
        assertThat(versions.versions(tenant.integrationId())).hasSize(1);
    }

    @Test
    void aDocumentForAnotherCrmIsRejected() throws Exception {
        var change = versions.set(tenant.integrationId(), Files.readString(Path.of("mappings/hubspot.yaml")), "test");

        assertThat(change).isInstanceOf(RuleSetChange.Rejected.class);
        assertThat(versions.versions(tenant.integrationId())).isEmpty();
    }

    @Test
    void setOrFailNamesTheFirstError() {
        assertThatThrownBy(() -> versions.setOrFail(
                        tenant.integrationId(),
                        "provider: salesforce\nkpis:\n  calls:\n    object: Tusk\n",
                        "test",
                        "rules.yaml"))
                .isInstanceOfSatisfying(
                        ScorelineException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.BAD_INPUT))
                .hasMessageMatching("rules rules\\.yaml:\\d+:\\d+: .* are not valid; nothing was stored");
        assertThat(versions.versions(tenant.integrationId())).isEmpty();
    }

    @Test
    void concurrentSetsDiffAgainstEachOther() throws Exception {
        var other = stock.replace("when: TaskSubtype IN ('Email', 'ListEmail')", "when: TaskSubtype = 'Email'");
        var start = new CountDownLatch(1);
        List<Callable<RuleSetChange>> sets = List.of(
                () -> {
                    start.await();
                    return versions.set(tenant.integrationId(), stock, "a");
                },
                () -> {
                    start.await();
                    return versions.set(tenant.integrationId(), other, "b");
                });
        var changes = new ArrayList<RuleSetChange>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = sets.stream().map(threads::submit).toList();
            start.countDown();
            for (var future : futures) {
                changes.add(future.get());
            }
        }

        // Serialized by the lock: whichever came second saw the first as the active version.
        assertThat(changes).allMatch(c -> c instanceof RuleSetChange.Stored);
        assertThat(changes)
                .extracting(c -> ((RuleSetChange.Stored) c).stored().version())
                .containsExactlyInAnyOrder(1, 2);
        var second = changes.stream()
                .map(RuleSetChange.Stored.class::cast)
                .filter(s -> s.stored().version() == 2)
                .findFirst()
                .orElseThrow();
        assertThat(second.changes()).singleElement().isInstanceOf(RuleChange.Changed.class);
    }

    @Test
    void rollingBackActivatesTheStoredVersionUnedited() {
        versions.set(tenant.integrationId(), stock, "test");
        versions.set(
                tenant.integrationId(),
                stock.replace("when: TaskSubtype IN ('Email', 'ListEmail')", "when: TaskSubtype = 'Email'"),
                "test");

        var activation = versions.activate(tenant.integrationId(), 1);

        assertThat(activation).isInstanceOfSatisfying(RuleSetActivation.Activated.class, a -> {
            assertThat(a.previousVersion()).contains(2);
            assertThat(a.changes())
                    .singleElement()
                    .isInstanceOfSatisfying(
                            RuleChange.Changed.class, c -> assertThat(c.kpi()).isEqualTo("emails_sent"));
        });
        assertThat(versions.active(tenant.integrationId())).satisfies(active -> {
            assertThat(active.version()).isEqualTo(1);
            assertThat(active.document()).isEqualTo(stock);
        });
        assertThat(versions.activate(tenant.integrationId(), 1)).isInstanceOf(RuleSetActivation.AlreadyActive.class);
        // The next version still follows the highest one, whichever is active.
        var next = versions.set(tenant.integrationId(), stock + "# again\n", "test");
        assertThat(next)
                .isInstanceOfSatisfying(
                        RuleSetChange.Stored.class,
                        s -> assertThat(s.stored().version()).isEqualTo(3));
    }

    @Test
    void aVersionThatNoLongerCompilesIsNotActivated() {
        versions.set(tenant.integrationId(), stock, "test");
        // Stored without validation, as a version accepted by an older catalog would be.
        store.saveNewVersion(
                tenant.organizationId(),
                tenant.integrationId(),
                "provider: salesforce\nkpis:\n  calls:\n    object: Tusk\n",
                "old");
        versions.set(tenant.integrationId(), stock + "# latest\n", "test");

        assertThat(versions.activate(tenant.integrationId(), 2))
                .isInstanceOfSatisfying(
                        RuleSetActivation.Rejected.class,
                        r -> assertThat(r.problems()).isNotEmpty());
        assertThat(versions.active(tenant.integrationId()).version()).isEqualTo(3);
    }

    @Test
    void unknownIntegrationsAndVersionsAreNotFound() {
        versions.set(tenant.integrationId(), stock, "test");

        assertThatThrownBy(() -> versions.activate(tenant.integrationId(), 7))
                .isInstanceOfSatisfying(
                        ScorelineException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.NOT_FOUND))
                .hasMessageContaining("has no version 7");
        assertThatThrownBy(() -> versions.set(987_654, stock, "test"))
                .isInstanceOfSatisfying(
                        ScorelineException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.NOT_FOUND));
        assertThatThrownBy(() -> versions.version(tenant.integrationId(), 7))
                .isInstanceOfSatisfying(
                        ScorelineException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.NOT_FOUND));
    }
}
