package io.scoreline.app.background;

/**
 * Work a long-running process runs beside its HTTP server: the sync schedule, the webhook inbox
 * workers, the evaluator workers, the contest ticker. {@code serve} and {@code demo} start every
 * bean of this type the same way, so a new kind of work is one bean, not an edit to each command.
 */
public interface BackgroundWork {

    /** Lower starts earlier and stops later: the schedule feeds the workers that follow it. */
    int order();

    /** Starts taking work; called once, after the database is migrated. */
    void start();

    /**
     * Stops taking new work and waits for the work in flight, so that a stop never cuts a
     * transaction in half; {@link BackgroundWorkSupervisor#stop(java.time.Duration)} bounds the wait.
     */
    void stop();

    /** One line for the start-up message, for example {@code "3 integration schedule(s) on node n1"}. */
    String status();
}
