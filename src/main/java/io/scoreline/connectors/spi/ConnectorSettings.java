package io.scoreline.connectors.spi;

import java.util.Map;

/** Everything a connector needs to open a connection: which integration, its settings and its decrypted credentials. */
public record ConnectorSettings(long integrationId, CrmProvider provider, Map<String, String> settings, CrmCredentials credentials) {

    public ConnectorSettings {
        settings = Map.copyOf(settings);
    }

    @Override
    public String toString() {
        return "ConnectorSettings[integration=" + integrationId + ", provider=" + provider.key() + ", settings=" + settings + "]";
    }
}
