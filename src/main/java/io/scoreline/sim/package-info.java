/**
 * Salesforce and HubSpot simulators for tests, the demo and benchmarks.
 *
 * <p>{@link io.scoreline.sim.Simulators#start(SimulatorOptions)} generates a deterministic sales history for a
 * seed ({@link io.scoreline.sim.data.SyntheticDataset}) and serves it over real HTTP on 127.0.0.1 as a
 * Salesforce org and a HubSpot portal, faithful enough for the Camel Salesforce component and the official
 * HubSpot clients. The returned {@link io.scoreline.sim.RunningSimulators} exposes base URLs, credentials, the
 * dataset and {@code dump(Path)}; closing it stops both servers.
 *
 * <p>Records are regenerated from (seed, kind, index) on every read; only records changed later (live mode,
 * tests) are kept in memory. Nothing in the product depends on this package, and it depends on nothing of
 * the product: JDK, Jackson and SLF4J only.
 */
package io.scoreline.sim;
