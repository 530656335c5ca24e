package io.scoreline.connectors.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A webhook request as received: the raw body bytes (signatures cover them as sent), the URL the
 * CRM called, its headers, and for per-integration endpoints the path's id and secret segments.
 *
 * @param signedUri       the URL as the CRM called it, query included (what HubSpot signs)
 * @param header          a header's value by name (case-insensitive), empty when absent
 * @param integrationId   the id segment as sent (anything not a number is an unknown endpoint)
 * @param endpointSecret  the secret segment, empty when the URL has none
 */
public record WebhookRequest(
        String method,
        String signedUri,
        Function<String, Optional<String>> header,
        byte[] body,
        Optional<String> integrationId,
        Optional<String> endpointSecret,
        Instant receivedAt) {

    public WebhookRequest {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    @Override
    public String toString() {
        // The secret segment is a credential: never in a log line.
        return "WebhookRequest[" + method + " " + body.length + " bytes, integration=" + integrationId.orElse("-")
                + "]";
    }
}
