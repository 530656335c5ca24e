package io.scoreline.app.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and SIGINT (Ctrl-C) as a request to stop, for the long-running commands (ADR 0023).
 *
 * <p>The JVM's own answer to these signals runs every shutdown hook at once, and the embedded
 * PostgreSQL library registers one that stops the server: the database went away while the
 * scheduler still ran syncs, and the process ended with ERROR lines and stack traces. Handling the
 * signals ourselves lets the command stop in the reverse order of its start and return normally,
 * with exit code 0; the hooks that run when the JVM then exits find everything already closed.
 * Where the signals cannot be handled (the JVM runs with {@code -Xrs}), a shutdown hook requests
 * the stop and waits for {@link #stopped()}.
 */
public final class TerminationSignals implements AutoCloseable {

    private static final List<String> SIGNALS = List.of("TERM", "INT");
    private static final Duration FALLBACK_WAIT = Duration.ofSeconds(60);

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final List<Runnable> restore = new ArrayList<>();

    private TerminationSignals() {}

    public static TerminationSignals install() {
        var signals = new TerminationSignals();
        boolean fallback = false;
        for (var name : SIGNALS) {
            var signal = new Signal(name);
            try {
                SignalHandler previous = Signal.handle(signal, s -> signals.request());
                signals.restore.add(() -> Signal.handle(signal, previous));
            } catch (IllegalArgumentException usedByTheVm) {
                fallback = true;
            }
        }
        if (fallback) {
            var hook = new Thread(signals::requestAndWait, "scoreline-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            signals.restore.add(() -> removeHook(hook));
        }
        return signals;
    }

    /** A second signal changes nothing: the stop is bounded by SCORELINE_SHUTDOWN_GRACE. */
    private void request() {
        requested.countDown();
    }

    private void requestAndWait() {
        request();
        try {
            finished.await(FALLBACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for a stop request. */
    public void await() throws InterruptedException {
        requested.await();
    }

    /** Waits up to {@code timeout}; true once a stop was requested. */
    public boolean await(Duration timeout) throws InterruptedException {
        return requested.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Everything is closed: a fallback hook may let the JVM exit. */
    public void stopped() {
        finished.countDown();
    }

    /** Gives the signals back to the JVM. */
    @Override
    public void close() {
        restore.forEach(Runnable::run);
        restore.clear();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running and waits for stopped().
        }
    }
}
