package io.scoreline.testing;

import io.scoreline.pipeline.database.DatabaseSettings;
import io.scoreline.pipeline.database.EmbeddedPostgresServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another Scoreline process using the embedded server of a data directory, for tests of its
 * lifetime across processes: it starts (or attaches to) the product's server, prints
 * {@code ready <port> <owned>}, and leaves it as the product does when its input says
 * {@code exit} or ends. Killing it with -9 leaves what a crashed {@code serve} leaves.
 */
public final class EmbeddedServerProcess {

    private EmbeddedServerProcess() {}

    public static void main(String[] args) throws IOException {
        var server = EmbeddedPostgresServer.start(Path.of(args[0]), DatabaseSettings.DEFAULT_RUNTIME_ROLE);
        System.out.println("ready " + server.port() + " " + server.owned());
        System.out.flush();
        var input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = input.readLine()) != null && !line.equals("exit")) {
            // keep using the server until told to leave
        }
        server.close();
        System.out.println("closed");
        System.out.flush();
    }

    /** A running instance, started from the test JVM's class path. */
    public record Handle(Process process, String readyLine) {

        public static Handle start(Path dataDirectory) throws IOException {
            var java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    EmbeddedServerProcess.class.getName(),
                    dataDirectory.toString()));
            Files.createDirectories(dataDirectory.getParent());
            var process = new ProcessBuilder(command)
                    .redirectError(dataDirectory
                            .resolveSibling("process-" + System.nanoTime() + ".err")
                            .toFile())
                    .start();
            var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            var ready = reader.readLine();
            if (ready == null || !ready.startsWith("ready ")) {
                process.destroyForcibly();
                throw new IllegalStateException("the server process did not start: " + ready);
            }
            return new Handle(process, ready);
        }

        public boolean owned() {
            return readyLine.endsWith(" true");
        }

        /** Asks it to leave as the product leaves, and waits for it to finish. */
        public int exit() throws IOException, InterruptedException {
            process.getOutputStream().write("exit\n".getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the server process did not exit");
            }
            return process.exitValue();
        }
    }
}
