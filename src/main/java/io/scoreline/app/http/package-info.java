/** HTTP endpoints of {@code scoreline serve}: health and metrics (webhooks and the admin API follow). */
package io.scoreline.app.http;
