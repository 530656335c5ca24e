package io.scoreline.app.bench;

/**
 * CPU time used so far by each party to a benchmark, in milliseconds; -1 where it cannot be read
 * (a database on another machine, a system without {@code /proc}). It says which process the time
 * goes to; on a shared host it moves with the host's load much as wall time does (ADR 0014).
 */
record CpuTime(double pipelineMs, double databaseMs, double simulatorMs) {

    CpuTime minus(CpuTime earlier) {
        return new CpuTime(
                difference(pipelineMs, earlier.pipelineMs),
                difference(databaseMs, earlier.databaseMs),
                difference(simulatorMs, earlier.simulatorMs));
    }

    private static double difference(double later, double earlier) {
        return later < 0 || earlier < 0 ? -1 : later - earlier;
    }
}
