package io.scoreline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.testing.CliRun;
import io.scoreline.testing.TestEnvironment;
import io.scoreline.testing.TestPostgres;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class ServeCommandIT {

    @Test
    void portInUseIsOneLineNamingThePort() throws Exception {
        var env = TestEnvironment.forDatabase(TestPostgres.freshDatabase());
        try (var taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            int port = taken.getLocalPort();
            var run = CliRun.run(env, "serve", "--port", Integer.toString(port));
            assertThat(run.exitCode()).as(run.err()).isEqualTo(CliErrorHandler.USAGE);
            assertThat(run.err().strip())
                    .isEqualTo("error: port " + port
                            + " is already in use: choose another with --port or SCORELINE_HTTP_PORT");
        }
    }

    @Test
    void invalidPortIsAUsageError() {
        var run = CliRun.run(java.util.Map.of(), "serve", "--port", "70000");
        assertThat(run.exitCode()).isEqualTo(CliErrorHandler.USAGE);
        assertThat(run.err()).contains("--port must be from 0 to 65535");
    }
}
