package io.scoreline.pipeline.inbox;

import io.scoreline.connectors.spi.CrmProfiles;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.integrations.EndpointSecret;
import io.scoreline.pipeline.integrations.IntegrationStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Finds the integrations a webhook is for before we know its organization: through the owner-run
 * integration directory (V2), which exposes no credentials and no tenant data. An account has one
 * holder that is not paused (V15, ADR 0021), or several only where an operator let them share it;
 * callers deliver to the active ones among those returned and to no other.
 *
 * <p>Answers are remembered briefly so that a burst of webhook batches does not look them up once
 * per request. An account whose integrations are all active is remembered for
 * {@link #REMEMBER_ACTIVE}: one paused in that time still gets events into the inbox, whose
 * processor drops them just as the endpoint would. An account no integration holds is remembered
 * for {@link #REMEMBER_UNKNOWN}, so that a flood of events for unknown portals costs one look-up
 * per portal and period, not one per event; an integration added in that time is routed once it
 * ends. An account with a paused or re-authorizing integration is never remembered: a resumed
 * integration's events must not be dropped, as the CRM, having had its 2xx, never sends them again.
 */
public final class WebhookRoutes {

    static final Duration REMEMBER_ACTIVE = Duration.ofSeconds(5);
    static final Duration REMEMBER_UNKNOWN = Duration.ofSeconds(3);
    /** Unknown accounts are the attacker's choice: the memory of them is bounded. */
    static final int MAX_REMEMBERED = 10_000;

    private record Remembered(List<WebhookRoute> routes, Instant until) {}

    private static final String SELECT =
            "select id, organization_id, provider, status, external_account_id from scoreline_integration_directory()";

    private final TenantTransactions transactions;
    private final Clock clock;
    private final ConcurrentHashMap<String, Remembered> remembered = new ConcurrentHashMap<>();
    private final ReentrantLock lookUps = new ReentrantLock();

    public WebhookRoutes(TenantTransactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The integration whose webhook endpoint this is, only when the secret from its URL matches
     * the stored hash (ADR 0020); only CRMs that post to such endpoints have one. Empty alike for an
     * unknown id, another provider's integration, one without a secret and a wrong secret, so that
     * a caller cannot tell them apart. Not remembered: a rotated secret stops working at once.
     */
    public Optional<WebhookRoute> endpoint(CrmProvider provider, long integrationId, String presentedSecret) {
        // V14's directory function answers for the one CRM whose integrations have endpoint secrets.
        var found = CrmProfiles.of(provider).usesEndpointSecret()
                ? transactions.withoutOrganization(tx -> tx.resultQuery(
                                "select id, organization_id, status, external_account_id, endpoint_secret_hash"
                                        + " from scoreline_salesforce_endpoint(?)",
                                integrationId)
                        .fetchOptional(row -> new Endpoint(
                                new WebhookRoute(
                                        row.get("id", Long.class),
                                        row.get("organization_id", Long.class),
                                        provider,
                                        IntegrationStatus.fromKey(row.get("status", String.class)),
                                        Optional.ofNullable(row.get("external_account_id", String.class))),
                                Optional.ofNullable(row.get("endpoint_secret_hash", byte[].class)))))
                : Optional.<Endpoint>empty();
        // Compared even when nothing is found, so that an unknown id answers no faster than a wrong secret.
        boolean matches = EndpointSecret.matches(presentedSecret, found.flatMap(Endpoint::secretHash));
        return matches ? found.map(Endpoint::route) : Optional.empty();
    }

    private record Endpoint(WebhookRoute route, Optional<byte[]> secretHash) {}

    /** The integrations of this CRM account (HubSpot portal id, Salesforce org id), oldest first; empty when none. */
    public List<WebhookRoute> byAccount(CrmProvider provider, String externalAccountId) {
        return byAccounts(provider, List.of(externalAccountId)).get(externalAccountId);
    }

    /**
     * The integrations of each account, oldest first (an empty list for an account nobody holds);
     * the accounts not remembered are looked up together, in one query.
     */
    public Map<String, List<WebhookRoute>> byAccounts(CrmProvider provider, Collection<String> externalAccountIds) {
        var result = new HashMap<String, List<WebhookRoute>>();
        var missing = new LinkedHashSet<String>(externalAccountIds);
        rememberedBy(provider, missing, clock.instant(), result);
        if (missing.isEmpty()) {
            return result;
        }
        // One look-up at a time: when a remembered answer runs out under a burst, every request in
        // flight missed it at once and each took a pooled connection to look it up, until the pool
        // ran dry and acknowledgements waited seconds for a connection (ADR 0053). The ones that
        // waited here find the answer the first one remembered.
        lookUps.lock();
        try {
            var now = clock.instant();
            rememberedBy(provider, missing, now, result);
            if (!missing.isEmpty()) {
                lookUpAndRemember(provider, missing, now, result);
            }
        } finally {
            lookUps.unlock();
        }
        return result;
    }

    /** Moves the accounts remembered at {@code now} from {@code missing} into {@code result}. */
    private void rememberedBy(
            CrmProvider provider, Set<String> missing, Instant now, Map<String, List<WebhookRoute>> result) {
        for (var it = missing.iterator(); it.hasNext(); ) {
            var account = it.next();
            var known = remembered.get(key(provider, account));
            if (known != null && now.isBefore(known.until())) {
                result.put(account, known.routes());
                it.remove();
            }
        }
    }

    private void lookUpAndRemember(
            CrmProvider provider, Set<String> missing, Instant now, Map<String, List<WebhookRoute>> result) {
        var found = new HashMap<String, List<WebhookRoute>>();
        lookUp(provider, missing)
                .forEach(
                        route -> found.computeIfAbsent(route.externalAccountId().orElseThrow(), a -> new ArrayList<>())
                                .add(route));
        for (var account : missing) {
            var routes = List.copyOf(found.getOrDefault(account, List.of()));
            result.put(account, routes);
            remember(provider, account, routes, now);
        }
    }

    private void remember(CrmProvider provider, String account, List<WebhookRoute> routes, Instant now) {
        var key = key(provider, account);
        Duration keep;
        if (routes.isEmpty()) {
            keep = REMEMBER_UNKNOWN;
        } else if (routes.stream().allMatch(r -> r.status() == IntegrationStatus.ACTIVE)) {
            keep = REMEMBER_ACTIVE;
        } else {
            remembered.remove(key);
            return;
        }
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.values().removeIf(r -> !now.isBefore(r.until()));
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
        }
        remembered.put(key, new Remembered(routes, now.plus(keep)));
    }

    private List<WebhookRoute> lookUp(CrmProvider provider, Collection<String> externalAccountIds) {
        var accounts = externalAccountIds.toArray(String[]::new);
        return transactions.withoutOrganization(tx -> tx.resultQuery(
                        SELECT + " where provider = {0} and external_account_id = any({1}) order by id",
                        DSL.val(provider.key()),
                        DSL.val(accounts, SQLDataType.VARCHAR.array()))
                .fetch(WebhookRoutes::toRoute));
    }

    private static String key(CrmProvider provider, String externalAccountId) {
        return provider.key() + ":" + externalAccountId;
    }

    private static WebhookRoute toRoute(Record row) {
        return new WebhookRoute(
                row.get("id", Long.class),
                row.get("organization_id", Long.class),
                CrmProvider.fromKey(row.get("provider", String.class)),
                IntegrationStatus.fromKey(row.get("status", String.class)),
                Optional.ofNullable(row.get("external_account_id", String.class)));
    }
}
