package io.scoreline.sim.data;

/**
 * The kinds of generated sales activity; each CRM simulator projects them onto its own objects.
 * {@code DEMO} is the custom object (Salesforce {@code Product_Demo__c}, HubSpot {@code product_demos});
 * it comes last, because the seeded data of the others depends on their ordinals.
 */
public enum ActivityKind {
    CALL,
    EMAIL,
    MEETING,
    TODO,
    DEAL,
    DEMO
}
