/**
 * Console sessions (ADR 0050): signing in with an API key, the session that stands for it
 * afterwards, and its end. The browser holds only an opaque random id; the database holds its
 * hash. The key is verified once, by the API's own {@link io.scoreline.pipeline.access.ApiKeyAuthentication},
 * and never kept.
 */
package io.scoreline.app.console.session;
