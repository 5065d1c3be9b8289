package org.vmmc.bench.soak;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vmmc.bench.soak.Finding.Kind;
import org.vmmc.core.NodeId;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.ProcessId;
import org.vmmc.core.VirtualAddress;
import org.vmmc.userlib.Inspector;

/**
 * Watches a randomised run and judges it. Every process's memory starts filled with its canary
 * and every message word carries its sender, message and index ({@link Words}), so whatever
 * lands in memory says who put it there. On every write to physical memory the oracle checks
 * that each word lands where its writer may write at that moment: its own memory, or the
 * buffer its message was sent to, exported to it and not yet torn down (until the
 * unexport, unimport, free or exit has returned). Fresh allocations must read zero. When the
 * run is over it checks delivery: every word of a message that no teardown raced arrived
 * exactly once and in order, notifications likewise, and what a teardown kept from arriving
 * was reported dropped.
 *
 * <p>It records what the process bodies tell it in the order the simulation runs them (one
 * thread at a time), which is the order the machine saw them in.
 */
final class Oracle {
  /** The drop report lines the interfaces write: "... dropped N bytes ...". */
  private static final Pattern DROPPED = Pattern.compile("dropped (\\d+) bytes");
  /** The report line of a notification dropped at exit: "... for buffer N of process A.B ...". */
  private static final Pattern NOTIFICATION_DROPPED =
      Pattern.compile("dropped a notification for buffer (\\d+) of (process \\d+\\.\\d+) ");
  private static final int PAGE = 4096;

  private final Inspector inspection;
  private final int reservedFrames;
  private final List<Proc> procs = new ArrayList<>();
  private final Map<ProcessId, Proc> byId = new HashMap<>();
  private final Map<Long, Allocation> frames = new HashMap<>();
  private final Map<String, Finding> findings = new LinkedHashMap<>();
  private final Map<String, Integer> occurrences = new HashMap<>();
  private long serial;
  private int active;

  Oracle(Inspector inspection, int reservedFrames) {
    this.inspection = inspection;
    this.reservedFrames = reservedFrames;
  }

  // ---- what the bodies tell it ----

  /** A process of the run, numbered in spawn order. */
  final class Proc {
    final int index;
    final ProcessId id;
    final List<Message> messages = new ArrayList<>();
    final List<ExportRecord> exports = new ArrayList<>();
    final List<ImportRecord> imports = new ArrayList<>();
    /** Import requests the process made, answered or not. */
    final List<RequestRecord> requests = new ArrayList<>();
    /** The last deliberate-update message of this process that landed in each buffer. */
    final Map<ExportRecord, Integer> lastLanded = new HashMap<>();
    boolean exitedEarly;
    /** The process sends while the others exit: what it sends now may meet their teardown. */
    boolean lastGasp;
    private boolean gone;

    Proc(int index, ProcessId id) {
      this.index = index;
      this.id = id;
    }

    boolean gone() {
      if (!gone) {
        gone = inspection.hasExited(id); // once exited, always exited
      }
      return gone;
    }

    @Override
    public String toString() {
      return "P" + index + " (" + id + ")";
    }
  }

  /** A region of user memory a process allocated, and the frames behind its pages. */
  final class Allocation {
    final Proc owner;
    final long base;
    final int pages;
    boolean freed;

    Allocation(Proc owner, long base, int pages) {
      this.owner = owner;
      this.base = base;
      this.pages = pages;
    }

    boolean live() {
      return !freed && !owner.gone();
    }
  }

  /** A buffer a process exported (or tried to): its range and whether it is torn down. */
  final class ExportRecord {
    final Proc owner;
    final int buffer;
    final long start;
    final int length;
    final long opened;
    final boolean handler;
    /** A teardown of the buffer was started by a step (not by the final exit). */
    boolean raced;
    /** The unexport has returned (or the export was refused). */
    boolean closed;
    long closedAt = Long.MAX_VALUE;
    int notifications;
    int expectedNotifications;
    boolean unaccountedNotifications;

    ExportRecord(Proc owner, int buffer, long start, int length, boolean handler) {
      this.owner = owner;
      this.buffer = buffer;
      this.start = start;
      this.length = length;
      this.handler = handler;
      this.opened = ++serial;
    }

    boolean contains(long va) {
      return va >= start && va < start + length;
    }

    /** True when {@code va} is on one of the pages the buffer touches. */
    boolean touchesPageOf(long va) {
      return va / PAGE >= start / PAGE && va / PAGE <= (start + length - 1) / PAGE;
    }

    boolean open() {
      return !closed && !owner.gone();
    }

    @Override
    public String toString() {
      return "buffer " + buffer + " of " + owner + " (" + length + " bytes at 0x"
          + Long.toHexString(start) + ")";
    }
  }

  /**
   * An import request a process made: the kernel maps an accepted import when the answer
   * arrives, before the process takes it, so raw references may use it from then on.
   */
  static final class RequestRecord {
    final Proc exporter;
    final int buffer;
    final long startedAt;
    /** The process has taken the answer (the import, or its refusal). */
    boolean answered;

    RequestRecord(Proc exporter, int buffer, long startedAt) {
      this.exporter = exporter;
      this.buffer = buffer;
      this.startedAt = startedAt;
    }
  }

  /** A raw write that landed while an import request of its writer was unanswered. */
  private record RawWrite(Proc sender, Proc owner, long va, long stamp, String detail) {}

  /** Raw writes judged in {@link #finish}, once every import request has been answered. */
  private final List<RawWrite> undecided = new ArrayList<>();

  /** An import a process completed, and the exports it may be of. */
  final class ImportRecord {
    final Proc importer;
    final List<ExportRecord> candidates;
    /** When the request began and when the unimport returned (stamps). */
    long startedAt;
    long closedAt = Long.MAX_VALUE;
    /** Where the importer believes the proxy of the buffer's first byte is. */
    long proxyGuess;
    boolean raced;
    boolean closed;

    ImportRecord(Proc importer, List<ExportRecord> candidates) {
      this.importer = importer;
      this.candidates = candidates;
    }

    boolean open() {
      return !closed && !importer.gone();
    }
  }

  /**
   * An automatic-update binding, as far as the judgement of delivery needs it. Under
   * {@code BLOCK_WRITE} without notifications the interface keeps a burst's last packet open
   * until something closes it (a store elsewhere, a page crossing, a deliberate update, the end
   * of the binding: {@code CombiningMode.BLOCK_WRITE}); if no step ends the binding, the
   * teardown at the end of the run may be what closes it, and it may find the receiver's
   * buffer withdrawn already.
   */
  static final class BindingRecord {
    /** The interface may hold the binding's last packet until the binding ends. */
    final boolean holdsLastPacket;
    /** A step unbound it (the unbind sent what the interface held), not a teardown. */
    boolean unboundByStep;
    /** The last message the binding carried. */
    Message last;

    BindingRecord(boolean holdsLastPacket) {
      this.holdsLastPacket = holdsLastPacket;
    }
  }

  /** How a message's words may travel. */
  enum Route {
    /** A deliberate update or automatic-update stores: to one place of one buffer. */
    DIRECTED,
    /** A misuse: to anywhere the sender has been granted. */
    RAW,
    /** Stores to an unbound region: nowhere but the sender's own memory. */
    LOCAL
  }

  /** A message: its words, where they must land, and how often each did. */
  final class Message {
    final Proc sender;
    final int number;
    final Route route;
    final ImportRecord via;
    final int destinationOffset;
    final int[] landed;
    final boolean notify;
    /** Sent in a last burst while the others exit. */
    final boolean lastGasp;
    /** Carried by automatic update rather than a deliberate update. */
    boolean automatic;
    /** The automatic-update binding that carried it, or null. */
    BindingRecord carriedBy;
    /** The send returned normally (all words left), or every store was made while bound. */
    boolean complete;
    boolean duplicateReported;
    /** The sender's memory the words were written to before the transfer, or null. */
    Allocation source;
    /** The sender's virtual address of word 0 in {@link #source}. */
    long sourceStart;

    Message(Proc sender, int number, Route route, ImportRecord via, int destinationOffset,
        int words, boolean notify) {
      this.sender = sender;
      this.number = number;
      this.route = route;
      this.via = via;
      this.destinationOffset = destinationOffset;
      this.landed = new int[words];
      this.notify = notify;
      this.lastGasp = sender.lastGasp;
    }

    /** The words are written at {@code start} of {@code allocation}, then transferred. */
    void from(Allocation allocation, long start) {
      source = allocation;
      sourceStart = start;
    }

    /** True when a step tore down the path before the message could be known to arrive. */
    boolean raced() {
      if (via == null || via.raced || sender.exitedEarly || lastGasp) {
        return true;
      }
      for (ExportRecord e : via.candidates) {
        if (e.raced) {
          return true;
        }
      }
      return false;
    }

    @Override
    public String toString() {
      return "message " + number + " of " + sender + " (" + landed.length + " words"
          + (via == null ? "" : " to offset " + destinationOffset + " of "
          + via.candidates.getFirst()) + ")";
    }
  }

  /** Registers the process {@code id}, the next in spawn order. */
  Proc process(ProcessId id) {
    Proc p = new Proc(procs.size(), id);
    procs.add(p);
    byId.put(id, p);
    active++;
    return p;
  }

  /** The processes, in spawn order. */
  List<Proc> processes() {
    return procs;
  }

  /** A process finished its steps (or exited early). */
  void finishedSteps() {
    active--;
  }

  /** Processes still running their steps. */
  int active() {
    return active;
  }

  /**
   * {@code owner} was just given {@code pages} pages at {@code base}: checks that they read
   * zero and records their frames.
   */
  Allocation allocated(Proc owner, long base, int pages) {
    Allocation a = new Allocation(owner, base, pages);
    for (int i = 0; i < pages; i++) {
      long va = base + (long) i * PAGE;
      Optional<PhysicalAddress> pa = inspection.physicalAddress(owner.id, VirtualAddress.of(va));
      if (pa.isEmpty()) {
        escape("allocation-unmapped", owner + "'s fresh page at 0x" + Long.toHexString(va)
            + " is not mapped to memory");
        continue;
      }
      byte[] bytes = inspection.readPhysical(owner.id.node(), pa.get(), PAGE);
      for (int off = 0; off < PAGE; off += 4) {
        int w = Words.getInt(bytes, off);
        if (w != 0) {
          escape("stale-data", owner + "'s fresh page at 0x" + Long.toHexString(va)
              + " holds " + Words.describe(w) + " at offset " + off
              + ": an earlier owner's data");
          break;
        }
      }
      frames.put(key(owner.id.node(), pa.get().value() / PAGE), a);
    }
    return a;
  }

  /** Starts an export record before the call, so that nothing can land before it is known. */
  ExportRecord exporting(Proc owner, int buffer, long start, int length, boolean handler) {
    ExportRecord e = new ExportRecord(owner, buffer, start, length, handler);
    owner.exports.add(e);
    return e;
  }

  /** The export (or the unexport) of {@code e} ended: it is gone. */
  void closed(ExportRecord e) {
    if (!e.closed) {
      e.closed = true;
      e.closedAt = ++serial;
    }
  }

  /** A stamp of now, in the order of the oracle's records. */
  long stamp() {
    return ++serial;
  }

  /**
   * {@code importer} completed an import of buffer {@code buffer} of {@code exporter} that it
   * started at {@code startedAt}: it may be any export of that id alive in between.
   */
  ImportRecord imported(Proc importer, ProcessId exporter, int buffer, long startedAt) {
    long now = ++serial;
    List<ExportRecord> candidates = new ArrayList<>();
    Proc owner = byId.get(exporter);
    if (owner != null) {
      for (ExportRecord e : owner.exports) {
        if (e.buffer == buffer && e.opened < now && e.closedAt > startedAt) {
          candidates.add(e);
        }
      }
    }
    if (candidates.isEmpty()) {
      escape("import-of-nothing", importer + " imported buffer " + buffer + " of " + exporter
          + ", which exported no such buffer meanwhile");
    }
    ImportRecord i = new ImportRecord(importer, candidates);
    i.startedAt = startedAt;
    importer.imports.add(i);
    return i;
  }

  /** {@code importer} asks to import buffer {@code buffer} of {@code exporter}, now. */
  RequestRecord importRequested(Proc importer, ProcessId exporter, int buffer, long startedAt) {
    RequestRecord r = new RequestRecord(byId.get(exporter), buffer, startedAt);
    importer.requests.add(r);
    return r;
  }

  /** The unimport of {@code i} returned. */
  void closed(ImportRecord i) {
    if (!i.closed) {
      i.closed = true;
      i.closedAt = ++serial;
    }
  }

  /** A new message of {@code sender}, or null when the sender has numbered all it can. */
  Message message(Proc sender, Route route, ImportRecord via, int destinationOffset, int words,
      boolean notify) {
    if (sender.messages.size() >= Words.MAX_MESSAGES) {
      return null;
    }
    Message m = new Message(sender, sender.messages.size(), route, via, destinationOffset,
        words, notify);
    sender.messages.add(m);
    return m;
  }

  /** A new automatic-update binding; {@code holdsLastPacket} as {@link BindingRecord} says. */
  BindingRecord bound(boolean holdsLastPacket) {
    return new BindingRecord(holdsLastPacket);
  }

  /** {@code binding} carries the stores of {@code m}, the latest it carries. */
  void carried(Message m, BindingRecord binding) {
    m.carriedBy = binding;
    binding.last = m;
  }

  /** The handler of {@code e} ran once. */
  void notified(ExportRecord e) {
    e.notifications++;
  }

  /** Checks that {@code owner}'s private memory at {@code base} still holds its canaries. */
  void checkPrivate(Proc owner, long base, int bytes) {
    for (int off = 0; off < bytes; off += PAGE) {
      long va = base + off;
      Optional<PhysicalAddress> pa = inspection.physicalAddress(owner.id, VirtualAddress.of(va));
      if (pa.isEmpty()) {
        continue;
      }
      byte[] page = inspection.readPhysical(owner.id.node(), pa.get(), PAGE);
      for (int i = 0; i < PAGE; i += 4) {
        int w = Words.getInt(page, i);
        if (!Words.isCanaryOf(w, owner.index, va + i)) {
          escape("private-changed", owner + "'s private memory at 0x"
              + Long.toHexString(va + i) + " holds " + Words.describe(w)
              + " instead of its canary");
          return;
        }
      }
    }
  }

  /** Records a finding of {@code kind} by {@code rule}, described by {@code detail}. */
  void report(Kind kind, String rule, String detail) {
    if (first(kind, rule)) {
      record(kind, rule, detail);
    }
  }

  /** Counts one firing of {@code rule}; true when it is the first, whose detail is kept. */
  private boolean first(Kind kind, String rule) {
    String k = kind + "/" + rule;
    return occurrences.merge(k, 1, Integer::sum) == 1;
  }

  private void record(Kind kind, String rule, String detail) {
    findings.putIfAbsent(kind + "/" + rule, new Finding(kind, rule, detail));
  }

  private void escape(String rule, String detail) {
    report(Kind.ESCAPE, rule, detail);
  }

  // ---- every write to memory ----

  /** Judges the write of {@code length} bytes at {@code address} of {@code node}'s memory. */
  void written(NodeId node, PhysicalAddress address, int length) {
    long from = address.value() & ~3L;
    long to = (address.value() + length + 3) & ~3L;
    byte[] bytes = null;
    for (long frameStart = from; frameStart < to; ) {
      long frame = frameStart / PAGE;
      long frameEnd = Math.min(to, (frame + 1) * PAGE);
      if (frame >= reservedFrames) { // kernel memory (staging pages, kernel buffers) is not judged
        if (bytes == null) {
          bytes = inspection.readPhysical(node, PhysicalAddress.of(from), (int) (to - from));
        }
        boolean looked = false;
        Proc owner = null;
        long vaBase = -1;
        for (long at = frameStart; at < frameEnd; at += 4) {
          int w = Words.getInt(bytes, (int) (at - from));
          if (w != 0) {
            if (!looked) {
              looked = true;
              Allocation a = frames.get(key(node, frame));
              owner = a != null && a.live() ? a.owner : null;
              vaBase = a == null ? -1 : a.base + locate(a, frame);
            }
            judge(node, at, w, owner, vaBase < 0 ? -1 : vaBase + at % PAGE);
          }
        }
      }
      frameStart = frameEnd;
    }
  }

  private void judge(NodeId node, long pa, int w, Proc owner, long va) {
    if (Words.isCanary(w)) {
      judgeCanary(node, pa, w, owner, va);
      return;
    }
    Message m = message(w);
    if (m == null) {
      if (first(Kind.ESCAPE, "foreign-word")) {
        record(Kind.ESCAPE, "foreign-word", Words.describe(w) + " landed at "
            + where(node, pa) + ", but no process wrote such a word");
      }
      return;
    }
    Proc sender = m.sender;
    int index = Words.index(w);
    if (owner == sender) {
      return; // a process's own stores to its own memory
    }
    if (owner == null) {
      if (first(Kind.ESCAPE, "free-frame")) {
        record(Kind.ESCAPE, "free-frame", Words.describe(w) + " landed at " + where(node, pa)
            + ", which no process owns (" + m + ")");
      }
      return;
    }
    if (m.route == Route.LOCAL) {
      if (first(Kind.ESCAPE, "store-after-unbind")) {
        record(Kind.ESCAPE, "store-after-unbind", Words.describe(w) + ", stored after its "
            + "binding ended, landed in " + owner + "'s memory at " + hex(va));
      }
      return;
    }
    if (m.route == Route.RAW) {
      m.landed[index]++; // a raw transfer carries each word it reads once
      judgeRaw(w, sender, owner, va);
      return;
    }
    if (!atItsPlace(m, index, owner, va) && carriedByRaw(m, index)) {
      // A raw transfer (a store-load pair nothing waits for) reads its source when the engine
      // gets to it: a word the sender wrote there meanwhile travels with the raw transfer, to
      // wherever that goes, and is judged as a raw reference.
      judgeRaw(w, sender, owner, va);
      return;
    }
    ExportRecord live = null;
    ExportRecord dead = null;
    for (ExportRecord e : owner.exports) {
      if (e.contains(va)) {
        if (e.open()) {
          live = e;
        } else if (dead == null || m.via.candidates.contains(e)) {
          dead = e; // the message's own buffer, if it is among them, tells how late the word is
        }
      }
    }
    if (live == null) {
      judgeOutside(m, index, w, owner, va, dead);
      return;
    }
    boolean granted = window(sender, live) != null;
    if (!m.via.candidates.contains(live)) {
      m.landed[index]++; // it arrived, in the wrong buffer: an escape, not a loss
      String rule = m.via.candidates.stream().noneMatch(ExportRecord::open)
          ? "late-into-reexport" : "misdirected";
      if (first(Kind.ESCAPE, rule)) {
        record(Kind.ESCAPE, rule, Words.describe(w) + " for " + m.via.candidates.getFirst()
            + " landed in " + live + (granted ? "" : ", which " + sender
            + " has not imported"));
      }
      return;
    }
    String late = m.via.closed ? "late-after-unimport" : sender.gone() ? "late-after-exit"
        : null;
    if (late != null) {
      m.landed[index]++; // it arrived, too late: an escape, not a loss
      if (first(Kind.ESCAPE, late)) {
        record(Kind.ESCAPE, late, Words.describe(w) + " landed in " + live + " after "
            + sender + (m.via.closed ? "'s unimport returned" : " exited"));
      }
      return;
    }
    long expected = live.start + m.destinationOffset + 4L * index;
    if (va != expected) {
      if (first(Kind.ESCAPE, "wrong-offset")) {
        record(Kind.ESCAPE, "wrong-offset", Words.describe(w) + " landed at " + hex(va)
            + " of " + live + ", not at " + hex(expected));
      }
      return;
    }
    delivered(m, index, w, live);
  }

  /** Judges a raw reference of {@code sender}: the interface checks pages, not buffers. */
  private void judgeRaw(int w, Proc sender, Proc owner, long va) {
    // An import grants the whole pages it touches.
    if (!granted(sender, owner, va)) {
      String detail = Words.describe(w) + " (a raw reference) landed in " + owner
          + "'s memory at " + hex(va) + ", on no page of a buffer " + sender
          + " has imported";
      if (sender.requests.stream().anyMatch(r -> !r.answered && r.exporter == owner)) {
        undecided.add(new RawWrite(sender, owner, va, ++serial, detail));
      } else {
        escape("raw-outside-grant", detail);
      }
    }
  }

  /** True when word {@code index} of {@code m} landed at {@code va} of {@code owner} as sent. */
  private static boolean atItsPlace(Message m, int index, Proc owner, long va) {
    for (ExportRecord e : m.via.candidates) {
      if (e.owner == owner && va == e.start + m.destinationOffset + 4L * index) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when an earlier raw transfer of the sender had yet to carry the word of its source
   * where word {@code index} of {@code m} was written, in the same allocation: it carries it,
   * and the oracle counts it as that transfer's word.
   */
  private static boolean carriedByRaw(Message m, int index) {
    if (m.source == null) {
      return false;
    }
    long at = m.sourceStart + 4L * index;
    for (int n = m.number - 1; n >= 0; n--) {
      Message t = m.sender.messages.get(n);
      if (t.route != Route.RAW || t.source != m.source || at < t.sourceStart
          || at >= t.sourceStart + 4L * t.landed.length) {
        continue;
      }
      int word = (int) ((at - t.sourceStart) / 4);
      if (t.landed[word] == 0) {
        t.landed[word]++;
        return true;
      }
    }
    return false;
  }

  private void judgeCanary(NodeId node, long pa, int w, Proc owner, long va) {
    int writer = Words.process(w);
    String rule;
    if (owner == null) {
      rule = "canary-in-free-frame";
    } else if (writer >= procs.size()
        || writer != owner.index && !granted(procs.get(writer), owner, va)) {
      rule = "canary-leak";
    } else if (writer == owner.index && !Words.isCanaryOf(w, owner.index, va)) {
      rule = "canary-moved";
    } else {
      return;
    }
    if (first(Kind.ESCAPE, rule)) {
      record(Kind.ESCAPE, rule, Words.describe(w) + " landed at " + where(node, pa)
          + (owner == null ? ", which no process owns" : ", memory of " + owner + " at "
          + hex(va)));
    }
  }

  private void judgeOutside(Message m, int index, int w, Proc owner, long va,
      ExportRecord dead) {
    String rule;
    if (dead != null && m.via.candidates.contains(dead)) {
      m.landed[index]++; // it arrived, too late: an escape, not a loss
      rule = "late-after-unexport";
    } else {
      rule = "outside-grant";
    }
    if (first(Kind.ESCAPE, rule)) {
      record(Kind.ESCAPE, rule, Words.describe(w) + " landed in " + owner + "'s memory at "
          + hex(va) + (rule.equals("late-after-unexport") ? " after " + dead
          + " was unexported" : ", in no buffer exported to " + m.sender));
    }
  }

  private void delivered(Message m, int index, int w, ExportRecord live) {
    if (!m.automatic) {
      int last = m.sender.lastLanded.getOrDefault(live, -1);
      if (m.number < last) {
        report(Kind.LOSS, "out-of-order", Words.describe(w) + " landed in " + live
            + " after a word of the later message " + last);
      } else {
        m.sender.lastLanded.put(live, m.number);
      }
    }
    if (++m.landed[index] > 1 && !m.duplicateReported) {
      m.duplicateReported = true;
      report(Kind.DUPLICATE, "word-twice", Words.describe(w) + " landed " + m.landed[index]
          + " times in " + live);
    }
  }

  /** The message a tag names, or null when no such word was written. */
  private Message message(int w) {
    if (!Words.isTag(w) || Words.process(w) >= procs.size()) {
      return null;
    }
    Proc sender = procs.get(Words.process(w));
    int number = Words.message(w);
    Message m = number < sender.messages.size() ? sender.messages.get(number) : null;
    return m != null && Words.index(w) < m.landed.length ? m : null;
  }

  /** An open import of {@code sender} that may be of {@code e}, or null. */
  private ImportRecord window(Proc sender, ExportRecord e) {
    for (ImportRecord i : sender.imports) {
      if (i.candidates.contains(e) && i.open()) {
        return i;
      }
    }
    return null;
  }

  /**
   * True when {@code writer} may write {@code va} of {@code owner} by raw references: {@code va}
   * is on a page that a buffer it has imported touches (the interface protects whole pages).
   */
  private boolean granted(Proc writer, Proc owner, long va) {
    for (ExportRecord e : owner.exports) {
      if (e.touchesPageOf(va) && e.open() && window(writer, e) != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when the raw write {@code r} fell on a page of a buffer that an import its writer had
   * requested by then was of: one it took later, or one whose answer it never took.
   */
  private boolean grantedThen(RawWrite r) {
    for (ImportRecord i : r.sender().imports) {
      if (i.startedAt < r.stamp() && r.stamp() < i.closedAt) {
        for (ExportRecord e : i.candidates) {
          if (e.owner == r.owner() && e.touchesPageOf(r.va()) && e.opened < r.stamp()
              && r.stamp() < e.closedAt) {
            return true;
          }
        }
      }
    }
    for (RequestRecord q : r.sender().requests) {
      if (!q.answered && q.exporter == r.owner() && q.startedAt < r.stamp()) {
        for (ExportRecord e : r.owner().exports) {
          if (e.buffer == q.buffer && e.touchesPageOf(r.va()) && e.opened < r.stamp()
              && r.stamp() < e.closedAt) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private long locate(Allocation a, long frame) {
    for (int i = 0; i < a.pages; i++) {
      Optional<PhysicalAddress> pa = inspection.physicalAddress(a.owner.id,
          VirtualAddress.of(a.base + (long) i * PAGE));
      if (pa.isPresent() && pa.get().value() / PAGE == frame) {
        return (long) i * PAGE;
      }
    }
    // Unmapped already (being freed): the page index is lost, the base is close enough.
    return 0;
  }

  private static String hex(long va) {
    return "0x" + Long.toHexString(va);
  }

  private static String where(NodeId node, long pa) {
    return "node " + node.value() + " frame " + pa / PAGE + " offset " + pa % PAGE;
  }

  private static long key(NodeId node, long frame) {
    return (long) node.value() << 40 | frame;
  }

  // ---- the end of the run ----

  /** Delivery checks after a run of {@code nodes} nodes that ended normally. */
  void finish(int nodes) {
    for (RawWrite r : undecided) {
      if (!grantedThen(r)) {
        escape("raw-outside-grant", r.detail());
      }
    }
    for (int n = 0; n < nodes; n++) {
      int kept = inspection.framesInUse(NodeId.of(n));
      if (kept != 0) {
        report(Kind.ESCAPE, "frames-kept-after-exit", "node " + n + " still has " + kept
            + " frames of user memory in use after every process exited");
      }
    }
    long mayBeDropped = 0;
    for (Proc p : procs) {
      for (Message m : p.messages) {
        if (m.route != Route.DIRECTED) {
          continue;
        }
        int missing = 0;
        for (int n : m.landed) {
          if (n == 0) {
            missing++;
          }
        }
        boolean raced = m.raced() || heldForTeardown(m);
        if (m.complete && missing > 0) {
          if (raced) {
            mayBeDropped += 4L * missing;
          } else {
            report(Kind.LOSS, "never-arrived", missing + " of the " + m.landed.length
                + " words of " + m + " never arrived, and no teardown raced it");
          }
        }
        if (m.complete && m.notify && m.via.candidates.size() == 1) {
          ExportRecord e = m.via.candidates.getFirst();
          if (raced) {
            e.unaccountedNotifications = true;
          } else {
            e.expectedNotifications++;
          }
        } else if (m.notify) {
          for (ExportRecord e : m.via.candidates) {
            e.unaccountedNotifications = true;
          }
        }
      }
    }
    long reported = 0;
    Map<String, Integer> notificationsDropped = new HashMap<>();
    for (int n = 0; n < nodes; n++) {
      for (String line : inspection.dropReports(NodeId.of(n))) {
        Matcher matcher = DROPPED.matcher(line);
        if (matcher.find()) {
          reported += Long.parseLong(matcher.group(1));
        }
        Matcher notification = NOTIFICATION_DROPPED.matcher(line);
        if (notification.find()) {
          notificationsDropped.merge(notification.group(2) + "/" + notification.group(1), 1,
              Integer::sum);
        }
      }
    }
    if (mayBeDropped > reported) {
      report(Kind.LOSS, "unreported-drop", mayBeDropped + " bytes of messages sent before a "
          + "teardown never arrived, but the interfaces reported only " + reported
          + " bytes dropped");
    }
    for (Proc p : procs) {
      for (ExportRecord e : p.exports) {
        if (!e.handler || e.unaccountedNotifications || e.raced) {
          continue;
        }
        // Exit drops, counts and reports the notifications still queued for the buffers it
        // withdraws: a slow handler may leave some behind when its process exits.
        int droppedAtExit = e.closed ? 0
            : notificationsDropped.getOrDefault(p.id + "/" + (e.buffer + 1), 0);
        if (e.notifications + droppedAtExit < e.expectedNotifications) {
          report(Kind.LOSS, "notification-lost", e + " got " + e.notifications + " of "
              + e.expectedNotifications + " notifications"
              + (droppedAtExit == 0 ? "" : ", and " + droppedAtExit + " were dropped at exit"));
        } else if (e.notifications > e.expectedNotifications) {
          report(Kind.DUPLICATE, "notification-twice", e + " got " + e.notifications
              + " notifications for " + e.expectedNotifications + " messages");
        }
      }
    }
  }

  /**
   * True when words of {@code m} may have waited in the sender's open packet for the teardown
   * at the end of the run: its binding may hold a last packet and no step ended it, and {@code
   * m} reaches the page of the binding's last message. A packet never crosses a page, so the
   * stores to the binding's earlier pages were sent when a later store went to another page;
   * a missing word of those is a loss. (AU buffers are page-aligned: offsets are pages.)
   */
  private static boolean heldForTeardown(Message m) {
    BindingRecord b = m.carriedBy;
    return b != null && b.holdsLastPacket && !b.unboundByStep
        && lastPage(m) == lastPage(b.last);
  }

  private static int lastPage(Message m) {
    return (m.destinationOffset + 4 * (m.landed.length - 1)) / PAGE;
  }

  /** The findings, one per kind and rule (the first seen), in the order they were seen. */
  List<Finding> findings() {
    return List.copyOf(findings.values());
  }

  /** How often each kind/rule fired. */
  Map<String, Integer> occurrences() {
    return occurrences;
  }
}
