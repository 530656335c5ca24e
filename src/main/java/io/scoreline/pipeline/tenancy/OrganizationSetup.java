package io.scoreline.pipeline.tenancy;

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
        return organizations.create(request);
    }

    public List<Organization> list() {
        return organizations.list();
    }
}
