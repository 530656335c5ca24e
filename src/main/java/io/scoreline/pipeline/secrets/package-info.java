/**
 * Encryption of CRM credentials at rest under the master key, the key's fingerprint that the
 * database keeps to refuse another key, and the rotation of every credential to a new key
 * (ADR 0022), which operators run through {@link io.scoreline.pipeline.secrets.MasterKeyRollover}.
 */
package io.scoreline.pipeline.secrets;
