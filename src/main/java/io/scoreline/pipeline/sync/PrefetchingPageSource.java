package io.scoreline.pipeline.sync;

import io.scoreline.connectors.spi.PageSource;
import io.scoreline.connectors.spi.RecordPage;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fetches the next page on a virtual thread while the caller writes the current one, so that the
 * CRM's answer time and the database's write time overlap instead of adding up. At most one
 * fetch is in flight and pages come out in order; a fetch failure surfaces at the {@code next()}
 * that would have returned its page, after every earlier page has been written.
 */
final class PrefetchingPageSource implements PageSource, AutoCloseable {

    private final PageSource source;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private Future<Optional<RecordPage>> pending;

    PrefetchingPageSource(PageSource source) {
        this.source = source;
        this.pending = executor.submit(source::next);
    }

    @Override
    public Optional<RecordPage> next() {
        var page = await(pending);
        pending = page.isPresent() ? executor.submit(source::next) : null;
        return page;
    }

    private static Optional<RecordPage> await(Future<Optional<RecordPage>> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ScorelineException failure) {
                throw failure;
            }
            throw new ScorelineException(FailureKind.BUG, "fetching a page failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScorelineException(FailureKind.RETRYABLE, "interrupted while fetching a page", e);
        }
    }

    /** Waits for a fetch still in flight (its answer is dropped), so the connector can close safely. */
    @Override
    public void close() {
        if (pending != null) {
            pending.cancel(false);
        }
        executor.close();
    }
}
