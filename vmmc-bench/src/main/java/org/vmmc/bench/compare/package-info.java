/**
 * The design comparison: the registry of designs and modes ({@link
 * org.vmmc.bench.compare.Variants}), the named parameters ({@link
 * org.vmmc.bench.compare.Parameters}), the experiments ({@link
 * org.vmmc.bench.compare.Experiment}) and their result records, and the trace breakdown
 * ({@link org.vmmc.bench.compare.TraceBreakdown}).
 */
package org.vmmc.bench.compare;
