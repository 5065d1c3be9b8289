package org.vmmc.bench.soak;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The words the randomised programs write, each telling who wrote it and why. A message word
 * (tag) carries its sender, the sender's message number and the word's index in the message;
 * a canary word fills a process's memory and carries its owner and the word's own virtual
 * address, so a canary found anywhere else has been moved there.
 *
 * <pre>
 *   tag     31..28 = 0xA | 27..24 sender | 23..12 message number | 11..0 word index
 *   canary  31..28 = 0xC | 27..24 owner  | 23..0 virtual address / 4 (low 24 bits)
 * </pre>
 * Zero is neither: freshly allocated and cleared memory reads zero.
 */
final class Words {
  /** Processes a word can name. */
  static final int MAX_PROCESSES = 16;
  /** Messages a process can number. */
  static final int MAX_MESSAGES = 1 << 12;
  /** Words a message can hold. */
  static final int MAX_MESSAGE_WORDS = 1 << 12;

  private static final int TAG = 0xA;
  private static final int CANARY = 0xC;

  private Words() {}

  /** Word {@code index} of message {@code message} of process {@code sender}. */
  static int tag(int sender, int message, int index) {
    checkArgument(sender >= 0 && sender < MAX_PROCESSES, "sender %s is outside 0..%s", sender,
        MAX_PROCESSES - 1);
    checkArgument(message >= 0 && message < MAX_MESSAGES, "message %s is outside 0..%s",
        message, MAX_MESSAGES - 1);
    checkArgument(index >= 0 && index < MAX_MESSAGE_WORDS, "word index %s is outside 0..%s",
        index, MAX_MESSAGE_WORDS - 1);
    return TAG << 28 | sender << 24 | message << 12 | index;
  }

  /** The canary of process {@code owner} for the word at virtual address {@code address}. */
  static int canary(int owner, long address) {
    checkArgument(owner >= 0 && owner < MAX_PROCESSES, "owner %s is outside 0..%s", owner,
        MAX_PROCESSES - 1);
    return CANARY << 28 | owner << 24 | (int) ((address >>> 2) & 0xFF_FFFF);
  }

  static boolean isTag(int word) {
    return word >>> 28 == TAG;
  }

  static boolean isCanary(int word) {
    return word >>> 28 == CANARY;
  }

  /** The process a tag or canary names. */
  static int process(int word) {
    return (word >>> 24) & 0xF;
  }

  /** A tag's message number. */
  static int message(int word) {
    return (word >>> 12) & 0xFFF;
  }

  /** A tag's word index. */
  static int index(int word) {
    return word & 0xFFF;
  }

  /** True when {@code word} is the canary {@code owner} writes at {@code address}. */
  static boolean isCanaryOf(int word, int owner, long address) {
    return word == canary(owner, address);
  }

  /** The word in words, for messages. */
  static String describe(int word) {
    if (isTag(word)) {
      return "word " + index(word) + " of message " + message(word) + " of P" + process(word);
    }
    if (isCanary(word)) {
      return "canary of P" + process(word) + " for 0x"
          + Long.toHexString((long) (word & 0xFF_FFFF) << 2);
    }
    return "0x" + Integer.toHexString(word);
  }

  /** {@code n} tags of message {@code message} of {@code sender}, as little-endian bytes. */
  static byte[] tags(int sender, int message, int n) {
    byte[] bytes = new byte[4 * n];
    for (int i = 0; i < n; i++) {
      putInt(bytes, 4 * i, tag(sender, message, i));
    }
    return bytes;
  }

  /** The canaries of {@code owner} for {@code n} bytes from virtual address {@code base}. */
  static byte[] canaries(int owner, long base, int n) {
    byte[] bytes = new byte[n];
    for (int i = 0; i + 4 <= n; i += 4) {
      putInt(bytes, i, canary(owner, base + i));
    }
    return bytes;
  }

  static int getInt(byte[] bytes, int at) {
    return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16
        | (bytes[at + 3] & 0xFF) << 24;
  }

  private static void putInt(byte[] bytes, int at, int value) {
    bytes[at] = (byte) value;
    bytes[at + 1] = (byte) (value >>> 8);
    bytes[at + 2] = (byte) (value >>> 16);
    bytes[at + 3] = (byte) (value >>> 24);
  }
}
