package io.scoreline.app.cli.integration;

import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.http.WebhookController;
import io.scoreline.pipeline.integrations.EndpointSecret;
import io.scoreline.pipeline.integrations.Integration;

/**
 * How {@code integration add} and {@code integration rotate-secret} show a Salesforce endpoint
 * secret: once, as the path to put into the outbound message's Endpoint URL. It is stored only
 * as a hash, so this output is the only place it can be read (ADR 0020).
 */
final class EndpointSecretOutput {

    private EndpointSecretOutput() {}

    /** The path to put into the outbound message's Endpoint URL, secret included. */
    static String path(Integration integration, EndpointSecret secret) {
        return WebhookController.path(integration.id(), secret);
    }

    static void print(CliOutput output, Integration integration, EndpointSecret secret) {
        output.line("Outbound message endpoint URL (shown only now; Scoreline keeps just a hash of its secret):");
        output.line("  https://<your-scoreline-host>" + WebhookController.path(integration.id(), secret));
        output.line("Put it into the Endpoint URL of the Salesforce outbound message; "
                + "`scoreline integration rotate-secret --integration " + integration.id() + "` replaces it.");
    }

    /** What {@code integration list} says about the endpoint: only whether a Salesforce integration has a secret. */
    static String state(Integration integration) {
        return switch (integration.provider()) {
            case SALESFORCE ->
                integration.hasEndpointSecret()
                        ? "secret set"
                        : "NO SECRET: refuses all messages; run integration rotate-secret";
            case HUBSPOT -> "signed (v3)";
        };
    }
}
