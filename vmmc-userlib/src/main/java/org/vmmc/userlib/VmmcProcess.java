package org.vmmc.userlib;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;
import org.vmmc.core.NodeId;
import org.vmmc.core.NotificationHandler;
import org.vmmc.core.ProcessId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.hw.Access;
import org.vmmc.core.hw.Translation;
import org.vmmc.core.sim.SimProcess;
import org.vmmc.kernel.KernelCalls;
import org.vmmc.kernel.KernelProcess;

/**
 * A user process on a simulated node, as its own code sees it: memory, the VMMC calls, polling
 * and the passing of time. Everything that references its memory, makes a VMMC call or spends
 * its time may only be called from the process's own code (or its notification handlers): from
 * anywhere else (the host thread, another process that captured the object, an event action, an
 * inspector observer) it throws {@link IllegalStateException} naming the process and the
 * caller, since it would act in this process's address space. Its id, name, node and system
 * call count may be read from anywhere.
 */
public final class VmmcProcess {
  private final Node node;
  private final KernelCalls kernel;
  private KernelProcess self;
  private Vmmc vmmc;
  /** The simulated thread that runs the process's program, once it has started. */
  private SimProcess main;
  /** The simulated thread running one of the process's notification handlers, if one runs. */
  private SimProcess handler;

  VmmcProcess(Node node) {
    this.node = node;
    this.kernel = node.kernel();
  }

  void bind(KernelProcess kernelProcess) {
    this.self = kernelProcess;
    this.vmmc = new Vmmc(this, kernel, kernelProcess, node.accessPath());
  }

  /** Runs {@code program} as the process's own code, on the thread the kernel started. */
  void runAsMain(UserProgram program) throws Exception {
    main = node.simulator().currentProcess();
    program.run(this);
  }

  /** {@code handler} as the kernel runs it: the thread it runs on is the process's own. */
  NotificationHandler asOwnHandler(NotificationHandler code) {
    return notification -> {
      SimProcess outer = handler;
      handler = node.simulator().currentProcess();
      try {
        code.handle(notification);
      } finally {
        handler = outer;
      }
    };
  }

  /** The process's id: its node and process number. */
  public ProcessId id() {
    return self.id();
  }

  /** The process's name. */
  public String name() {
    return self.name();
  }

  /** The node the process runs on. */
  public NodeId node() {
    return node.id();
  }

  /** The process's VMMC calls. */
  public Vmmc vmmc() {
    return vmmc;
  }

  /** System calls the process has made so far. */
  public long systemCalls() {
    return self.systemCalls();
  }

  /** The process's current simulated time. */
  public SimTime now() {
    return current().time();
  }

  /** Allocates {@code bytes} of zeroed memory (whole pages, page-aligned). A system call. */
  public UserMemory allocate(int bytes) {
    current();
    return new UserMemory(this, kernel.allocate(self, bytes), bytes);
  }

  /** Frees memory from {@link #allocate}; it must not hold an exported buffer. */
  public void free(UserMemory memory) {
    current();
    checkArgument(memory.owner() == this, "%s is not memory of %s", memory, id());
    kernel.free(self, memory.address());
  }

  /** Spends {@code cycles} CPU cycles on local computation. */
  public void compute(long cycles) {
    self.cpu().compute(current(), cycles);
  }

  /** Lets {@code duration} of simulated time pass (the process is idle: others may run). */
  public void sleep(SimDuration duration) {
    current();
    kernel.sleep(self, duration);
  }

  /**
   * Polls {@code length} bytes at {@code offset} of {@code region} until they change, as a
   * loop that reloads them would, and returns when that loop would see it: at the end of the
   * poll iteration during which the write landed, plus the cache miss of the load that sees
   * it. The iterations are charged, not simulated one by one.
   *
   * <p>While it waits the process lets other processes of its node have the CPU, as if the
   * kernel descheduled a spinning loop at once (a modelling choice: with one process per node,
   * as in the published measurements, it makes no difference).
   */
  public void awaitChange(UserMemory region, int offset, int length) {
    awaitChange(region, offset, length, null);
  }

  /**
   * Like {@link #awaitChange(UserMemory, int, int)}, giving up after {@code timeout}; returns
   * whether the bytes changed.
   */
  public boolean awaitChange(UserMemory region, int offset, int length, SimDuration timeout) {
    SimProcess p = current();
    checkArgument(region.owner() == this, "%s is not memory of %s", region, id());
    checkArgument(length > 0, "poll length must be positive: %s bytes", length);
    region.checkRange(offset, length);
    byte[] before = region.getBytes(offset, length);
    SimTime start = p.time();
    SimTime deadline = timeout == null ? null : start.plus(timeout);
    BooleanSupplier changed = () -> !Arrays.equals(before, peek(region, offset, length));
    if (deadline == null) {
      p.awaitUntil(node.memoryWritten(), changed);
    } else if (!p.awaitUntil(node.memoryWritten(), changed, deadline)) {
      return false;
    }
    chargePollLoop(p, start);
    return true;
  }

  /**
   * Polls the word at {@code offset} of {@code region} until {@code condition} holds, as
   * {@code while (!condition(word)) ;} would, and returns the word that satisfied it. The first
   * load is charged; if the word already satisfies the condition it returns at once. Otherwise
   * it returns when the loop would see the satisfying write: at the end of the poll iteration
   * during which it landed, plus the cache miss of that load. Unlike reading the word and then
   * calling {@link #awaitChange}, no write can slip between the test and the wait.
   */
  public int awaitWord(UserMemory region, int offset, IntPredicate condition) {
    SimProcess p = current();
    checkArgument(region.owner() == this, "%s is not memory of %s", region, id());
    int first = region.getInt(offset);
    if (condition.test(first)) {
      return first;
    }
    SimTime start = p.time();
    int[] seen = {first};
    p.awaitUntil(node.memoryWritten(), () -> {
      seen[0] = peekInt(region, offset);
      return condition.test(seen[0]);
    });
    chargePollLoop(p, start);
    return seen[0];
  }

  /**
   * Holds {@code p}, which started polling at {@code start} and has just been woken by the
   * write it waits for, until the poll loop would see that write.
   */
  private void chargePollLoop(SimProcess p, SimTime start) {
    LibraryParameters lib = node.library();
    SimDuration iteration = self.cpu().cycles(lib.pollIterationCycles());
    long elapsed = p.time().since(start).picos();
    long iterations = elapsed / iteration.picos() + 1;
    SimTime seen = start.plus(iteration.times(iterations));
    p.hold(seen.since(p.time()).plus(self.cpu().cycles(lib.pollMissCycles())));
  }

  private int peekInt(UserMemory region, int offset) {
    return ByteBuffer.wrap(peek(region, offset, 4)).order(ByteOrder.LITTLE_ENDIAN).getInt();
  }

  /** The bytes as memory holds them now, read without CPU cost (the poll loop's view). */
  private byte[] peek(UserMemory region, int offset, int length) {
    byte[] bytes = new byte[length];
    long va = region.address().value() + offset;
    int done = 0;
    while (done < length) {
      Translation t = self.addressSpace().translate(VirtualAddress.of(va + done), Access.READ,
          true);
      int inPage = node.memory().geometry().pageSize()
          - node.memory().geometry().offsetInPage(va + done);
      int n = Math.min(inPage, length - done);
      node.memory().read(t.physicalAddress(), bytes, done, n);
      done += n;
    }
    return bytes;
  }

  /**
   * Loads the word at any virtual address, as a program's pointer dereference would: it faults
   * with a {@code PageFaultException} where the process has no mapping. Only the process's
   * own code may dereference its pointers.
   */
  public int loadWord(VirtualAddress address) {
    return cpuLoad(address);
  }

  /**
   * Stores a word at any virtual address, as a program's pointer dereference would; faults
   * where the process may not write. Only the process's own code may dereference its pointers.
   */
  public void storeWord(VirtualAddress address, int value) {
    cpuStore(address, value);
  }

  int cpuLoad(VirtualAddress address) {
    return self.cpu().load(current(), self.addressSpace(), address);
  }

  void cpuStore(VirtualAddress address, int value) {
    self.cpu().store(current(), self.addressSpace(), address, value);
  }

  void cpuRead(VirtualAddress address, byte[] dst, int off, int len) {
    self.cpu().read(current(), self.addressSpace(), address, dst, off, len);
  }

  void cpuWrite(VirtualAddress address, byte[] src, int off, int len) {
    self.cpu().write(current(), self.addressSpace(), address, src, off, len);
  }

  /**
   * The simulated thread of this process's code that calls now; refuses any other caller,
   * since whatever it does would act in this process's address space.
   */
  SimProcess current() {
    checkState(self != null, "the process has not started");
    checkState(!node.observers().active(),
        "%s was called from an inspector observer or an event tracer, which may only look",
        this);
    SimProcess running = node.simulator().currentProcess();
    if (running == null) {
      throw new IllegalStateException(this + " was called from "
          + node.simulator().describeCaller()
          + "; only its own code and its notification handlers may use its memory and calls");
    }
    checkState(running == main || running == handler,
        "%s was called from %s; only its own code and its notification handlers may use its "
            + "memory and calls", this, running.name());
    return self.process();
  }

  @Override
  public String toString() {
    return self == null ? "process (not started)" : self.toString();
  }
}
