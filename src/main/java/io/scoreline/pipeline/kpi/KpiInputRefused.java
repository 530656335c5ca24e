package io.scoreline.pipeline.kpi;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;

/** A KPI query refused for one of its inputs, named so that an API answer can point at it. */
public final class KpiInputRefused extends ScorelineException {

    private final String field;

    public KpiInputRefused(String field, String message) {
        super(FailureKind.BAD_INPUT, message);
        this.field = field;
    }

    /** The input at fault: {@code kpi}, {@code from}, {@code to}, {@code group}, {@code by} or {@code after}. */
    public String field() {
        return field;
    }
}
