package io.scoreline.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The simulators in a JVM of their own, as a real CRM is another machine: the benchmark's heap
 * cap and peak then measure Scoreline alone, not the CRM's query snapshots.
 */
final class SimulatorProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final JsonNode description;

    private SimulatorProcess(Process process, JsonNode description) {
        this.process = process;
        this.description = description;
    }

    /**
     * @param jvmOptions       the simulator JVM's own options, such as its heap and collector
     * @param simulatorOptions more {@code scoreline sim} options, such as {@code --hubspot-burst-limit}
     */
    static SimulatorProcess start(int reps, int days, List<String> jvmOptions, List<String> simulatorOptions) {
        var java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<String>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                "io.scoreline.app.Scoreline",
                "sim",
                "--json",
                "--seed",
                "1",
                "--reps",
                Integer.toString(reps),
                "--days",
                Integer.toString(days)));
        command.addAll(simulatorOptions);
        try {
            var process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            var line = reader.readLine();
            if (line == null) {
                process.destroyForcibly();
                throw new ScorelineException(FailureKind.BUG, "the simulator process exited before printing its URLs");
            }
            return new SimulatorProcess(process, JSON.readTree(line));
        } catch (IOException e) {
            throw new ScorelineException(
                    FailureKind.RETRYABLE, "cannot start the simulator process: " + e.getMessage(), e);
        }
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    JsonNode hubSpot() {
        return description.path("hubspot");
    }

    JsonNode salesforce() {
        return description.path("salesforce");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
