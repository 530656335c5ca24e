package io.scoreline.pipeline.sync;

/** Told how a long run advances, so a terminal can draw a bar and a log can say how far it got. */
public interface ProgressListener {

    void started(String objectType, long expectedRecords);

    void advanced(long records);

    void finished();

    static ProgressListener none() {
        return new ProgressListener() {
            @Override
            public void started(String objectType, long expectedRecords) {}

            @Override
            public void advanced(long records) {}

            @Override
            public void finished() {}
        };
    }
}
