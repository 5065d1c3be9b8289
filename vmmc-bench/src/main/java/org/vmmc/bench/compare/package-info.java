/**
 * The design comparison: the designs and modes, discovered as plug-ins ({@link
 * org.vmmc.bench.compare.Designs}), the named parameters ({@link
 * org.vmmc.bench.compare.ParameterCatalog}), the experiments ({@link
 * org.vmmc.bench.compare.Experiment}) and their result records, and the trace breakdown
 * ({@link org.vmmc.bench.compare.TraceBreakdown}).
 */
package org.vmmc.bench.compare;
