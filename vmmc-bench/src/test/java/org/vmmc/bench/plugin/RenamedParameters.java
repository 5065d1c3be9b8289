package org.vmmc.bench.plugin;

/**
 * The one parameter of a renamed test design.
 *
 * @param startCycles card cycles before the DMA engine starts
 */
public record RenamedParameters(long startCycles) {

  /** Collects the parameter for its set. */
  static final class Builder {
    private long startCycles;

    Builder startCycles(long value) {
      this.startCycles = value;
      return this;
    }

    RenamedParameters build() {
      return new RenamedParameters(startCycles);
    }
  }
}
