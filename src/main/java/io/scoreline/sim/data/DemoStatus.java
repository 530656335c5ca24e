package io.scoreline.sim.data;

/**
 * The state of a product demo, the custom object both simulators serve (Salesforce
 * {@code Product_Demo__c.Status__c} by label, HubSpot {@code product_demos.demo_status} by internal value).
 */
public enum DemoStatus {
    SCHEDULED("Scheduled", "scheduled"),
    COMPLETED("Completed", "completed"),
    NO_SHOW("No Show", "no_show");

    private final String label;
    private final String hubSpotValue;

    DemoStatus(String label, String hubSpotValue) {
        this.label = label;
        this.hubSpotValue = hubSpotValue;
    }

    public String label() {
        return label;
    }

    public String hubSpotValue() {
        return hubSpotValue;
    }
}
