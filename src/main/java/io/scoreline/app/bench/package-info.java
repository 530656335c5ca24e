/** Benchmarks run by {@code scoreline bench}: measured and reported, never asserted. */
package io.scoreline.app.bench;
