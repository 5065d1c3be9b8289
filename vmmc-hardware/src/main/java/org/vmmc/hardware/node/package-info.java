/**
 * The hardware every SHRIMP NIC design sits on (design reference, section 3): lazily backed
 * physical memory, page tables, the Pentium's cost model, the Xpress memory bus, the EISA I/O
 * bus and the Ethernet control network.
 *
 * <p>{@link org.vmmc.hardware.node.NodeHardwareModule} binds one node's parts from a
 * {@link org.vmmc.hardware.node.NodeHardwareParameters} preset;
 * {@link org.vmmc.hardware.node.ControlNetworkModule} binds the machine-wide Ethernet. Other
 * layers use the parts only through the interfaces of {@code org.vmmc.core.hw}.
 */
package org.vmmc.hardware.node;
