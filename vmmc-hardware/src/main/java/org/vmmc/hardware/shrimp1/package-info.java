/**
 * The SHRIMP-I network interface design (design reference, section 4.1): an EISA card with no
 * snooper on the memory bus, so deliberate update only. Install it with
 * {@link org.vmmc.hardware.shrimp1.Shrimp1Module}; its figures are in
 * {@link org.vmmc.hardware.shrimp1.Shrimp1Parameters}.
 *
 * <h2>What a send does differently</h2>
 * <ul>
 *   <li><b>The mapping is fixed at import.</b> Importing a buffer of {@code n} pages maps each
 *       page out: the driver takes {@code n} <em>send pages</em> from a pool of frames in the
 *       kernel's reserved memory, points each one's outgoing page table entry at the matching
 *       frame of the remote buffer, and maps the send pages and their <em>shadow</em> pages
 *       into the importer. A send page always sends to its one remote frame, at the same
 *       offset; nothing at send time can change where data goes.
 *   <li><b>Only send pages can be sources.</b> The card learns the source from the address of
 *       the command, and only shadow aliases of send pages exist, so data must be in a send page
 *       to leave the node. Ordinary user memory has no shadow alias.
 *   <li><b>So the library stages.</b> {@code Vmmc.send} copies the message with CPU loads and
 *       stores from the user's memory into the send pages that mirror the destination bytes
 *       (charged as ordinary references; the copy costs one load and one store per word), then
 *       starts each page's piece with one locked compare-and-exchange on its shadow alias: the
 *       data operand carries the byte count, the answer says whether the transfer started (see
 *       {@code ShadowCommand}). There is no system call and no half-started command for a
 *       context switch to cancel. The call returns once the card has read the send pages.
 *   <li><b>Receiving</b> is as on SHRIMP-II: a per-frame incoming page table, incoming DMA over
 *       EISA, an interrupt for a notification, and drop, count and error interrupt for a packet
 *       to a frame not enabled for receiving.
 * </ul>
 *
 * <h2>What it refuses</h2>
 * {@link org.vmmc.core.nic.NicDesign#features()} is {@code USER_LEVEL_SEND} and {@code
 * POLLED_RECEIVE}: no {@code ANY_SOURCE_PAGE}, no {@code AUTOMATIC_UPDATE}. Automatic
 * update ({@link org.vmmc.core.nic.NicFeature#AUTOMATIC_UPDATE}) needs the snooper SHRIMP-I
 * lacks: the user library's automatic-update calls fail, through
 * {@link org.vmmc.core.nic.NicDesign#require}, with an {@link UnsupportedOperationException}
 * that names the design ({@code shrimp1}) and the feature, and bind nothing.
 * {@link org.vmmc.core.nic.NicFeature#ANY_SOURCE_PAGE} is absent too, which the library hides
 * by staging; programs written for SHRIMP-II run unchanged and pay the copy.
 *
 * <h2>Limits of the model</h2>
 * The send-page pool ({@code sendPages} frames from {@code firstSendPageFrame}) bounds how many
 * pages one node can have imported at once; an import beyond it is refused with
 * {@code OUT_OF_MEMORY}. The pool must lie inside the kernel's reserved frames: the driver
 * refuses, with an {@link IllegalStateException}, a kernel that maps a pool frame as user
 * memory.
 */
package org.vmmc.hardware.shrimp1;
