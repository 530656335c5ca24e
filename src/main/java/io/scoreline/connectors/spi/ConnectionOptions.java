package io.scoreline.connectors.spi;

import java.util.Optional;

/**
 * What an operator gave to connect a CRM, before the CRM's profile turns it into settings
 * ({@code integration add --login-url | --base-url | --portal-id}); each CRM takes some of them and
 * refuses the others by name.
 */
public record ConnectionOptions(Optional<String> loginUrl, Optional<String> baseUrl, Optional<String> portalId) {}
