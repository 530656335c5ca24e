package io.scoreline.connectors.spi;

/**
 * Where a connector hands credentials that the CRM replaced while it was connected (a rotated
 * OAuth refresh token), so that the pipeline stores them encrypted before the old ones stop
 * working. Called at most once per rotation; must not throw for a storage hiccup it can retry.
 */
@FunctionalInterface
public interface CredentialsSink {

    /** A sink for connections whose credentials are not stored anywhere (checks, tests). */
    CredentialsSink IGNORE = credentials -> {};

    void rotated(CrmCredentials credentials);
}
