/** {@code scoreline org …}: the tenants, created and listed through their use cases. */
package io.scoreline.app.cli.org;
