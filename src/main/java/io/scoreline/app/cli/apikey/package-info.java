/** {@code scoreline apikey …}: keys of the admin API, issued, listed and revoked through {@link io.scoreline.pipeline.access.ApiKeys}. */
package io.scoreline.app.cli.apikey;
