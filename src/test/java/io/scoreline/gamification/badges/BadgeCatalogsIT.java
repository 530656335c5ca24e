package io.scoreline.gamification.badges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.tenancy.NewOrganization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import io.scoreline.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What {@code badges add} decided in the command, now in the use case, on the real database. */
class BadgeCatalogsIT {

    private static final String CATALOG = """
            badges:
              - key: big_week
                name: Big week
                category: calling
                rule: { kind: threshold, kpi: calls_made, period: week, at_least: 40 }
            """;

    private static DatabaseRuntime database;
    private static BadgeStore badges;
    private static BadgeCatalogs catalogs;
    private static long organizationId;

    @BeforeAll
    static void start() {
        database = TestPostgres.freshRuntime();
        var transactions = new TenantTransactions(database.dsl());
        var organizations = new OrganizationStore(transactions);
        organizationId = organizations
                .create(NewOrganization.of("badges", "Badges", "Europe/Berlin", "monday"))
                .id();
        badges = new BadgeStore(transactions, StockCatalog.badges());
        catalogs = new BadgeCatalogs(organizations, badges);
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void anInvalidCatalogIsRejectedBeforeTheOrganizationIsLookedUpAndStoresNothing() {
        var invalid = CATALOG.replace("40", "lots");

        assertThat(catalogs.addCustom("no-such-org", invalid))
                .isInstanceOfSatisfying(
                        BadgeCatalogs.Outcome.Rejected.class,
                        r -> assertThat(r.problems())
                                .singleElement()
                                .satisfies(p -> assertThat(p.format("f"))
                                        .isEqualTo("f:5:71: at_least must be a positive number, got 'lots'")));
        assertThat(catalogs.addCustom("badges", invalid.replace("big_week", "bad_week")))
                .isInstanceOf(BadgeCatalogs.Outcome.Rejected.class);
        assertThat(badges.active(organizationId)).extracting(Badge::key).doesNotContain("bad_week");
    }

    @Test
    void aValidCatalogForAnUnknownOrganizationIsNotFound() {
        assertThatThrownBy(() -> catalogs.addCustom("no-such-org", CATALOG))
                .isInstanceOfSatisfying(
                        ScorelineException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.NOT_FOUND));
    }

    @Test
    void aValidCatalogAddsItsBadgesBesideTheStockOnes() {
        var outcome = catalogs.addCustom("badges", CATALOG);

        assertThat(outcome).isInstanceOfSatisfying(BadgeCatalogs.Outcome.Added.class, a -> {
            assertThat(a.organization().id()).isEqualTo(organizationId);
            assertThat(a.badges()).extracting(BadgeDefinition::key).containsExactly("big_week");
        });
        assertThat(badges.active(organizationId)).extracting(Badge::key).contains("big_week");
    }
}
