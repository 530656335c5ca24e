/**
 * {@code scoreline demo}: the whole product in one process on the embedded database — both CRM
 * simulators, a seeded organization, a backfill, badges and a contest, then live updates. It drives
 * the same services as the CLI and the server; nothing here is demo-only logic except the set-up.
 */
package io.scoreline.app.demo;
