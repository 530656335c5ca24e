package io.scoreline.pipeline.integrations.catalogs;

import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.ObjectSchema;
import io.scoreline.pipeline.audit.Actor;
import io.scoreline.pipeline.audit.AuditEntry;
import io.scoreline.pipeline.integrations.Integration;
import io.scoreline.pipeline.integrations.IntegrationStatus;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.rules.RuleCatalogs;
import io.scoreline.pipeline.sync.ConnectorOpener;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each integration's catalog (ADR 0033): read from its CRM account and stored as a new version
 * when it changed, and the effective catalog its rules compile against: the stock catalog of its
 * CRM merged with the discovered one. Stock objects keep their stock owner and date defaults;
 * discovered fields replace stock fields of the same name (they carry the CRM's type, options
 * and formula flag). Every operation resolves the integration, and so its organization, first.
 */
@Singleton
public final class IntegrationCatalogs implements RuleCatalogs {

    private static final Logger LOG = LoggerFactory.getLogger(IntegrationCatalogs.class);

    private final IntegrationStore integrations;
    private final IntegrationCatalogStore catalogs;
    // A provider: Camel starts only when a catalog is really read, not for every rules lookup.
    private final Provider<ConnectorOpener> connectors;
    private final CatalogSettings settings;
    private final Clock clock;

    @Inject
    public IntegrationCatalogs(
            IntegrationStore integrations,
            IntegrationCatalogStore catalogs,
            Provider<ConnectorOpener> connectors,
            CatalogSettings settings,
            Clock clock) {
        this.integrations = integrations;
        this.catalogs = catalogs;
        this.connectors = connectors;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Reads the integration's catalog from its CRM now and stores it (a new version only if it changed).
     *
     * @throws ScorelineException not found for no such integration; the CRM's failure when it cannot be read
     */
    public CatalogRefresh refresh(long integrationId) {
        return refresh(integrations.require(integrationId));
    }

    /**
     * {@link #refresh(long)} recorded in the audit log once stored: the version and what it cost.
     * The reading spans a CRM call and its own store transaction, so the row follows them.
     */
    public CatalogRefresh refresh(long integrationId, Actor actor) {
        var refreshed = refresh(integrations.require(integrationId));
        integrations.audit(
                refreshed.integration().organizationId(),
                new AuditEntry(
                        actor,
                        "integration.describe",
                        "integration:" + integrationId,
                        Map.of(
                                "version", refreshed.stored().version(),
                                "changed", refreshed.changed(),
                                "api_calls", refreshed.stored().read().apiCalls())));
        return refreshed;
    }

    /** {@link #refresh(long)} for an integration already resolved (at {@code integration add}). */
    public CatalogRefresh refresh(Integration integration) {
        var before = catalogs.latest(integration.organizationId(), integration.id());
        var readAt = clock.instant();
        var stock = FieldCatalog.stock(integration.provider());
        var wanted = new LinkedHashSet<String>();
        stock.objectsByLowerName().values().stream().map(ObjectSchema::name).forEach(wanted::add);
        try (var connector = connectors.get().open(integration)) {
            var discovered = connector.describe(wanted);
            var stored = catalogs.record(
                    integration.organizationId(),
                    integration.id(),
                    new CatalogRead(discovered.catalog(), readAt, discovered.apiCalls()));
            boolean changed = before.map(b -> b.version() != stored.version()).orElse(true);
            LOG.info(
                    "Catalog of integration {} read with {} API calls: {}",
                    integration.id(),
                    discovered.apiCalls(),
                    changed ? "version " + stored.version() : "unchanged");
            return new CatalogRefresh(integration, stored, changed);
        }
    }

    /** The latest stored catalog, as the CRM reported it (without the stock catalog). */
    public Optional<StoredCatalog> latest(long integrationId) {
        var integration = integrations.require(integrationId);
        return catalogs.latest(integration.organizationId(), integration.id());
    }

    /** The effective catalog of an integration, from what is stored (for {@code mapping validate --integration}). */
    public FieldCatalog effective(long integrationId) {
        return effective(integrations.require(integrationId));
    }

    @Override
    public FieldCatalog effective(Integration integration) {
        return catalogs.latest(integration.organizationId(), integration.id())
                .map(stored -> merged(stored.read().catalog()))
                .orElseGet(() -> FieldCatalog.stock(integration.provider()));
    }

    @Override
    public FieldCatalog beforeLatestChange(Integration integration) {
        return catalogs.previous(integration.organizationId(), integration.id())
                .map(stored -> merged(stored.read().catalog()))
                .orElseGet(() -> effective(integration));
    }

    @Override
    public FieldCatalog beforeRun(Integration integration) {
        var latest = catalogs.latest(integration.organizationId(), integration.id());
        var oldest = clock.instant().minus(settings.maxAge());
        // An integration stopped by schema drift reads its catalog again on every run: the field
        // may be back, and a stored catalog without it would keep the integration stopped until it aged.
        boolean drifted = integration.status() == IntegrationStatus.NEEDS_ATTENTION;
        if (!drifted && latest.isPresent() && !latest.get().checkedAt().isBefore(oldest)) {
            return merged(latest.get().read().catalog());
        }
        try {
            return merged(refresh(integration).stored().read().catalog());
        } catch (ScorelineException e) {
            // The run reads the same CRM next and reports its failure itself; rules that need no
            // newer catalog than the stored one still run.
            LOG.warn(
                    "Catalog of integration {} could not be read again ({}); using {}",
                    integration.id(),
                    e.getMessage(),
                    latest.map(s -> "version " + s.version() + " of " + s.read().readAt())
                            .orElse("the stock catalog"));
            return latest.map(s -> merged(s.read().catalog()))
                    .orElseGet(() -> FieldCatalog.stock(integration.provider()));
        }
    }

    @Override
    public CatalogForRules forNewRules(Integration integration) {
        var latest = catalogs.latest(integration.organizationId(), integration.id());
        if (latest.isPresent()) {
            return new CatalogForRules(merged(latest.get().read().catalog()), Optional.empty());
        }
        try {
            return new CatalogForRules(
                    merged(refresh(integration).stored().read().catalog()), Optional.empty());
        } catch (ScorelineException e) {
            LOG.warn("Catalog of integration {} could not be read: {}", integration.id(), e.getMessage());
            return new CatalogForRules(FieldCatalog.stock(integration.provider()), Optional.of(e.getMessage()));
        }
    }

    /**
     * The effective catalog of a catalog file ({@code integration describe --json}), for checking
     * rules offline against an account's fields.
     *
     * @param source the file's name, named in every error
     * @throws ScorelineException bad input naming {@code source} when the text is not a catalog
     */
    public static FieldCatalog fromFile(String text, String source) {
        return merged(CatalogJson.read(text, source).catalog());
    }

    /** What rules compile against: the stock catalog of the CRM, extended and refined by what the account has. */
    public static FieldCatalog merged(FieldCatalog discovered) {
        return FieldCatalog.stock(discovered.provider()).merge(discovered);
    }
}
