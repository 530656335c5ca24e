package io.scoreline.gamification.badges;

import io.scoreline.pipeline.audit.Actor;
import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Badge catalogs: the stock one every organization gets, and an organization's own badges added
 * from a catalog document, replacing badges of the same key.
 */
@Singleton
public final class BadgeCatalogs {

    private final OrganizationStore organizations;
    private final BadgeStore badges;

    @Inject
    public BadgeCatalogs(OrganizationStore organizations, BadgeStore badges) {
        this.organizations = organizations;
        this.badges = badges;
    }

    /** What became of a catalog document. */
    public sealed interface Outcome {

        /** The catalog has problems: nothing was stored. */
        record Rejected(List<CatalogProblem> problems) implements Outcome {
            public Rejected {
                problems = List.copyOf(problems);
            }
        }

        /** Every badge of the catalog is the organization's now. */
        record Added(Organization organization, List<BadgeDefinition> badges) implements Outcome {
            public Added {
                badges = List.copyOf(badges);
            }
        }
    }

    /** The stock badges. Needs no database. */
    public List<BadgeDefinition> stock() {
        return StockCatalog.badges();
    }

    /**
     * Validates the document first, before the organization is looked up: an invalid one stores nothing.
     *
     * @throws io.scoreline.failure.ScorelineException not found when there is no such organization
     */
    public Outcome addCustom(String organizationSlug, String catalogDocument) {
        var catalog = BadgeCatalogReader.read(catalogDocument);
        if (!catalog.valid()) {
            return new Outcome.Rejected(catalog.problems());
        }
        var organization = organizations.require(organizationSlug);
        badges.addCustom(organization.id(), catalog.badges(), Actor.OPERATOR);
        return new Outcome.Added(organization, catalog.badges());
    }

    /** The same for the organization {@code organizationId}, on behalf of {@code actor} (the API). */
    public Outcome addCustom(long organizationId, String catalogDocument, Actor actor) {
        var catalog = BadgeCatalogReader.read(catalogDocument);
        if (!catalog.valid()) {
            return new Outcome.Rejected(catalog.problems());
        }
        var organization = organizations.get(organizationId);
        badges.addCustom(organization.id(), catalog.badges(), actor);
        return new Outcome.Added(organization, catalog.badges());
    }

    /**
     * The organization's catalog as its evaluator sees it: the stock badges and its own, an own
     * badge in place of the stock one of the same key.
     */
    public List<CatalogBadge> catalog(long organizationId) {
        return badges.catalog(organizationId);
    }
}
