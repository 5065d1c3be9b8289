package org.vmmc.bench.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.vmmc.bench.soak.Finding.Kind;
import org.vmmc.bench.soak.Oracle.Proc;
import org.vmmc.core.ProcessId;
import org.vmmc.core.SimDuration;
import org.vmmc.core.SimTime;
import org.vmmc.core.sim.ProcessFailedException;
import org.vmmc.core.sim.SimulationDeadlockException;
import org.vmmc.core.sim.SimulatorBugException;
import org.vmmc.kernel.KernelParameters;
import org.vmmc.userlib.Inspector;
import org.vmmc.userlib.Multicomputer;
import org.vmmc.userlib.VmmcProcess;

/** Builds the machine of a sequence, runs its processes under the oracle and judges the run. */
public final class SequenceRunner {
  /** Simulated time after which a run that has not finished counts as hung. */
  private static final SimDuration LIMIT = Actor.PATIENCE.times(2);

  private SequenceRunner() {}

  /** Runs sequence {@code index} of {@code seed}, its design chosen among {@code designs}. */
  public static SequenceResult run(List<SoakDesign> designs, long seed, long index) {
    return run(ScenarioGenerator.generate(designs, seed, index), null);
  }

  /** Runs {@code scenario}, telling {@code log} (unless null) every step and its outcome. */
  static SequenceResult run(Scenario scenario, Consumer<String> log) {
    KernelParameters kernel = KernelParameters.DEFAULTS.toBuilder().quantum(scenario.quantum())
        .build();
    Multicomputer mc = Multicomputer.builder()
        .design(scenario.design().module())
        .mesh(scenario.width(), scenario.height())
        .seed(ScenarioGenerator.mix(scenario.seed(), scenario.index()))
        .kernel(kernel)
        .build();
    Inspector inspection = mc.inspector();
    Oracle oracle = new Oracle(inspection, kernel.reservedFrames());
    for (int n = 0; n < mc.nodeCount(); n++) {
      inspection.onMemoryWrite(mc.node(n).id(), oracle::written);
    }
    List<ProcessId> ids = new ArrayList<>();
    for (int n = 0; n < mc.nodeCount(); n++) {
      for (int j = 0; j < scenario.processesPerNode(); j++) {
        ids.add(new ProcessId(mc.node(n).id(), j));
      }
    }
    List<Actor> actors = new ArrayList<>();
    int index = 0;
    for (int n = 0; n < mc.nodeCount(); n++) {
      for (int j = 0; j < scenario.processesPerNode(); j++, index++) {
        List<Op> steps = scenario.programs().get(index);
        Actor[] actor = new Actor[1];
        VmmcProcess vp = mc.node(n).spawn("P" + index, p -> actor[0].run());
        Proc proc = oracle.process(vp.id());
        actor[0] = new Actor(vp, proc, oracle, steps, ids, log);
        actors.add(actor[0]);
        if (!vp.id().equals(ids.get(index))) {
          throw new IllegalStateException("process " + index + " got id " + vp.id()
              + ", not " + ids.get(index));
        }
      }
    }
    boolean crashed = false;
    try {
      mc.runUntil(SimTime.ZERO.plus(LIMIT));
      List<String> unfinished = new ArrayList<>();
      for (Proc p : oracle.processes()) {
        if (!inspection.hasExited(p.id)) {
          unfinished.add(p.toString());
        }
      }
      if (!unfinished.isEmpty()) {
        crashed = true;
        oracle.report(Kind.CRASH, "hang", unfinished + " had not finished after " + LIMIT
            + " of simulated time");
      }
    } catch (ProcessFailedException e) {
      crashed = true;
      oracle.report(Kind.CRASH, "failed:" + rootName(e), e.getMessage());
    } catch (SimulationDeadlockException e) {
      crashed = true;
      oracle.report(Kind.CRASH, "deadlock", e.getMessage());
    } catch (SimulatorBugException e) {
      crashed = true;
      oracle.report(Kind.CRASH, "simulator-bug", e.getMessage());
    } catch (RuntimeException e) {
      crashed = true;
      oracle.report(Kind.CRASH, "run-threw:" + e.getClass().getSimpleName(), e.toString());
    } finally {
      try {
        mc.close();
      } catch (RuntimeException e) {
        if (!crashed) {
          crashed = true;
          oracle.report(Kind.CRASH, "close-threw", e.toString());
        }
      }
    }
    if (!crashed) {
      oracle.finish(mc.nodeCount());
    }
    int operations = actors.stream().mapToInt(Actor::executed).sum();
    return new SequenceResult(scenario, operations, oracle.findings());
  }

  private static String rootName(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    StackTraceElement[] trace = t.getStackTrace();
    String where = trace.length == 0 ? "" : "@" + trace[0].getClassName()
        .substring(trace[0].getClassName().lastIndexOf('.') + 1) + "." + trace[0].getMethodName();
    return t.getClass().getSimpleName() + where;
  }
}
