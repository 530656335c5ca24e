package io.scoreline.pipeline.crmfixture;

/** A class whose name says which CRM it is for (spelled as a newcomer might): what {@code CrmNeutralityTest} must catch. */
final class HubspotNamedFixture {

    private HubspotNamedFixture() {}
}
