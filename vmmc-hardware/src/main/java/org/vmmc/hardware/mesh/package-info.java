/**
 * The Paragon-style 2-D mesh routing backplane that joins SHRIMP nodes (DESIGN.md section 3):
 * dimension-order routing, wormhole switching with finite input buffers and credit
 * back-pressure, parameters in {@link org.vmmc.hardware.mesh.MeshParameters}.
 *
 * <p>Other layers use it as a {@link org.vmmc.core.net.Backplane} through
 * {@link org.vmmc.hardware.mesh.MeshModule} or {@link org.vmmc.hardware.mesh.MeshBackplanes};
 * experiments that count time in cycles drive {@link org.vmmc.hardware.mesh.MeshNetwork}
 * directly.
 */
package org.vmmc.hardware.mesh;
