package io.scoreline.connectors.spi;

import io.scoreline.failure.FailureKind;

/**
 * The answer of {@code integration test}: settings and connectivity are checked separately, so
 * that an operator knows whether to fix a URL, a credential or the network.
 */
public sealed interface ConnectionCheck {

    record Passed(String account, String detail) implements ConnectionCheck {}

    record SettingsInvalid(String problem) implements ConnectionCheck {}

    record ConnectionFailed(FailureKind kind, String problem) implements ConnectionCheck {}
}
