/**
 * The scale experiment: what a simulated message costs on the host (wall and CPU time, events,
 * build time and heap) for a few traffic patterns on machines of growing size, beside the
 * engine's own hold-model speed measured in the same JVM as a reference.
 */
package org.vmmc.bench.scale;
