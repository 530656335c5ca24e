/**
 * The application: entry point, CLI, HTTP endpoints, configuration and wiring. The only package
 * that uses Micronaut; everything below it is plain Java with {@code jakarta.inject} at most.
 */
package io.scoreline.app;
