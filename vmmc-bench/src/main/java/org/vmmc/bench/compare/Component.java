package org.vmmc.bench.compare;

import org.vmmc.core.sim.Stage;

/**
 * A part of a message's one-way latency, as the breakdown experiment reports it: one or more
 * trace {@link Stage}s, joined as {@link #of(Stage)} says, under the label and field name the
 * tables, charts and results files have always used.
 */
public enum Component {
  /** The sender's CPU running the program and the user library up to the hand-off. */
  SENDER("sender CPU & library", "sender_us"),
  /**
   * The sender's system calls on the message's path: the trap into the kernel and the kernel's
   * send path inside it (checks, protocol, starting the card), but not its copies.
   */
  SYSTEM_CALLS("system calls & kernel path", "system_calls_us"),
  /** The memory bus carrying the sender's stores, and the snoop logic catching them. */
  BUS_SNOOP("memory bus & snoop", "bus_snoop_us"),
  /** The network interfaces' own logic: engine start, packetizing, incoming table check. */
  NIC("NIC logic", "nic_us"),
  /**
   * The automatic-update combining timer: from the last store of a packet until the timer sends
   * it, when no further store joins ({@code TIMER_WRITE}).
   */
  COMBINING_TIMER("AU combining timer", "combining_timer_us"),
  /** DMA over the EISA bus: reading the message at the sender, writing it at the receiver. */
  EISA_DMA("EISA DMA", "eisa_dma_us"),
  /** The routing backplane, from injection to the packet's tail arriving. */
  MESH("mesh", "mesh_us"),
  /**
   * From the data reaching the receiving node to the program seeing it: the poll, and any
   * interrupt the kernel takes for it (entry, service, protocol, notification) except copies.
   */
  RECEIVER("receiver poll & interrupt", "receiver_us"),
  /** Copies of the message between buffers by a CPU. */
  COPIES("copies", "copies_us"),
  /**
   * Events of no stage on a message's path: the control path (kernel-to-kernel messages) and
   * events scheduled without a trace point.
   */
  OTHER("other", "other_us");

  private final String label;
  private final String field;

  Component(String label, String field) {
    this.label = label;
    this.field = field;
  }

  /** What tables and charts call it. */
  public String label() {
    return label;
  }

  /** Its field name in results.json and the CSV file. */
  public String field() {
    return field;
  }

  /**
   * The component time of {@code stage} goes to. A process's time ({@link Stage#PROCESS}) is the
   * sender's here, which is where every share moves it from or to; the breakdown itself gives
   * a traced resumption to the sender or the receiver by where it lies on the message's path.
   */
  public static Component of(Stage stage) {
    return switch (stage) {
      case PROCESS -> SENDER;
      case SYSTEM_CALL -> SYSTEM_CALLS;
      case MEMORY_BUS, SNOOP -> BUS_SNOOP;
      case NIC_LOGIC -> NIC;
      case COMBINING_WAIT -> COMBINING_TIMER;
      case IO_BUS_DMA -> EISA_DMA;
      case NETWORK -> MESH;
      case INTERRUPT -> RECEIVER;
      case COPY -> COPIES;
      case CONTROL, OTHER -> OTHER;
    };
  }
}
