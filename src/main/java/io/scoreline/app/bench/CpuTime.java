package io.scoreline.app.bench;

/**
 * CPU time used so far by each party to a benchmark, in milliseconds; -1 where it cannot be read
 * (a database on another machine, a system without {@code /proc}). Unlike wall time, it does not
 * grow while a process waits for a core, so on a shared machine it is the steadier figure to
 * compare two builds by.
 */
record CpuTime(double pipelineMs, double databaseMs, double simulatorMs) {

    CpuTime minus(CpuTime earlier) {
        return new CpuTime(difference(pipelineMs, earlier.pipelineMs), difference(databaseMs, earlier.databaseMs),
                difference(simulatorMs, earlier.simulatorMs));
    }

    private static double difference(double later, double earlier) {
        return later < 0 || earlier < 0 ? -1 : later - earlier;
    }
}
