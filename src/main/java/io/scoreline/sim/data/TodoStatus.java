package io.scoreline.sim.data;

/** Task status with Salesforce labels and HubSpot {@code hs_task_status} values. */
public enum TodoStatus {
    NOT_STARTED("Not Started", "NOT_STARTED"),
    IN_PROGRESS("In Progress", "IN_PROGRESS"),
    WAITING("Waiting on someone else", "WAITING"),
    COMPLETED("Completed", "COMPLETED"),
    DEFERRED("Deferred", "DEFERRED");

    private final String label;
    private final String hubSpotValue;

    TodoStatus(String label, String hubSpotValue) {
        this.label = label;
        this.hubSpotValue = hubSpotValue;
    }

    public String label() {
        return label;
    }

    public String hubSpotValue() {
        return hubSpotValue;
    }

    public boolean closed() {
        return this == COMPLETED || this == DEFERRED;
    }
}
