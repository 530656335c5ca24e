package io.scoreline.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** API keys made the way an operator makes them: {@code apikey create … --json} on the real CLI. */
public final class ApiKeysForTests {

    private ApiKeysForTests() {}

    /** The CLI's JSON for the new key ({@code id}, {@code key}, …); more options may follow the scope. */
    public static JsonNode create(ScorelineServer server, String org, String name, String scope, String... more) {
        var args = new ArrayList<>(List.of("apikey", "create", "--org", org, "--name", name, "--scopes", scope));
        args.addAll(List.of(more));
        args.add("--json");
        return CliRun.succeeded(server.environment(), args.toArray(String[]::new))
                .lastJson();
    }
}
