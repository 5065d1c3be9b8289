package org.vmmc.bench.soak;

import static java.util.Objects.requireNonNull;

/**
 * One step of a randomised process body, decided before the run. Its numbers are raw random
 * values that the body reduces against what exists when the step runs (a buffer's length, the
 * processes there are), so that the same seed gives the same steps whatever happened earlier.
 *
 * @param code what the step does
 * @param a first number (a slot, mostly)
 * @param b second number
 * @param c third number
 * @param d fourth number
 */
record Op(Code code, int a, int b, int c, int d) {

  /** What a step does. */
  enum Code {
    /** Allocates memory slot {@code a} again if it was freed. */
    ALLOC,
    /** Frees memory slot {@code a}. */
    FREE,
    /** Exports buffer {@code a} from the export region, placed by {@code b}, {@code c}. */
    EXPORT,
    /** Unexports buffer {@code a}. */
    UNEXPORT,
    /** Imports into slot {@code a} buffer {@code c} of process {@code b}; async when {@code d} odd. */
    IMPORT,
    /** Waits for the asynchronous import of slot {@code a}. */
    AWAIT,
    /** Sends by deliberate update through import slot {@code a}. */
    SEND,
    /** Binds the automatic-update region as binding {@code a} to import slot {@code b}. */
    BIND,
    /** Stores message words into the region of binding {@code a}. */
    AU_STORE,
    /** Closes binding {@code a}. */
    UNBIND,
    /** Binds the whole region to import slot {@code a}, stores and unbinds, a few times. */
    AU_CHURN,
    /** Undoes import slot {@code a}. */
    UNIMPORT,
    /** Computes locally for a few thousand cycles. */
    COMPUTE,
    /** Sleeps a few microseconds. */
    SLEEP,
    /** Asks who imported buffer {@code a}. */
    IMPORTERS,
    /** Blocks notifications, computes, unblocks. */
    BLOCK,
    /** Returns from the body at once, leaving the kernel to clean up. */
    EXIT,
    /** After the wait for the others: sends through every import and churns a binding. */
    FINAL_BURST,
    /** Misuse: a raw UDMA STORE/LOAD pair to a guessed or revoked proxy address. */
    RAW_PAIR,
    /** Misuse: a raw store to a guessed address. */
    RAW_STORE,
    /** Misuse: a raw load from a guessed address. */
    RAW_LOAD,
    /** Misuse: a send that reaches past the end of the imported buffer. */
    SEND_OUT_OF_BOUNDS,
    /** Misuse: unexport, unimport or send through a handle already torn down. */
    STALE_CALL,
    /** Misuse: free the memory under a live export or binding, or use freed memory. */
    FREE_MISUSE,
    /** Misuse: a call with a value outside its documented range. */
    BAD_ARGUMENT
  }

  /** Checks the code. */
  Op {
    requireNonNull(code, "code");
  }

  @Override
  public String toString() {
    return code + "(" + a + "," + b + "," + c + "," + d + ")";
  }
}
