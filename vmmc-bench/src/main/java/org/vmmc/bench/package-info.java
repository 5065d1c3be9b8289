/**
 * The command line of the experiments ({@link org.vmmc.bench.VmmcBench}, the runnable jar's
 * entry point): compare, latency, bandwidth, breakdown, ablation, mesh, engine and params.
 */
package org.vmmc.bench;
