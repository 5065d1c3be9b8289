/**
 * An ideal network interface for VMMC: the bound of what any interface could do on SHRIMP's
 * backplane. Install it with {@link org.vmmc.examples.ideal.IdealModule}; it declares itself to
 * the framework as {@link org.vmmc.examples.ideal.IdealPlugin} ({@code ideal}) with the
 * parameters of {@link org.vmmc.examples.ideal.IdealParameters} ({@code ideal.*}).
 *
 * <h2>How it differs</h2>
 * The interface's logic and its DMA cost nothing. A deliberate update makes no system call and
 * takes no time: the sender's own translation of the destination proxy is the protection
 * check, the source words are copied into packets at once (no card time, no bus time), and the
 * call returns. The backplane still carries each packet at its real cost, with its contention
 * and back-pressure; while it pushes back the interface holds at most
 * {@code ideal.outgoing-packets} data packets and the sender waits for room. The receiving
 * interface writes each payload into memory the instant its tail arrives, with no bus time,
 * and interrupts the kernel only for a packet that asks for a notification on a frame that
 * allows it; the receiver polls memory otherwise.
 *
 * <p>Everything else is as on the shipped designs, from the same shared blocks of {@code
 * org.vmmc.hardware.nic}: the incoming page table (a packet for a frame not enabled is
 * dropped, counted and reported), and the drain barrier that makes unexport and unimport end
 * to end. Proxy pages are mapped for the supervisor only, so a raw user reference to one
 * faults. Features: {@code USER_LEVEL_SEND} and {@code ANY_SOURCE_PAGE}; no {@code
 * AUTOMATIC_UPDATE}, whose calls fail through {@link org.vmmc.core.nic.NicDesign#require}
 * naming the design ({@code ideal}) and the feature.
 *
 * <h2>Where a 4-byte message's time goes</h2>
 * Only the backplane's share of any design's latency is left: the mesh's zero-load time for
 * the packet, the wait for its next clock edge, and the receiver's poll that sees the word.
 */
package org.vmmc.examples.ideal;
