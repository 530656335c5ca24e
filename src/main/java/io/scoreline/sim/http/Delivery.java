package io.scoreline.sim.http;

/** How delivering one webhook batch or outbound message ended. */
public sealed interface Delivery {

    int attempts();

    record Delivered(int attempts, int status) implements Delivery {}

    /** @param lastProblem the last status code or I/O error */
    record GaveUp(int attempts, String lastProblem) implements Delivery {}
}
