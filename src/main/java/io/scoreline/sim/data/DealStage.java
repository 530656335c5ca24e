package io.scoreline.sim.data;

/** Pipeline stages with Salesforce StageName labels and HubSpot default-pipeline stage ids. */
public enum DealStage {
    QUALIFICATION("Qualification", "qualifiedtobuy", 10),
    NEEDS_ANALYSIS("Needs Analysis", "appointmentscheduled", 20),
    PROPOSAL("Proposal/Price Quote", "presentationscheduled", 50),
    NEGOTIATION("Negotiation/Review", "contractsent", 80),
    CLOSED_WON("Closed Won", "closedwon", 100),
    CLOSED_LOST("Closed Lost", "closedlost", 0);

    private final String label;
    private final String hubSpotId;
    private final int probability;

    DealStage(String label, String hubSpotId, int probability) {
        this.label = label;
        this.hubSpotId = hubSpotId;
        this.probability = probability;
    }

    public String label() {
        return label;
    }

    public String hubSpotId() {
        return hubSpotId;
    }

    public int probability() {
        return probability;
    }

    public boolean closed() {
        return this == CLOSED_WON || this == CLOSED_LOST;
    }

    public boolean won() {
        return this == CLOSED_WON;
    }
}
