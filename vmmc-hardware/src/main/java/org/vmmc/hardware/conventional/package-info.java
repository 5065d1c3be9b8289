/**
 * A conventional, kernel-mediated network interface in the style of the Intel Paragon's NX
 * message passing: the baseline VMMC was measured against (design reference, section 8).
 * Install it with {@link org.vmmc.hardware.conventional.ConventionalModule}; its costs are in
 * {@link org.vmmc.hardware.conventional.ConventionalParameters}.
 *
 * <h2>How it differs</h2>
 * The user API is the same (export, import, send, notifications), so the same programs run;
 * only the path of the data changes. Every send is a system call: the kernel checks the
 * import, runs the protocol, copies the message into its own buffers and starts the card,
 * which reads the buffers by DMA over EISA into the network. Every arrival interrupts the
 * receiver's kernel: the card DMAs the packet into a kernel buffer, and the interrupt handler
 * checks that the frame accepts data, copies it into the receiver's memory and raises a
 * notification if asked. The card itself has no page tables: every protection check is the
 * kernel's. Features: {@code ANY_SOURCE_PAGE} only (the kernel copies from anywhere); no
 * {@code USER_LEVEL_SEND}, and no {@code AUTOMATIC_UPDATE}, whose calls fail through
 * {@link org.vmmc.core.nic.NicDesign#require} with an {@link UnsupportedOperationException}
 * naming the design ({@code conventional}) and the feature.
 *
 * <h2>Where a 4-byte message's time goes</h2>
 * One-way latency with the defaults, between neighbouring nodes of the mesh, on a 60 MHz
 * Pentium (16.7 ns a cycle). The sender's trap exit (1.7 µs) overlaps the transfer and is not
 * on the path; the receiver's interrupt exit is, since the polling loop runs again only once
 * the interrupt has returned.
 * <pre>
 *   sender    trap into the kernel               150 cycles    2.50 µs   CpuParameters
 *             send path (checks, descriptor)     600 cycles   10.00 µs   sendPathCycles
 *             NX protocol (header, credit)       480 cycles    8.00 µs   sendProtocolCycles
 *             copy into a kernel buffer           52 cycles    0.87 µs   copySetupCycles + 2
 *             start the card (4 uncached refs)   120 cycles    2.00 µs   nicStartReferences
 *   hardware  DMA of header and data over EISA                 1.49 µs   IoBusParameters
 *             packetizer                                       0.18 µs   packetizerCycles
 *             mesh, one hop                                    0.15 µs   MeshParameters
 *             DMA into a kernel buffer over EISA               1.49 µs   IoBusParameters
 *   receiver  interrupt entry                    200 cycles    3.33 µs   CpuParameters
 *             interrupt service (status, ack)    480 cycles    8.00 µs   interruptServiceCycles
 *             NX protocol (match, check, credit) 660 cycles   11.00 µs   receiveProtocolCycles
 *             copy into the user's buffer         52 cycles    0.87 µs   copySetupCycles + 2
 *             interrupt exit                     100 cycles    1.67 µs   CpuParameters
 *             the polling loop sees the word                   0.25 µs   LibraryParameters
 *   total                                                     51.8 µs
 *   (the copies' "+ 2" is one cached load and one cached store, the CPU model's figures)
 * </pre>
 * The software paths are modelling guesses of each path's length, set so that the total lands
 * on the stated Paragon NX figure of about 50 µs. The hardware share is 3.3 µs rather than the
 * Paragon's stated 1 µs because a SHRIMP node's card sits on the EISA bus, whose DMA set-up
 * (1 µs at each end) the Paragon node's interface, on its memory bus, did not pay (inferred).
 * Large messages are bound by the EISA bus as on SHRIMP, since the copies (one cached load and
 * store per word in the CPU model, which does not model cache misses) overlap the DMA packet
 * by packet.
 *
 * <h2>Limits of the model</h2>
 * The interrupt handler's time delays the data and is taken from the receiving node's user
 * processes: the driver reports it to the kernel, whose scheduler charges it like any
 * interrupt. The handler paces itself (one arrival at a time), and the kernel serialises it
 * with its other interrupts separately. A notification is raised from within the arrival
 * handler through the kernel's usual notification interrupt path, so a notified message pays
 * that path's interrupt entry and exit a second time.
 */
package org.vmmc.hardware.conventional;
