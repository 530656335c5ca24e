package io.scoreline.pipeline.tenancy;

import io.scoreline.pipeline.audit.Actor;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/** The tenants, as an operator of the whole installation creates and lists them. */
@Singleton
public final class OrganizationSetup {

    private final OrganizationStore organizations;

    @Inject
    public OrganizationSetup(OrganizationStore organizations) {
        this.organizations = organizations;
    }

    /**
     * @param request validated when it was made ({@link NewOrganization#of})
     * @throws io.scoreline.failure.ScorelineException a conflict when the slug is taken
     */
    public Organization create(NewOrganization request) {
        return organizations.create(request, Actor.OPERATOR);
    }

    /** Creates it for {@code actor}, with an audit row in the organization's first transaction. */
    public Organization create(NewOrganization request, Actor actor) {
        return organizations.create(request, actor);
    }

    /** @throws io.scoreline.failure.ScorelineException not found when there is no such organization */
    public Organization get(long organizationId) {
        return organizations.get(organizationId);
    }

    /**
     * Changes name, time zone or week start. A new time zone or week start applies to KPI days and
     * weeks counted from now on; stored values are not re-bucketed.
     */
    public Organization update(long organizationId, OrganizationChange change, Actor actor) {
        return organizations.update(organizationId, change, actor);
    }

    /** The same change for the organization named {@code slug} ({@code org update}). */
    public Organization update(String slug, OrganizationChange change, Actor actor) {
        return organizations.update(organizations.require(slug).id(), change, actor);
    }

    public List<Organization> list() {
        return organizations.list();
    }
}
