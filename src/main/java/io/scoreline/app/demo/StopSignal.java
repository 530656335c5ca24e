package io.scoreline.app.demo;

import java.time.Duration;

/** How the live phase learns that the operator pressed Ctrl-C. */
@FunctionalInterface
public interface StopSignal {

    /** Waits up to {@code timeout}; true once a stop was requested. */
    boolean awaitStop(Duration timeout) throws InterruptedException;
}
