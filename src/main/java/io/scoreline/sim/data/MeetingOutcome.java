package io.scoreline.sim.data;

/** Meeting state; Salesforce labels go into the custom field {@code Outcome__c} on Event. */
public enum MeetingOutcome {
    SCHEDULED("Scheduled"),
    COMPLETED("Held"),
    NO_SHOW("No Show"),
    CANCELED("Canceled");

    private final String label;

    MeetingOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
