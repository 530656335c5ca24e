/** The Micronaut context: configuration in, pipeline objects out. */
package io.scoreline.app.wiring;
