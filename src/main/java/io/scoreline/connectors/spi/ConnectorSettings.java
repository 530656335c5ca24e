package io.scoreline.connectors.spi;

import io.scoreline.mappings.CrmProvider;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a connector needs to open a connection: which integration, its settings, its
 * decrypted credentials, and where to hand credentials the CRM rotates while connected.
 */
public record ConnectorSettings(
        long integrationId,
        CrmProvider provider,
        Map<String, String> settings,
        CrmCredentials credentials,
        CredentialsSink rotatedCredentials) {

    public ConnectorSettings {
        settings = Map.copyOf(settings);
        Objects.requireNonNull(rotatedCredentials, "rotatedCredentials");
    }

    /** Settings whose rotated credentials are not kept (a connector that never rotates them, a test). */
    public ConnectorSettings(
            long integrationId, CrmProvider provider, Map<String, String> settings, CrmCredentials credentials) {
        this(integrationId, provider, settings, credentials, CredentialsSink.IGNORE);
    }

    @Override
    public String toString() {
        return "ConnectorSettings[integration=" + integrationId + ", provider=" + provider.key() + ", settings="
                + settings + "]";
    }
}
