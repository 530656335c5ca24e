package io.scoreline.pipeline.identities;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.connectors.spi.CrmUser;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.testing.TestPostgres;
import io.scoreline.testing.TestTenant;
import java.util.List;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CrmIdentityStoreIT {

    private static DatabaseRuntime database;
    private static TestTenant tenant;
    private static CrmIdentityStore store;

    @BeforeAll
    static void setUp() {
        database = TestPostgres.freshRuntime();
        tenant = TestTenant.create(database, "ids", CrmProvider.SALESFORCE);
        store = new CrmIdentityStore(tenant.transactions());
        tenant.transactions()
                .inOrganization(
                        tenant.organizationId(),
                        tx -> tx.execute(
                                "insert into profiles (organization_id, email) values (?, 'alice@acme.test')",
                                tenant.organizationId()));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void linksByEmailIgnoringCaseKeepsTheUnmatchedAndCreatesProfilesOnRequest() {
        var users = List.of(
                new CrmUser("005A", "Alice@ACME.test", "Alice", true),
                new CrmUser("005B", "bob@acme.test", "Bob", true),
                new CrmUser("005C", "carol@acme.test", "Carol", false),
                new CrmUser("005I", null, "Integration User", true));

        var first = store.sync(tenant.organizationId(), tenant.integrationId(), users, false);
        assertThat(first).isEqualTo(new UsersSyncResult(4, 1, 0, 3));
        assertThat(store.unmatched(tenant.organizationId(), tenant.integrationId()))
                .extracting(CrmIdentity::crmUserId)
                .containsExactly("005B", "005C", "005I");

        var second = store.sync(tenant.organizationId(), tenant.integrationId(), users, true);
        // Bob is active with an e-mail: he gets a profile. Carol is inactive; the integration user has no e-mail.
        assertThat(second).isEqualTo(new UsersSyncResult(4, 1, 1, 2));
        int profiles = tenant.transactions()
                .inOrganization(tenant.organizationId(), tx -> tx.fetchCount(DSL.table("profiles")));
        assertThat(profiles).isEqualTo(2);

        var again = store.sync(tenant.organizationId(), tenant.integrationId(), users, true);
        assertThat(again).isEqualTo(new UsersSyncResult(4, 0, 0, 2));
    }
}
