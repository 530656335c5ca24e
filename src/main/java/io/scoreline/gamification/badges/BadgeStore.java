package io.scoreline.gamification.badges;

import static io.scoreline.pipeline.db.Tables.BADGES;

import io.scoreline.pipeline.audit.Actor;
import io.scoreline.pipeline.audit.AuditEntry;
import io.scoreline.pipeline.audit.AuditLog;
import io.scoreline.pipeline.database.TenantTransactions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The badge rows of each organization: the stock catalog copied in once per organization and
 * process (idempotent: a refresh rewrites only stock rows), and the organization's own badges.
 */
public final class BadgeStore {

    // The unique index is on an expression (stock rows of old had a null organization), so the
    // conflict target is spelled out in SQL.
    private static final String UPSERT = """
            insert into badges (organization_id, key, name, category, description, rule, policy, origin)
            select {0}, b.key, b.name, b.category, b.description, b.rule::jsonb, b.policy, {7}
              from unnest({1}, {2}, {3}, {4}, {5}, {6}) as b(key, name, category, description, rule, policy)
            on conflict (coalesce(organization_id, 0), key) do update
               set name = excluded.name, category = excluded.category, description = excluded.description,
                   rule = excluded.rule, policy = excluded.policy, origin = excluded.origin, active = true
             where {8} or badges.origin = 'stock'""";

    private final TenantTransactions transactions;
    private final List<BadgeDefinition> stock;
    private final Map<Long, Boolean> stockInstalled = new ConcurrentHashMap<>();

    public BadgeStore(TenantTransactions transactions, List<BadgeDefinition> stock) {
        this.transactions = transactions;
        this.stock = List.copyOf(stock);
    }

    /** Copies the stock catalog into the organization, at most once per process; inside the caller's transaction. */
    public void ensureStockInstalled(DSLContext tx, long organizationId) {
        if (stockInstalled.containsKey(organizationId)) {
            return;
        }
        upsert(tx, organizationId, stock, "stock");
        stockInstalled.put(organizationId, true);
    }

    /**
     * Adds or replaces the organization's own badges by key (a stock badge of the same key is
     * overridden), with the audit row of {@code actor} in the same transaction.
     */
    public int addCustom(long organizationId, List<BadgeDefinition> badges, Actor actor) {
        return transactions.inOrganization(organizationId, tx -> {
            ensureStockInstalled(tx, organizationId);
            int stored = upsert(tx, organizationId, badges, "custom");
            AuditLog.append(
                    tx,
                    organizationId,
                    new AuditEntry(
                            actor,
                            "badges.add",
                            "organization:" + organizationId,
                            Map.of(
                                    "badges",
                                    badges.stream().map(BadgeDefinition::key).toList())));
            return stored;
        });
    }

    /** The organization's active badges with where each comes from, by category and key. */
    public List<CatalogBadge> catalog(long organizationId) {
        return transactions.inOrganization(organizationId, tx -> {
            var badges = active(tx, organizationId);
            var origins = tx.select(BADGES.ID, BADGES.ORIGIN)
                    .from(BADGES)
                    .where(BADGES.ORGANIZATION_ID.eq(organizationId))
                    .and(BADGES.ACTIVE)
                    .fetchMap(BADGES.ID, BADGES.ORIGIN);
            return badges.stream()
                    .map(b -> new CatalogBadge(b.definition(), origins.getOrDefault(b.id(), "stock")))
                    .toList();
        });
    }

    /**
     * The organization's active badges, stock and custom, installing the stock catalog first; the
     * caller's transaction must name the organization. An installation whose transaction rolled back
     * is noticed (no stock row) and repeated.
     */
    public List<Badge> active(DSLContext tx, long organizationId) {
        ensureStockInstalled(tx, organizationId);
        return active(tx, organizationId, true);
    }

    private List<Badge> active(DSLContext tx, long organizationId, boolean mayInstall) {
        var rows = tx.select(
                        BADGES.ID,
                        BADGES.KEY,
                        BADGES.NAME,
                        BADGES.CATEGORY,
                        BADGES.DESCRIPTION,
                        BADGES.RULE,
                        BADGES.POLICY,
                        BADGES.ORIGIN)
                .from(BADGES)
                .where(BADGES.ORGANIZATION_ID.eq(organizationId))
                .and(BADGES.ACTIVE)
                .orderBy(BADGES.CATEGORY, BADGES.KEY)
                .fetch();
        if (mayInstall && !stock.isEmpty() && rows.stream().noneMatch(r -> "stock".equals(r.value8()))) {
            upsert(tx, organizationId, stock, "stock");
            stockInstalled.put(organizationId, true);
            return active(tx, organizationId, false);
        }
        return rows.map(r -> new Badge(
                r.value1(),
                new BadgeDefinition(
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        r.value5(),
                        BadgeRuleJson.fromJson(r.value6().data()),
                        RetractionPolicy.fromKey(r.value7()).orElseThrow())));
    }

    public List<Badge> active(long organizationId) {
        return transactions.inOrganization(organizationId, tx -> active(tx, organizationId));
    }

    /** The id of the organization's badge {@code key} (e.g. {@code contest_winner} for the contest evaluator). */
    public Optional<Long> idOf(DSLContext tx, long organizationId, String key) {
        ensureStockInstalled(tx, organizationId);
        return tx.select(BADGES.ID)
                .from(BADGES)
                .where(BADGES.ORGANIZATION_ID.eq(organizationId))
                .and(BADGES.KEY.eq(key))
                .fetchOptional(BADGES.ID);
    }

    private static int upsert(DSLContext tx, long organizationId, List<BadgeDefinition> badges, String origin) {
        if (badges.isEmpty()) {
            return 0;
        }
        int n = badges.size();
        var keys = new String[n];
        var names = new String[n];
        var categories = new String[n];
        var descriptions = new String[n];
        var rules = new String[n];
        var policies = new String[n];
        for (int i = 0; i < n; i++) {
            var badge = badges.get(i);
            keys[i] = badge.key();
            names[i] = badge.name();
            categories[i] = badge.category();
            descriptions[i] = badge.description();
            rules[i] = BadgeRuleJson.toJson(badge.rule());
            policies[i] = badge.policy().key();
        }
        return tx.execute(
                UPSERT,
                DSL.val(organizationId),
                DSL.val(keys, SQLDataType.VARCHAR.array()),
                DSL.val(names, SQLDataType.VARCHAR.array()),
                DSL.val(categories, SQLDataType.VARCHAR.array()),
                DSL.val(descriptions, SQLDataType.VARCHAR.array()),
                DSL.val(rules, SQLDataType.VARCHAR.array()),
                DSL.val(policies, SQLDataType.VARCHAR.array()),
                DSL.val(origin),
                DSL.val("custom".equals(origin)));
    }
}
