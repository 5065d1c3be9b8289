package org.vmmc.hardware.mesh;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import org.vmmc.core.NodeId;
import org.vmmc.core.stats.Counter;
import org.vmmc.core.stats.Metrics;

/**
 * The routers and links of the mesh, advanced one link cycle at a time: the model behind the
 * mesh backplane, also driven directly by experiments that count time in cycles.
 *
 * <p>Model (design reference, section 3: Paragon-style mesh, parameters in {@link MeshParameters}):
 * <ul>
 *   <li>One router per node, five ports each (east, west, north, south, local). Packets are
 *       routed X first, then Y (dimension order), which cannot deadlock on a mesh.
 *   <li>Wormhole switching: a head flit that has waited the router delay in its input buffer
 *       claims its output port, which then carries that packet's flits only, one per cycle,
 *       until the tail has passed. Each input port buffers {@code inputBufferFlits} flits.
 *   <li>Credit flow control: a flit leaves only when the next input buffer has a free slot; a
 *       freed slot is seen upstream from the next cycle. A blocked head therefore holds every
 *       link its packet occupies, so contention, head-of-line blocking and saturation follow
 *       from the model rather than from a formula.
 *   <li>A flit sent in cycle {@code t} arrives {@code linkDelayCycles} later; a head may leave
 *       {@code routerDelayCycles} after it arrived, a body flit one cycle after. The flits
 *       behind a waiting head stay in the buffer, so a packet that follows another through an
 *       output may find the next buffer still full of the other's flits: with buffers shallower
 *       than {@code routerDelayCycles + linkDelayCycles + 1} it waits a cycle for a credit.
 *   <li>Injection: each node's injection port queues {@code injectionQueuePackets} packets and
 *       streams the front one into its router's local input buffer, one flit per cycle, as
 *       credits allow; the flits of a packet accepted at cycle {@code c} start at cycle
 *       {@code c} at the earliest.
 *   <li>Ejection: the local output is a channel into the destination's interface; the packet
 *       is offered to the {@link Sink} when its tail arrives. A refused packet blocks that
 *       node's ejection channel (holding its packet's resources and, through credits, the
 *       traffic behind it) until {@link #resumeEjection} and a successful offer.
 * </ul>
 * Zero-load latency is {@link MeshParameters#zeroLoadCycles}. Within a cycle every decision
 * reads the state at the start of the cycle, so the order in which routers are visited never
 * changes the outcome.
 *
 * <p>Packets are named by integer handles, valid from {@link #tryInject} until the sink
 * accepts the packet; state lives in primitive arrays and nothing is allocated per flit or per
 * packet once the arrays have grown to the traffic. Only routers that hold flits are visited.
 * Not thread-safe.
 */
public final class MeshNetwork {

  /** Returned by {@link #step()} when nothing will happen until the next injection or resume. */
  public static final long IDLE = Long.MAX_VALUE;

  /** Receives the network's deliveries and injection-space notices, called during a cycle. */
  public interface Sink {

    /**
     * The tail of packet {@code handle} has reached its destination's interface; return true
     * to take the packet (the handle is then released), false to refuse it for now.
     */
    boolean tailArrived(int handle);

    /** {@code node}'s injection port has room for one more packet. */
    void injectionSpace(int node);
  }

  static final int EAST = 0;
  static final int WEST = 1;
  static final int NORTH = 2;
  static final int SOUTH = 3;
  static final int LOCAL = 4;
  static final int PORTS = 5;
  private static final int[] OPPOSITE = {WEST, EAST, SOUTH, NORTH, LOCAL};
  private static final int HEAD = 1;
  private static final int TAIL = 2;
  private static final int FLIT_BITS = 2;
  private static final int NONE = PacketTable.NONE;

  private final MeshParameters parameters;
  private final Sink sink;
  private final int width;
  private final int nodes;
  private final int depth;
  private final int routerDelay;
  private final int linkDelay;
  private final int queueLimit;
  private final int[] nodeX;
  private final int[] nodeY;

  // Input buffers, indexed by input port (router * PORTS + port), flits in rings of `depth`.
  private final int[] bufFlit;
  private final long[] bufReady;
  private final int[] bufStart;
  private final int[] bufCount;
  /** Per input port: the credit index that a flit leaving it frees. */
  private final int[] upstreamCredit;
  /** Per router, bit p: input p holds flits. */
  private final int[] occupiedInputs;
  /** Per router, bit p: the packet at the front of input p holds an output. */
  private final int[] routedInputs;
  /** Per router, bit o: output o is held by a packet. */
  private final int[] heldOutputs;

  // Outputs, indexed by router * PORTS + port.
  private final int[] outOwner;
  private final int[] rrNext;
  /** Per output port: the downstream input port, or NONE (local output, mesh edge). */
  private final int[] downstreamInput;
  /** Free slots downstream: outputs first, then one injection port per node. */
  private final int[] credits;
  private final int[] creditReturns;
  private int creditReturnCount;
  private final int[] requests = new int[PORTS];

  // Routers that hold flits: those visited this cycle and those to visit next cycle.
  private int[] visiting;
  private int[] toVisit;
  private int toVisitCount;
  private final boolean[] scheduled;

  // Injection ports: queues linked through PacketTable.next.
  private final int[] sourceHead;
  private final int[] sourceTail;
  private final int[] sourceCount;
  private final int[] sourceList;
  private int sourceListCount;
  private final boolean[] sourceListed;
  private final int[] spaceNodes;
  private int spaceNodeCount;

  private final EjectionChannels ejecting;

  // Refused packets, linked through PacketTable.next, per destination.
  private final boolean[] ejectBlocked;
  private final int[] heldHead;
  private final int[] heldTail;
  private final boolean[] resumeAsked;
  private final int[] resumeList;
  private int resumeCount;

  private final PacketTable packets = new PacketTable();

  private long cycle;
  private long soonestReady;
  private boolean injectedDuringStep;

  private final Counter packetsInjected;
  private final Counter packetsDelivered;
  private final Counter flitsInjected;
  private final Counter flitsDelivered;
  private final Counter flitHops;
  private final Counter flitStalls;
  private final Counter injectionRefusals;
  private final Counter ejectionRefusals;

  /**
   * A mesh shaped by {@code parameters}, reporting to {@code sink} and counting in
   * {@code metrics} under {@code mesh.*}.
   */
  public MeshNetwork(MeshParameters parameters, Sink sink, Metrics metrics) {
    this.parameters = requireNonNull(parameters, "parameters");
    this.sink = requireNonNull(sink, "sink");
    requireNonNull(metrics, "metrics");
    width = parameters.width();
    nodes = parameters.nodeCount();
    depth = parameters.inputBufferFlits();
    routerDelay = parameters.routerDelayCycles();
    linkDelay = parameters.linkDelayCycles();
    queueLimit = parameters.injectionQueuePackets();
    int ports = nodes * PORTS;

    nodeX = new int[nodes];
    nodeY = new int[nodes];
    for (int n = 0; n < nodes; n++) {
      nodeX[n] = n % width;
      nodeY[n] = n / width;
    }
    bufFlit = new int[ports * depth];
    bufReady = new long[ports * depth];
    bufStart = new int[ports];
    bufCount = new int[ports];
    upstreamCredit = new int[ports];
    occupiedInputs = new int[nodes];
    routedInputs = new int[nodes];
    heldOutputs = new int[nodes];
    outOwner = new int[ports];
    Arrays.fill(outOwner, NONE);
    rrNext = new int[ports];
    downstreamInput = new int[ports];
    credits = new int[ports + nodes];
    Arrays.fill(credits, depth);
    creditReturns = new int[ports];
    for (int r = 0; r < nodes; r++) {
      for (int p = 0; p < PORTS; p++) {
        int neighbour = neighbour(r, p);
        downstreamInput[r * PORTS + p] =
            neighbour == NONE ? NONE : neighbour * PORTS + OPPOSITE[p];
        upstreamCredit[r * PORTS + p] =
            p == LOCAL ? ports + r : neighbour == NONE ? NONE : neighbour * PORTS + OPPOSITE[p];
      }
    }
    visiting = new int[nodes];
    toVisit = new int[nodes];
    scheduled = new boolean[nodes];

    sourceHead = new int[nodes];
    sourceTail = new int[nodes];
    Arrays.fill(sourceHead, NONE);
    Arrays.fill(sourceTail, NONE);
    sourceCount = new int[nodes];
    sourceList = new int[nodes];
    sourceListed = new boolean[nodes];
    spaceNodes = new int[nodes];

    // At most one tail per node enters each cycle and each stays linkDelay cycles.
    ejecting = new EjectionChannels(nodes * (linkDelay + 1));

    ejectBlocked = new boolean[nodes];
    heldHead = new int[nodes];
    heldTail = new int[nodes];
    Arrays.fill(heldHead, NONE);
    Arrays.fill(heldTail, NONE);
    resumeAsked = new boolean[nodes];
    // A node may ask again while its earlier request is being processed.
    resumeList = new int[2 * nodes];

    packetsInjected = metrics.counter(MeshCounter.PACKETS_INJECTED);
    packetsDelivered = metrics.counter(MeshCounter.PACKETS_DELIVERED);
    flitsInjected = metrics.counter(MeshCounter.FLITS_INJECTED);
    flitsDelivered = metrics.counter(MeshCounter.FLITS_DELIVERED);
    flitHops = metrics.counter(MeshCounter.FLIT_HOPS);
    flitStalls = metrics.counter(MeshCounter.FLIT_STALLS);
    injectionRefusals = metrics.counter(MeshCounter.INJECTION_REFUSALS);
    ejectionRefusals = metrics.counter(MeshCounter.EJECTION_REFUSALS);
  }

  private int neighbour(int r, int port) {
    int x = nodeX[r];
    int y = nodeY[r];
    return switch (port) {
      case EAST -> x + 1 < width ? r + 1 : NONE;
      case WEST -> x > 0 ? r - 1 : NONE;
      case NORTH -> y + 1 < parameters.height() ? r + width : NONE;
      case SOUTH -> y > 0 ? r - width : NONE;
      default -> NONE;
    };
  }

  /** The parameters this mesh was built from. */
  public MeshParameters parameters() {
    return parameters;
  }

  /** The number of nodes. */
  public int nodeCount() {
    return nodes;
  }

  /** The cycle being processed by {@link #step()}, or the next one it will process. */
  public long cycle() {
    return cycle;
  }

  /** Packets accepted and not yet taken by their receivers. */
  public int packetsInFlight() {
    return packets.inUse();
  }

  /** True when no packet is anywhere in the network or its injection ports. */
  public boolean isEmpty() {
    return packets.inUse() == 0;
  }

  /** True when {@code node}'s injection port can take a packet now. */
  public boolean canInject(int node) {
    checkElementIndex(node, nodes, "node");
    return sourceCount[node] < queueLimit;
  }

  /** True while {@code node}'s ejection channel is held by a refused packet. */
  public boolean isEjectionBlocked(int node) {
    checkElementIndex(node, nodes, "node");
    return ejectBlocked[node];
  }

  /** The zero-load latency of a {@code flits}-flit packet, in cycles. */
  public long zeroLoadCycles(int source, int destination, int flits) {
    checkElementIndex(source, nodes, "source node");
    checkElementIndex(destination, nodes, "destination node");
    return parameters.zeroLoadCycles(NodeId.of(source), NodeId.of(destination), flits);
  }

  /**
   * Queues a {@code flits}-flit packet from {@code source} to {@code destination} at
   * {@code source}'s injection port; returns its handle, or -1 (counted as a refusal) when the
   * port is full. {@code tag} is carried for the caller (a creation time, an id).
   */
  public int tryInject(int source, int destination, int flits, long tag) {
    checkArgument(source >= 0 && source < nodes,
        "source node %s is outside the %s-node mesh", source, nodes);
    checkArgument(destination >= 0 && destination < nodes,
        "destination node %s is outside the %s-node mesh", destination, nodes);
    checkArgument(flits >= 1, "a packet has at least 1 flit: %s", flits);
    if (sourceCount[source] >= queueLimit) {
      injectionRefusals.increment();
      return NONE;
    }
    int h = packets.allocate(source, destination, flits, tag, cycle);
    if (sourceTail[source] == NONE) {
      sourceHead[source] = h;
    } else {
      packets.next[sourceTail[source]] = h;
    }
    sourceTail[source] = h;
    sourceCount[source]++;
    if (!sourceListed[source]) {
      sourceListed[source] = true;
      sourceList[sourceListCount++] = source;
    }
    injectedDuringStep = true;
    packetsInjected.increment();
    flitsInjected.add(flits);
    return h;
  }

  /** The source node of packet {@code handle}. */
  public int source(int handle) {
    return packets.source[handle];
  }

  /** The destination node of packet {@code handle}. */
  public int destination(int handle) {
    return packets.destination[handle];
  }

  /** The flits of packet {@code handle}. */
  public int flits(int handle) {
    return packets.flits[handle];
  }

  /** The tag given with packet {@code handle}. */
  public long tag(int handle) {
    return packets.tag[handle];
  }

  /** The cycle in which packet {@code handle} was accepted. */
  public long injectedAt(int handle) {
    return packets.injectedAt[handle];
  }

  /**
   * Asks for the packets held at {@code node}'s ejection channel to be offered again at the
   * start of the next cycle processed; does nothing when none is held.
   */
  public void resumeEjection(int node) {
    checkElementIndex(node, nodes, "node");
    if (ejectBlocked[node] && !resumeAsked[node]) {
      resumeAsked[node] = true;
      resumeList[resumeCount++] = node;
    }
  }

  /** True when a resumed ejection waits for the next cycle. */
  public boolean hasPendingResume() {
    return resumeCount > 0;
  }

  /**
   * Moves the clock forward to {@code target} without processing the cycles between; only
   * valid when {@link #step()} said nothing happens before then.
   */
  public void skipTo(long target) {
    checkArgument(target >= cycle, "cannot go back from cycle %s to %s", cycle, target);
    cycle = target;
  }

  /**
   * Processes the current cycle, then advances the clock by one; returns the next cycle in
   * which anything can happen without outside input ({@link #IDLE} if none).
   *
   * <p>Order within a cycle: held packets whose ejection was resumed are offered again; tails
   * due now are offered; injection ports stream one flit each; routers allocate outputs and
   * move one flit per output; freed buffer slots become credits; nodes whose injection port
   * freed up are told.
   */
  public long step() {
    long t = cycle;
    injectedDuringStep = false;
    soonestReady = IDLE;
    if (resumeCount > 0) {
      processResumes();
    }
    deliverDue(t);

    int[] routers = toVisit;
    int routerCount = toVisitCount;
    toVisit = visiting;
    visiting = routers;
    toVisitCount = 0;
    for (int i = 0; i < routerCount; i++) {
      scheduled[routers[i]] = false;
    }

    boolean moved = streamSources(t);
    for (int i = 0; i < routerCount; i++) {
      moved |= stepRouter(routers[i], t);
    }
    for (int i = 0; i < creditReturnCount; i++) {
      credits[creditReturns[i]]++;
    }
    creditReturnCount = 0;
    cycle = t + 1;
    for (int i = 0; i < spaceNodeCount; i++) {
      sink.injectionSpace(spaceNodes[i]);
    }
    spaceNodeCount = 0;

    if (moved || injectedDuringStep || resumeCount > 0) {
      return t + 1;
    }
    long next = soonestReady;
    if (!ejecting.isEmpty() && ejecting.firstDue() < next) {
      next = ejecting.firstDue();
    }
    return next <= t ? t + 1 : next;
  }

  private void processResumes() {
    int count = resumeCount;
    for (int i = 0; i < count; i++) {
      int node = resumeList[i];
      resumeAsked[node] = false;
      while (heldHead[node] != NONE) {
        int h = heldHead[node];
        if (!sink.tailArrived(h)) {
          ejectionRefusals.increment();
          break;
        }
        heldHead[node] = packets.next[h];
        if (heldHead[node] == NONE) {
          heldTail[node] = NONE;
        }
        delivered(h);
      }
      if (heldHead[node] == NONE) {
        ejectBlocked[node] = false;
      }
    }
    // Resumes asked for during the offers above wait for the next cycle.
    System.arraycopy(resumeList, count, resumeList, 0, resumeCount - count);
    resumeCount -= count;
  }

  private void deliverDue(long t) {
    while (!ejecting.isEmpty() && ejecting.firstDue() <= t) {
      int h = ejecting.poll();
      int node = packets.destination[h];
      if (ejectBlocked[node]) {
        hold(node, h);
      } else if (sink.tailArrived(h)) {
        delivered(h);
      } else {
        ejectionRefusals.increment();
        ejectBlocked[node] = true;
        hold(node, h);
      }
    }
  }

  private void hold(int node, int h) {
    packets.next[h] = NONE;
    if (heldTail[node] == NONE) {
      heldHead[node] = h;
    } else {
      packets.next[heldTail[node]] = h;
    }
    heldTail[node] = h;
  }

  private void delivered(int h) {
    packetsDelivered.increment();
    flitsDelivered.add(packets.flits[h]);
    packets.release(h);
  }

  /** Streams one flit from each injection port that has a packet and a credit. */
  private boolean streamSources(long t) {
    boolean pushed = false;
    int kept = 0;
    int creditBase = nodes * PORTS;
    for (int i = 0; i < sourceListCount; i++) {
      int node = sourceList[i];
      int h = sourceHead[node];
      int ci = creditBase + node;
      if (credits[ci] > 0) {
        int sent = packets.sent[h];
        int last = packets.flits[h] - 1;
        int flit = (h << FLIT_BITS) | (sent == 0 ? HEAD : 0) | (sent == last ? TAIL : 0);
        credits[ci]--;
        long ready = sent == 0 ? t + routerDelay : t + 1;
        soonestReady = Math.min(soonestReady, ready);
        push(node * PORTS + LOCAL, node, flit, ready);
        pushed = true;
        if (sent == last) {
          sourceHead[node] = packets.next[h];
          if (sourceHead[node] == NONE) {
            sourceTail[node] = NONE;
          }
          packets.next[h] = NONE;
          sourceCount[node]--;
          spaceNodes[spaceNodeCount++] = node;
        } else {
          packets.sent[h] = sent + 1;
        }
      }
      if (sourceCount[node] > 0) {
        sourceList[kept++] = node;
      } else {
        sourceListed[node] = false;
      }
    }
    sourceListCount = kept;
    return pushed;
  }

  private void push(int input, int router, int flit, long ready) {
    int slot = bufStart[input] + bufCount[input];
    if (slot >= depth) {
      slot -= depth;
    }
    slot += input * depth;
    bufFlit[slot] = flit;
    bufReady[slot] = ready;
    bufCount[input]++;
    occupiedInputs[router] |= 1 << (input - router * PORTS);
    if (!scheduled[router]) {
      scheduled[router] = true;
      toVisit[toVisitCount++] = router;
    }
  }

  private int route(int router, int destination) {
    int dx = nodeX[destination] - nodeX[router];
    if (dx > 0) {
      return EAST;
    }
    if (dx < 0) {
      return WEST;
    }
    int dy = nodeY[destination] - nodeY[router];
    if (dy > 0) {
      return NORTH;
    }
    return dy < 0 ? SOUTH : LOCAL;
  }

  /** One cycle of one router: allocate free outputs to waiting heads, then move flits. */
  private boolean stepRouter(int r, long t) {
    final int base = r * PORTS;
    final int[] count = bufCount;
    final int[] start = bufStart;
    final long[] readyAt = bufReady;
    final int[] flits = bufFlit;
    final int[] owner = outOwner;
    long soonest = soonestReady;

    // Heads at the front of inputs that hold no output yet ask for the one their route needs.
    int waiting = occupiedInputs[r] & ~routedInputs[r];
    if (waiting != 0) {
      int[] req = requests;
      int asked = 0;
      do {
        int p = Integer.numberOfTrailingZeros(waiting);
        waiting &= waiting - 1;
        int in = base + p;
        int slot = in * depth + start[in];
        long ready = readyAt[slot];
        if (ready > t) {
          soonest = Math.min(soonest, ready);
          continue;
        }
        int o = route(r, packets.destination[flits[slot] >>> FLIT_BITS]);
        req[o] |= 1 << p;
        asked |= 1 << o;
      } while (waiting != 0);
      while (asked != 0) {
        int o = Integer.numberOfTrailingZeros(asked);
        asked &= asked - 1;
        int mask = req[o];
        req[o] = 0;
        int out = base + o;
        if (owner[out] != NONE) {
          flitStalls.add(Integer.bitCount(mask));
          continue;
        }
        // Round robin: the first requester at or after rrNext wins.
        int s = rrNext[out];
        int rotated = ((mask >>> s) | (mask << (PORTS - s))) & ((1 << PORTS) - 1);
        int p = s + Integer.numberOfTrailingZeros(rotated);
        if (p >= PORTS) {
          p -= PORTS;
        }
        owner[out] = p;
        routedInputs[r] |= 1 << p;
        heldOutputs[r] |= 1 << o;
        rrNext[out] = p + 1 == PORTS ? 0 : p + 1;
        if (mask != 1 << p) {
          flitStalls.add(Integer.bitCount(mask) - 1);
        }
      }
    }

    // Each held output moves one flit of its packet if the flit is ready and has a credit.
    boolean moved = false;
    int held = heldOutputs[r];
    while (held != 0) {
      int o = Integer.numberOfTrailingZeros(held);
      held &= held - 1;
      int out = base + o;
      int p = owner[out];
      int in = base + p;
      if (count[in] == 0) {
        continue;
      }
      int first = start[in];
      int slot = in * depth + first;
      long ready = readyAt[slot];
      if (ready > t) {
        soonest = Math.min(soonest, ready);
        continue;
      }
      if (o == LOCAL ? ejectBlocked[r] : credits[out] == 0) {
        flitStalls.increment();
        continue;
      }
      int flit = flits[slot];
      start[in] = first + 1 == depth ? 0 : first + 1;
      if (--count[in] == 0) {
        occupiedInputs[r] &= ~(1 << p);
      }
      creditReturns[creditReturnCount++] = upstreamCredit[in];
      moved = true;
      if (o == LOCAL) {
        if ((flit & TAIL) != 0) {
          ejecting.add(flit >>> FLIT_BITS, t + linkDelay);
        }
      } else {
        credits[out]--;
        int down = downstreamInput[out];
        long arrival = t + linkDelay;
        long due = (flit & HEAD) != 0 ? arrival + routerDelay : arrival + 1;
        soonest = Math.min(soonest, due);
        push(down, down / PORTS, flit, due);
        flitHops.increment();
      }
      if ((flit & TAIL) != 0) {
        owner[out] = NONE;
        routedInputs[r] &= ~(1 << p);
        heldOutputs[r] &= ~(1 << o);
      }
    }
    soonestReady = soonest;
    if (occupiedInputs[r] != 0 && !scheduled[r]) {
      scheduled[r] = true;
      toVisit[toVisitCount++] = r;
    }
    return moved;
  }
}
