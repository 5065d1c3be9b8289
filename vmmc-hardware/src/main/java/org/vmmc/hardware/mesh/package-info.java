/**
 * The Paragon-style 2-D mesh routing backplane that joins SHRIMP nodes (design reference, section 3):
 * dimension-order routing, wormhole switching with finite input buffers and credit
 * back-pressure, parameters in {@link org.vmmc.hardware.mesh.MeshParameters}.
 *
 * <p>Zero-load latency, from injection to tail arrival, is
 * {@code ((distance + 1) * (routerDelayCycles + linkDelayCycles) + flits - 1)} link cycles,
 * with {@code flits = ceil((Packet.HEADER_BYTES + payload) / flitBytes)}; on the default
 * preset a one-word packet between opposite corners of the 4 by 4 mesh takes 350 ns.
 *
 * <p>Other layers use it as a {@link org.vmmc.core.net.Backplane} through
 * {@link org.vmmc.hardware.mesh.MeshModule} or {@link org.vmmc.hardware.mesh.MeshBackplanes};
 * experiments that count time in cycles drive {@link org.vmmc.hardware.mesh.MeshNetwork}
 * directly.
 */
package org.vmmc.hardware.mesh;
