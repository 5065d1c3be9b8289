package org.vmmc.bench.scale;

/**
 * What one scenario of the scale experiment cost on this computer; wall-clock figures, so they
 * differ from run to run, except {@code eventsPerMessage}, which the seed fixes.
 *
 * @param scenario the scenario's name, such as {@code ring-4k}
 * @param design the network interface design's name
 * @param mode the design's mode that moved the messages
 * @param mesh the mesh as {@code WxH}
 * @param nodes nodes of the machine
 * @param messages simulated messages of the measured run
 * @param messagesPerWallSecond simulated messages per second of wall-clock time, steady phase
 * @param messagesPerCpuSecond simulated messages per second of the JVM's CPU time, steady phase
 * @param eventsPerMessage simulator events per message (the events of a one-round run, its
 *     setup, teardown and one round's messages, subtracted)
 * @param buildSeconds wall-clock seconds to assemble the machine
 * @param heapPerNodeKib heap the built machine holds per node, in KiB (1,024 bytes): used heap
 *     after building and a garbage collection less used heap before, divided by nodes; rough
 * @param referenceEventsPerSecond the engine's hold-model events per wall-clock second (1,000
 *     pending), measured in the same JVM, against which the other rates compare across machines
 */
public record ScaleRecord(String scenario, String design, String mode, String mesh, int nodes,
    long messages, double messagesPerWallSecond, double messagesPerCpuSecond,
    double eventsPerMessage, double buildSeconds, double heapPerNodeKib,
    double referenceEventsPerSecond) {

  /** Simulator events per wall-clock second in the steady phase. */
  public double eventsPerWallSecond() {
    return messagesPerWallSecond * eventsPerMessage;
  }

  /** End-to-end events per second as a fraction of the hold model's: stable across machines. */
  public double referenceRatio() {
    return eventsPerWallSecond() / referenceEventsPerSecond;
  }
}
