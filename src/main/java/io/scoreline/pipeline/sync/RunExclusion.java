package io.scoreline.pipeline.sync;

/**
 * Keeps two runs of one integration apart, whatever started them and on whichever node. The
 * lease is released when closed, also after a failure.
 */
@FunctionalInterface
public interface RunExclusion {

    /** @throws io.scoreline.connectors.spi.ScorelineException (conflict) when another run holds the integration */
    Lease acquire(long integrationId);

    interface Lease extends AutoCloseable {
        @Override
        void close();
    }
}
