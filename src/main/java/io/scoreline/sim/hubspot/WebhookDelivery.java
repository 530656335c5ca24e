package io.scoreline.sim.hubspot;

/** How delivering one batch ended. */
public sealed interface WebhookDelivery {

    int attempts();

    record Delivered(int attempts, int status) implements WebhookDelivery {
    }

    /** @param lastProblem the last status code or I/O error */
    record GaveUp(int attempts, String lastProblem) implements WebhookDelivery {
    }
}
