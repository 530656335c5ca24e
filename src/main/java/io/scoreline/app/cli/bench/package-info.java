/** {@code scoreline bench …}: the benchmarks, each on a scratch home of its own. */
package io.scoreline.app.cli.bench;
