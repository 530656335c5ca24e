/** Encryption of CRM credentials at rest under the master key. */
package io.scoreline.pipeline.secrets;
