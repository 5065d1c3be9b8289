package org.vmmc.bench.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.vmmc.bench.soak.Finding.Kind;
import org.vmmc.bench.soak.Op.Code;
import org.vmmc.bench.soak.Oracle.ExportRecord;
import org.vmmc.bench.soak.Oracle.ImportRecord;
import org.vmmc.bench.soak.Oracle.Message;
import org.vmmc.bench.soak.Oracle.Proc;
import org.vmmc.bench.soak.Oracle.Route;
import org.vmmc.core.BufferId;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.NodeId;
import org.vmmc.core.NotificationHandler;
import org.vmmc.core.ProcessId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.VirtualAddress;
import org.vmmc.core.VmmcException;
import org.vmmc.core.hw.PageFaultException;
import org.vmmc.core.nic.CombiningMode;
import org.vmmc.core.nic.NicFeature;
import org.vmmc.core.nic.VirtualLayout;
import org.vmmc.userlib.AutomaticUpdateBinding;
import org.vmmc.userlib.ExportedBuffer;
import org.vmmc.userlib.ImportRequest;
import org.vmmc.userlib.ImportedBuffer;
import org.vmmc.userlib.UserMemory;
import org.vmmc.userlib.VmmcProcess;

/**
 * The body of one randomised process: ordinary sequential code that runs its steps in order,
 * tells the oracle what it does before and after each call, and sorts every exception it gets
 * into the documented kinds or an unclear error. After its steps it waits until every process
 * has finished its own and in-flight data has landed, checks its private memory, and returns.
 */
final class Actor {
  /** Memory slots: private (canaries only), message source, export region, bound region. */
  private static final int PRIVATE = 0;
  private static final int SOURCE = 1;
  private static final int EXPORTS = 2;
  private static final int BOUND = 3;
  private static final int[] SLOT_PAGES = {1, 2, 2, 2};
  private static final int PAGE = 4096;
  private static final int SLOTS = 3;
  /** How long the final wait for the others may last before the run counts as hung. */
  static final SimDuration PATIENCE = SimDuration.ofMillis(300);
  /** Time for in-flight packets and control messages to settle before the last checks. */
  private static final SimDuration DRAIN = SimDuration.ofMillis(2);
  private static final SimDuration POLL = SimDuration.ofMicros(100);

  private final VmmcProcess p;
  private final Proc me;
  private final Oracle oracle;
  private final List<Op> steps;
  private final List<ProcessId> everyone;
  private final Consumer<String> log;
  private final boolean logging;
  private final UserMemory[] memory = new UserMemory[4];
  private final Oracle.Allocation[] allocation = new Oracle.Allocation[4];
  private final ExportedBuffer[] exports = new ExportedBuffer[SLOTS];
  private final ExportRecord[] exportRecords = new ExportRecord[SLOTS];
  private final Op[] exportOps = new Op[SLOTS];
  private final ImportedBuffer[] imports = new ImportedBuffer[SLOTS];
  private final ImportRecord[] importRecords = new ImportRecord[SLOTS];
  private final ImportRequest[] pending = new ImportRequest[SLOTS];
  private final long[] pendingSince = new long[SLOTS];
  private final int[] pendingBuffer = new int[SLOTS];
  private final ProcessId[] pendingExporter = new ProcessId[SLOTS];
  private final Oracle.RequestRecord[] pendingRecord = new Oracle.RequestRecord[SLOTS];
  private final Binding[] bindings = new Binding[2];
  private final List<ExportedBuffer> staleExports = new ArrayList<>();
  private final List<ImportedBuffer> staleImports = new ArrayList<>();
  private final List<ImportRecord> staleImportRecords = new ArrayList<>();
  private final List<UserMemory> freed = new ArrayList<>();
  private long proxyCursor = VirtualLayout.PROXY_BASE;
  /** A handler freed memory the main code may be using. */
  private boolean memoryPulled;
  /** Frees of the message source the main code began, and those not yet returned. */
  private int sourceFreesBegun;
  private int sourceFreesRunning;
  private int executed;

  private record Binding(AutomaticUpdateBinding binding, ImportRecord via, int[] cursor,
      Oracle.BindingRecord record) {}

  Actor(VmmcProcess p, Proc me, Oracle oracle, List<Op> steps, List<ProcessId> everyone,
      Consumer<String> log) {
    this.p = p;
    this.me = me;
    this.oracle = oracle;
    this.steps = steps;
    this.everyone = everyone;
    this.log = log;
    this.logging = log != null;
  }

  /** Steps run so far. */
  int executed() {
    return executed;
  }

  /** Runs the body. */
  void run() {
    SimTime start = p.now();
    Op burst = null;
    for (int s = 0; s < memory.length; s++) {
      step(new Op(Code.ALLOC, s, 0, 0, 0)); // a node out of memory refuses: documented
    }
    for (Op op : steps) {
      if (op.code() == Code.EXIT) {
        if (op.a() % 2 == 0) {
          // Exits with transfers just started, so that exit's teardown meets them.
          for (int slot = 0; slot < SLOTS; slot++) {
            if (slot == op.b() % SLOTS || op.a() % 4 == 0) {
              step(new Op(Code.SEND, slot, 2 | op.c() << 2, op.c(), op.d()));
            }
          }
        }
        executed++;
        if (logging) {
          log.accept(me + " " + p.now() + " EXIT");
        }
        exitEarly();
        return;
      }
      if (op.code() == Code.FINAL_BURST) {
        burst = op; // runs after the wait for the others
        continue;
      }
      step(op);
    }
    for (int s = 0; s < SLOTS; s++) {
      if (pending[s] != null) {
        step(new Op(Code.AWAIT, s, 0, 0, 0));
      }
    }
    oracle.finishedSteps();
    SimTime patience = start.plus(PATIENCE);
    while (oracle.active() > 0 && p.now().compareTo(patience) < 0) {
      p.sleep(POLL);
    }
    // Exits are staggered, so that one process's teardown meets another's.
    p.sleep(DRAIN.plus(SimDuration.ofMicros(steps.getFirst().d() % 400)));
    if (memory[PRIVATE] != null) {
      oracle.checkPrivate(me, memory[PRIVATE].address().value(), memory[PRIVATE].length());
    }
    Op first = burst;
    if (first != null) {
      // A last burst, met by the others' exits: its messages may be dropped by their teardown.
      me.lastGasp = true;
      for (int slot = 0; slot < SLOTS; slot++) {
        step(new Op(Code.SEND, slot, first.b(), first.c(), first.d()));
      }
      if (p.vmmc().design().has(NicFeature.AUTOMATIC_UPDATE)) {
        step(new Op(Code.AU_CHURN, first.a(), first.b(), first.c(), first.d()));
      }
    }
  }

  private void exitEarly() {
    me.exitedEarly = true;
    for (ExportRecord e : me.exports) {
      e.raced = true;
    }
    for (ImportRecord i : me.imports) {
      i.raced = true;
    }
    oracle.finishedSteps();
  }

  private void step(Op op) {
    executed++;
    boolean misuse = op.code().compareTo(Code.RAW_PAIR) >= 0;
    memoryPulled = false;
    String outcome = null;
    try {
      run(op);
    } catch (VmmcException e) {
      outcome = "refused: " + e.getMessage();
    } catch (PageFaultException e) {
      outcome = "page fault: " + e.getMessage();
      if ((!misuse || op.code() == Code.BAD_ARGUMENT) && !memoryPulled) {
        unclear(op, e);
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      outcome = e.getClass().getSimpleName() + ": " + e.getMessage();
      if (e.getMessage() == null || !(misuse || callerMayErr(op) || memoryPulled)) {
        unclear(op, e);
      }
    } catch (UnsupportedOperationException e) {
      outcome = "unsupported: " + e.getMessage();
      if (e.getMessage() == null || op.code() != Code.BIND) {
        unclear(op, e);
      }
    } catch (RuntimeException e) {
      outcome = e.toString();
      unclear(op, e);
    }
    if (logging) {
      log.accept(me + " " + p.now() + " " + op + ": " + (outcome == null ? "ok" : outcome));
    }
  }

  /** Steps whose random arguments may break a documented rule of the call. */
  private static boolean callerMayErr(Op op) {
    return switch (op.code()) {
      case EXPORT, UNEXPORT, BIND, AU_CHURN, FREE -> true;
      default -> false;
    };
  }

  private void unclear(Op op, RuntimeException e) {
    oracle.report(Kind.UNCLEAR, op.code() + ":" + e.getClass().getSimpleName(),
        me + " " + op + " threw " + e);
  }

  private void run(Op op) {
    switch (op.code()) {
      case ALLOC -> {
        if (memory[op.a() % 4] == null) {
          allocate(op.a() % 4);
        }
      }
      case FREE -> free(op.a() % 3 + 1);
      case EXPORT -> export(op);
      case UNEXPORT -> {
        Op exported = exportOps[op.a() % SLOTS];
        unexport(op.a() % SLOTS);
        if (exported != null && op.b() % 2 == 0) {
          // At once the same memory again, under the same id: packets of the old export must
          // not land in the new one.
          export(exported);
        }
      }
      case AU_CHURN -> churn(op);
      case IMPORT -> startImport(op);
      case AWAIT -> awaitImport(op.a() % SLOTS);
      case SEND -> send(op);
      case BIND -> bind(op);
      case AU_STORE -> storeBound(op);
      case UNBIND -> {
        Binding b = bindings[op.a() % 2];
        if (b != null) {
          b.binding().close();
          b.record().unboundByStep = true;
        }
      }
      case UNIMPORT -> unimport(op.a() % SLOTS);
      case COMPUTE -> p.compute(100 + op.a() % 5_000);
      case SLEEP -> p.sleep(SimDuration.ofMicros(1 + op.a() % 50));
      case IMPORTERS -> {
        ExportedBuffer e = exports[op.a() % SLOTS];
        if (e != null) {
          p.vmmc().importers(e);
        }
      }
      case BLOCK -> {
        p.vmmc().blockNotifications();
        p.compute(op.a() % 3_000);
        p.vmmc().unblockNotifications();
      }
      case EXIT, FINAL_BURST -> throw new IllegalStateException(op.code()
          + " is handled by the body");
      case RAW_PAIR -> rawPair(op);
      case RAW_STORE -> p.storeWord(guess(op.a(), op.b()), rawWord());
      case RAW_LOAD -> p.loadWord(guess(op.a(), op.b()));
      case SEND_OUT_OF_BOUNDS -> sendOutOfBounds(op);
      case STALE_CALL -> staleCall(op);
      case FREE_MISUSE -> freeMisuse(op);
      case BAD_ARGUMENT -> badArgument(op);
      default -> throw new IllegalStateException("unknown step " + op);
    }
  }

  // ---- memory ----

  // The notification handler runs beside the main code: a second thread of the process, which
  // the scheduler interleaves with it at synchronisation points (a quantum's end, a wait). So a
  // slot is emptied before its memory is freed, and filled only once the new memory holds its
  // canaries: neither context ever writes a message into memory the other is still filling,
  // nor frees what the other is freeing.

  private void allocate(int slot) {
    UserMemory m = p.allocate(SLOT_PAGES[slot] * PAGE);
    Oracle.Allocation a = oracle.allocated(me, m.address().value(), SLOT_PAGES[slot]);
    m.putBytes(0, Words.canaries(me.index, m.address().value(), m.length()));
    allocation[slot] = a;
    memory[slot] = m;
  }

  /** The main code frees memory slot {@code slot}; frees of the message source are counted. */
  private void free(int slot) {
    if (slot != SOURCE || memory[slot] == null) {
      release(slot);
      return;
    }
    sourceFreesBegun++;
    sourceFreesRunning++;
    try {
      release(slot);
    } finally {
      sourceFreesRunning--;
    }
  }

  /** Frees memory slot {@code slot}, unless a handler put other memory there meanwhile. */
  private void release(int slot) {
    UserMemory m = memory[slot];
    if (m == null) {
      return;
    }
    Oracle.Allocation a = allocation[slot];
    memory[slot] = null;
    try {
      p.free(m);
    } catch (RuntimeException e) {
      if (memory[slot] == null) {
        memory[slot] = m; // refused (it holds an export): still ours
      }
      throw e;
    }
    a.freed = true;
    freed.add(m);
  }

  // ---- export and import ----

  private void export(Op op) {
    int slot = op.a() % SLOTS;
    UserMemory region = memory[EXPORTS];
    if (exports[slot] != null || region == null) {
      return;
    }
    int offset;
    int length;
    switch (op.b() % 5) {
      case 0, 1 -> { // page-aligned, one or two pages
        offset = (op.c() % 3 == 1) ? PAGE : 0;
        length = offset == 0 && op.c() % 3 == 0 ? 2 * PAGE : PAGE;
      }
      case 2 -> { // two buffers side by side on the first page
        offset = (slot % 2) * (PAGE / 2);
        length = PAGE / 2;
      }
      default -> { // word-aligned anywhere
        offset = 4 * (op.c() % (2 * PAGE / 4 - 1));
        length = 4 * (1 + (op.c() >>> 11) % Math.min(1024, (2 * PAGE - offset) / 4));
      }
    }
    ImportPolicy policy = policy(op.d());
    int kind = (op.d() >>> 8) % 7;
    ExportRecord record = oracle.exporting(me, slot, region.address().value() + offset, length,
        kind >= 3);
    NotificationHandler handler = kind >= 3 ? notification -> handle(record, kind) : null;
    try {
      exports[slot] = p.vmmc().export(region, offset, length, BufferId.of(slot + 1), policy,
          handler);
      exportOps[slot] = op;
      exportRecords[slot] = record;
    } catch (RuntimeException e) {
      oracle.closed(record);
      throw e;
    }
  }

  private void handle(ExportRecord record, int kind) {
    oracle.notified(record);
    try {
      switch (kind) {
        case 4 -> {
          p.compute(500);
          ExportedBuffer e = exports[record.buffer];
          if (e != null && exportRecords[record.buffer] == record) {
            p.vmmc().importers(e);
          }
        }
        case 5 -> {
          if (memory[PRIVATE] != null) {
            p.awaitChange(memory[PRIVATE], 0, 4, SimDuration.ofMicros(10 + record.length % 300));
          }
        }
        case 6 -> {
          // Pulls the message source from under whatever the main code is doing with it.
          if (memory[SOURCE] != null) {
            memoryPulled = true;
            pullSource();
          }
        }
        default -> { }
      }
    } catch (VmmcException e) {
      // The buffer went away meanwhile: documented.
    } catch (RuntimeException e) {
      oracle.report(Kind.UNCLEAR, "handler:" + e.getClass().getSimpleName(),
          me + "'s handler of " + record + " threw " + e);
    }
  }

  /**
   * The handler frees the message source and allocates a new one. The main code may free the
   * same memory meanwhile, or be inside such a free (the kernel takes the region out of the
   * process's table before it waits for the interface): then a free of it is refused naming
   * the address, and the fresh memory the handler fills may be gone under its stores. Those
   * are the documented answers to a race the program made; any other error is not.
   */
  private void pullSource() {
    int begun = sourceFreesBegun;
    boolean running = sourceFreesRunning > 0;
    try {
      release(SOURCE);
      allocate(SOURCE);
    } catch (IllegalArgumentException | IllegalStateException | PageFaultException e) {
      if (e.getMessage() == null || !(running || sourceFreesBegun != begun)) {
        throw e;
      }
    }
  }

  private ImportPolicy policy(int r) {
    return switch (r % 6) {
      case 0, 1, 2 -> ImportPolicy.anyone();
      case 3 -> {
        List<ProcessId> allowed = new ArrayList<>();
        for (int i = 0; i < everyone.size(); i++) {
          if ((r >>> (8 + i) & 1) != 0) {
            allowed.add(everyone.get(i));
          }
        }
        yield ImportPolicy.processes(allowed.toArray(new ProcessId[0]));
      }
      case 4 -> ImportPolicy.nodes(NodeId.of((r >>> 8) % (everyone.getLast().node().value() + 1)));
      default -> ImportPolicy.processes();
    };
  }

  private void unexport(int slot) {
    ExportedBuffer e = exports[slot];
    if (e == null) {
      return;
    }
    ExportRecord record = exportRecords[slot];
    record.raced = true;
    exports[slot] = null;
    exportRecords[slot] = null;
    staleExports.add(e);
    try {
      p.vmmc().unexport(e);
    } finally {
      oracle.closed(record);
    }
  }

  private void startImport(Op op) {
    int slot = op.a() % SLOTS;
    if (imports[slot] != null || pending[slot] != null) {
      return;
    }
    int target = op.b() % everyone.size();
    if (target == me.index) {
      target = (target + 1) % everyone.size();
    }
    ProcessId exporter = everyone.get(target);
    int buffer = op.c() % SLOTS;
    long since = oracle.stamp();
    if (op.d() % 2 == 1) {
      pendingSince[slot] = since;
      pendingBuffer[slot] = buffer;
      pendingExporter[slot] = exporter;
      pendingRecord[slot] = oracle.importRequested(me, exporter, buffer, since);
      pending[slot] = p.vmmc().importBufferAsync(exporter, BufferId.of(buffer + 1));
      return;
    }
    for (int attempt = 0; ; attempt++) {
      Oracle.RequestRecord request = oracle.importRequested(me, exporter, buffer, since);
      try {
        ImportedBuffer imported = p.vmmc().importBuffer(exporter, BufferId.of(buffer + 1));
        completed(slot, imported, exporter, buffer, since);
        return;
      } catch (VmmcException e) {
        if (e.reason() != VmmcException.Reason.NO_SUCH_EXPORT || attempt == 2) {
          throw e;
        }
        p.sleep(SimDuration.ofMicros(30));
      } finally {
        request.answered = true;
      }
    }
  }

  private void awaitImport(int slot) {
    ImportRequest request = pending[slot];
    if (request == null) {
      return;
    }
    pending[slot] = null;
    try {
      completed(slot, request.await(), pendingExporter[slot], pendingBuffer[slot],
          pendingSince[slot]);
    } finally {
      pendingRecord[slot].answered = true;
    }
  }

  private void completed(int slot, ImportedBuffer imported, ProcessId exporter, int buffer,
      long since) {
    ImportRecord record = oracle.imported(me, exporter, buffer, since);
    record.proxyGuess = proxyCursor;
    if (!record.candidates.isEmpty()) {
      // Where the kernel maps the proxy pages, as an attacker who knows its layout works out.
      ExportRecord e = record.candidates.getFirst();
      int first = (int) (e.start % PAGE);
      int pages = (first + e.length + PAGE - 1) / PAGE;
      record.proxyGuess = proxyCursor + first;
      proxyCursor += (long) pages * PAGE
          * (p.vmmc().design().has(NicFeature.ANY_SOURCE_PAGE) ? 1 : 2);
    }
    imports[slot] = imported;
    importRecords[slot] = record;
  }

  private void unimport(int slot) {
    ImportedBuffer i = imports[slot];
    if (i == null) {
      return;
    }
    ImportRecord record = importRecords[slot];
    record.raced = true;
    imports[slot] = null;
    importRecords[slot] = null;
    staleImports.add(i);
    staleImportRecords.add(record);
    try {
      p.vmmc().unimport(i);
    } finally {
      oracle.closed(record);
    }
  }

  // ---- sending ----

  private void send(Op op) {
    int slot = op.a() % SLOTS;
    ImportedBuffer dst = imports[slot];
    UserMemory src = memory[SOURCE];
    if (dst == null || src == null) {
      return;
    }
    int capacity = Math.min(dst.length() / 4, 1024);
    if (capacity == 0) {
      return;
    }
    int words = switch (op.b() % 3) {
      case 0 -> 1;
      case 1 -> 1 + (op.b() >>> 4) % Math.min(16, capacity);
      default -> 1 + (op.b() >>> 4) % capacity;
    };
    int destOffset = 4 * (op.c() % (dst.length() / 4 - words + 1));
    int srcOffset = 4 * (op.d() % (src.length() / 4 - words + 1));
    boolean notify = (op.d() >>> 20) % 3 == 0;
    Message m = oracle.message(me, Route.DIRECTED, importRecords[slot], destOffset, words,
        notify);
    if (m == null) {
      return;
    }
    m.from(allocation[SOURCE], src.address().value() + srcOffset);
    src.putBytes(srcOffset, Words.tags(me.index, m.number, words));
    if (notify) {
      p.vmmc().sendWithNotify(src, srcOffset, dst, destOffset, 4 * words);
    } else {
      p.vmmc().send(src, srcOffset, dst, destOffset, 4 * words);
    }
    m.complete = true;
  }

  private void bind(Op op) {
    int which = op.a() % 2;
    ImportedBuffer dst = imports[op.b() % SLOTS];
    UserMemory local = memory[BOUND];
    if (dst == null || local == null || (bindings[which] != null
        && bindings[which].binding().isBound())) {
      return;
    }
    boolean twoPages = op.c() % 3 == 0 && dst.length() >= 2 * PAGE;
    UserMemory region = twoPages ? local : local.slice(0, PAGE);
    int destOffset = !twoPages && dst.length() >= 2 * PAGE ? (op.c() % 2) * PAGE : 0;
    CombiningMode mode = switch (op.d() % 4) {
      case 0 -> CombiningMode.SINGLE_WRITE;
      case 1 -> CombiningMode.BLOCK_WRITE;
      default -> CombiningMode.TIMER_WRITE;
    };
    boolean notify = (op.d() >>> 4) % 4 == 0;
    ImportRecord via = importRecords[op.b() % SLOTS];
    if (notify) {
      for (ExportRecord e : via.candidates) {
        e.unaccountedNotifications = true;
      }
    }
    AutomaticUpdateBinding b = p.vmmc().bindAutomaticUpdate(region, dst, destOffset, mode,
        notify);
    bindings[which] = new Binding(b, via, new int[] {destOffset},
        oracle.bound(mode == CombiningMode.BLOCK_WRITE && !notify));
  }

  /** Binds the whole region to an import, stores a few words and unbinds, a few times over. */
  private void churn(Op op) {
    UserMemory local = memory[BOUND];
    int slot = op.a() % SLOTS;
    for (int round = 0; round < 1 + op.b() % 4; round++) {
      ImportedBuffer dst = imports[slot];
      if (local == null || dst == null || dst.length() < local.length()
          || bindings[0] != null && bindings[0].binding().isBound()
          || bindings[1] != null && bindings[1].binding().isBound()) {
        return;
      }
      ImportRecord via = importRecords[slot];
      AutomaticUpdateBinding b = p.vmmc().bindAutomaticUpdate(local, dst, 0,
          op.c() % 2 == 0 ? CombiningMode.TIMER_WRITE : CombiningMode.SINGLE_WRITE, false);
      Binding binding = new Binding(b, via, new int[] {0}, oracle.bound(false));
      bindings[round % 2] = binding;
      for (int k = 0; k < 2; k++) {
        // One store on each page, so that closing has two pages to release.
        binding.cursor()[0] = k * PAGE + 4 * ((op.d() + round) % 64);
        storeBound(new Op(Code.AU_STORE, round % 2, 3, 0, 0));
      }
      b.close();
      binding.record().unboundByStep = true;
    }
  }

  /**
   * Stores message words at the cursor of binding {@code a}. Where a store goes is decided by
   * the binding its page has when it is made, not by the handle the step picked: the pages of
   * an ended binding may be bound again by another, which then carries the stores. So the words
   * are split into runs of pages with one carrier each, one message per run.
   */
  private void storeBound(Op op) {
    Binding b = bindings[op.a() % 2];
    UserMemory local = memory[BOUND];
    if (b == null || local == null) {
      return;
    }
    int words = 1 + op.b() % 32;
    int cursor = b.cursor()[0];
    int localOffset = cursor - b.binding().destinationOffset();
    if (localOffset + 4 * words > b.binding().local().length()) {
      return;
    }
    b.cursor()[0] += 4 * words;
    long base = local.address().value();
    int first = 0;
    while (first < words) {
      long at = base + localOffset + 4L * first;
      Binding carrier = carrierOf(at);
      int run = 0;
      while (first + run < words && carrierOf(at + 4L * run) == carrier) {
        run++;
      }
      if (!storeRun(local, carrier, at - base, run, cursor + 4 * first)) {
        return;
      }
      first += run;
    }
  }

  /** The bound binding whose region holds {@code va}, or null when its page is not bound. */
  private Binding carrierOf(long va) {
    for (Binding c : bindings) {
      if (c != null && c.binding().isBound()) {
        long start = c.binding().local().address().value();
        if (va >= start && va < start + c.binding().local().length()) {
          return c;
        }
      }
    }
    return null;
  }

  /**
   * Stores {@code words} words of a new message at {@code offset} of {@code local}, carried by
   * {@code carrier} (to where it binds them) or, when null, local only; false when messages
   * have run out.
   */
  private boolean storeRun(UserMemory local, Binding carrier, long offset, int words,
      int unboundCursor) {
    Message m;
    if (carrier == null) {
      m = oracle.message(me, Route.LOCAL, null, unboundCursor, words, false);
    } else {
      int destOffset = carrier.binding().destinationOffset() + (int) (local.address().value()
          + offset - carrier.binding().local().address().value());
      m = oracle.message(me, Route.DIRECTED, carrier.via(), destOffset, words, false);
    }
    if (m == null) {
      return false;
    }
    m.automatic = true;
    if (carrier != null) {
      oracle.carried(m, carrier.record());
    }
    byte[] tags = Words.tags(me.index, m.number, words);
    for (int i = 0; i < words; i++) {
      local.putInt((int) offset + 4 * i, Words.getInt(tags, 4 * i));
    }
    m.complete = carrier != null && carrier.binding().isBound();
    return true;
  }

  // ---- misuse ----

  private void rawPair(Op op) {
    UserMemory src = memory[SOURCE];
    if (src == null) {
      return;
    }
    int words = 1 + op.c() % 64;
    Message m = oracle.message(me, Route.RAW, null, 0, words, false);
    if (m == null) {
      return;
    }
    int srcOffset = 4 * (op.d() % (PAGE / 4 - words));
    m.from(allocation[SOURCE], src.address().value() + srcOffset);
    src.putBytes(srcOffset, Words.tags(me.index, m.number, words));
    VirtualAddress destination = rawDestination(op);
    p.storeWord(destination, 4 * words);
    if (op.d() % 3 == 0) {
      p.compute(op.d() % 400); // a context switch may fall here
    }
    p.loadWord(VirtualAddress.of(src.address().value() + srcOffset + VirtualLayout.ALIAS_OFFSET));
    if (op.c() % 4 == 0) {
      // Frees the source under the transfer just started (nothing waits for it to finish).
      free(SOURCE);
      allocate(SOURCE);
    }
  }

  /** A revoked import's proxy, a live one's just past the buffer's end, or a guess. */
  private VirtualAddress rawDestination(Op op) {
    switch (op.a() % 3) {
      case 0 -> {
        if (!staleImportRecords.isEmpty()) {
          ImportRecord r = staleImportRecords.get(op.b() % staleImportRecords.size());
          return VirtualAddress.of(r.proxyGuess + 4 * (op.b() >>> 8) % 64);
        }
      }
      case 1 -> {
        int slot = op.b() % SLOTS;
        if (imports[slot] != null) {
          long end = importRecords[slot].proxyGuess + imports[slot].length();
          return VirtualAddress.of(end + 4 * ((op.b() >>> 8) % 64));
        }
      }
      default -> { }
    }
    return guess(op.b(), op.d());
  }

  /** A guessed address: mostly proxy pages, sometimes aliases or other user memory. */
  private VirtualAddress guess(int r, int s) {
    long word = 4L * (s % 1024);
    return switch (r % 4) {
      case 0, 1 -> VirtualAddress.of(VirtualLayout.PROXY_BASE + (long) (r >>> 4) % 24 * PAGE
          + word);
      case 2 -> VirtualAddress.of(VirtualLayout.USER_BASE + VirtualLayout.ALIAS_OFFSET
          + (long) (r >>> 4) % 64 * PAGE + word);
      // User memory far above what the process allocates (its own is checked for canaries).
      default -> VirtualAddress.of(VirtualLayout.USER_BASE + 0x0800_0000L
          + (long) (r >>> 4) % 64 * PAGE + word);
    };
  }

  private int rawWord() {
    Message m = oracle.message(me, Route.RAW, null, 0, 1, false);
    return m == null ? Words.canary(me.index, 0) : Words.tag(me.index, m.number, 0);
  }

  private void sendOutOfBounds(Op op) {
    int slot = op.a() % SLOTS;
    ImportedBuffer dst = imports[slot];
    UserMemory src = memory[SOURCE];
    if (dst == null || src == null) {
      return;
    }
    int words = 1 + op.b() % 16;
    int destOffset = switch (op.c() % 3) {
      case 0 -> dst.length() - 4 * (op.c() >>> 4) % (4 * words);
      case 1 -> -4 * (1 + (op.c() >>> 4) % 4);
      default -> dst.length() + 4 * ((op.c() >>> 4) % 256);
    };
    if ((long) destOffset + 4L * words <= dst.length() && destOffset >= 0) {
      destOffset = dst.length();
    }
    Message m = oracle.message(me, Route.RAW, null, 0, words, false);
    if (m == null) {
      return;
    }
    src.putBytes(0, Words.tags(me.index, m.number, words));
    p.vmmc().send(src, 0, dst, destOffset, 4 * words);
    oracle.report(Kind.UNCLEAR, "out-of-bounds-send-accepted", me + " sent " + 4 * words
        + " bytes at offset " + destOffset + " of a " + dst.length() + "-byte buffer unrefused");
  }

  private void staleCall(Op op) {
    switch (op.a() % 3) {
      case 0 -> {
        if (!staleExports.isEmpty()) {
          p.vmmc().unexport(staleExports.get(op.b() % staleExports.size()));
        }
      }
      case 1 -> {
        if (!staleImports.isEmpty()) {
          p.vmmc().unimport(staleImports.get(op.b() % staleImports.size()));
        }
      }
      default -> {
        UserMemory src = memory[SOURCE];
        if (!staleImports.isEmpty() && src != null) {
          ImportedBuffer dst = staleImports.get(op.b() % staleImports.size());
          Message m = oracle.message(me, Route.RAW, null, 0, 1, false);
          if (m != null) {
            src.putBytes(0, Words.tags(me.index, m.number, 1));
            p.vmmc().send(src, 0, dst, 0, 4);
          }
        }
      }
    }
  }

  private void freeMisuse(Op op) {
    switch (op.a() % 3) {
      case 0 -> {
        if (memory[EXPORTS] != null && anyExport()) {
          UserMemory m = memory[EXPORTS];
          p.free(m); // refused while it holds an export
          allocation[EXPORTS].freed = true;
          memory[EXPORTS] = null;
          freed.add(m);
        }
      }
      case 1 -> {
        if (!freed.isEmpty()) {
          freed.get(op.b() % freed.size()).putInt(0, rawWord());
        }
      }
      default -> {
        if (!freed.isEmpty()) {
          p.free(freed.get(op.b() % freed.size()));
        }
      }
    }
  }

  /** Calls with values outside the documented ranges: each must be refused, naming the value. */
  private void badArgument(Op op) {
    UserMemory m = memory[SOURCE];
    if (m == null) {
      return;
    }
    switch (op.a() % 7) {
      case 0 -> m.putInt(Integer.MAX_VALUE - 3, rawWord());
      case 6 -> {
        // More than the node's memory: refused with OUT_OF_MEMORY, taking nothing for good.
        p.allocate(512 << 20);
      }
      case 1 -> m.getBytes(m.length() - 4, 8 + 4 * (op.b() % 4));
      case 2 -> m.putBytes(-4 * (1 + op.b() % 4), new byte[8]);
      // Durations that no clock can reach: they overflow simulated time.
      case 3 -> p.compute(Long.MAX_VALUE);
      case 4 -> p.sleep(SimDuration.ofPicos(Long.MAX_VALUE));
      default -> {
        ImportedBuffer dst = imports[op.b() % SLOTS];
        if (dst == null) {
          return;
        }
        p.vmmc().send(m, m.length() - 4, dst, 0, 8);
      }
    }
    oracle.report(Kind.UNCLEAR, "bad-argument-accepted", me + " " + op
        + ": a call with an argument outside its range returned normally");
  }

  private boolean anyExport() {
    for (ExportedBuffer e : exports) {
      if (e != null) {
        return true;
      }
    }
    return false;
  }
}
