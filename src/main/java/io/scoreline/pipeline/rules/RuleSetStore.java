package io.scoreline.pipeline.rules;

import io.scoreline.pipeline.database.TenantTransactions;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Versioned, immutable rule sets: saving never edits a version, it adds the next one and makes it
 * the active one, in one transaction. Callers validate the document before they save it (the
 * use cases of this package do: {@link RuleSetVersions#set}, {@link RuleSetVersions#activate}).
 */
public final class RuleSetStore {

    private final TenantTransactions transactions;
    private final RuleCatalogs catalogs;

    /** Rules checked against the stock catalogs only (tests and tools without discovered catalogs). */
    public RuleSetStore(TenantTransactions transactions) {
        this(transactions, RuleCatalogs.STOCK);
    }

    /** @param catalogs what stored rules compile against: kept with the rules so no loader can forget it */
    public RuleSetStore(TenantTransactions transactions, RuleCatalogs catalogs) {
        this.transactions = transactions;
        this.catalogs = catalogs;
    }

    /** The catalogs the rules of each integration compile against (ADR 0033). */
    public RuleCatalogs catalogs() {
        return catalogs;
    }

    public StoredRuleSet saveNewVersion(long organizationId, long integrationId, String document, String createdBy) {
        return locked(organizationId, integrationId, versions -> versions.saveNext(document, createdBy));
    }

    /**
     * Runs {@code work} in one transaction that holds the integration's rule-set lock, so what it
     * reads is still true when it saves or activates: concurrent saves for one integration wait,
     * and versions stay gap-free and unique.
     */
    public <T> T locked(long organizationId, long integrationId, Function<LockedRuleSets, T> work) {
        return transactions.inOrganization(organizationId, tx -> {
            tx.execute("select pg_advisory_xact_lock(hashtext('mapping_rule_sets'), ?::int)", (int) integrationId);
            return work.apply(new LockedRuleSets(tx, organizationId, integrationId));
        });
    }

    public Optional<StoredRuleSet> active(long organizationId, long integrationId) {
        return transactions.inOrganization(
                organizationId, tx -> new LockedRuleSets(tx, organizationId, integrationId).active());
    }

    public List<StoredRuleSet> versions(long organizationId, long integrationId) {
        return transactions.inOrganization(
                organizationId, tx -> new LockedRuleSets(tx, organizationId, integrationId).versions());
    }
}
