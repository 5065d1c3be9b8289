package org.vmmc.bench;

import java.util.List;
import java.util.concurrent.Callable;
import org.vmmc.bench.compare.NamedParameter;
import org.vmmc.bench.report.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists the declared parameters with their defaults, units, confidence and sources. */
@Command(name = "params", mixinStandardHelpOptions = true,
    description = "List the parameters --param can set, with their defaults, units, how sure"
        + " each default is (stated, inferred, uncertain) and where it comes from.")
final class ParamsCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    TextTable t = new TextTable("Named parameters (--param name=value)",
        List.of("name", "default", "unit", "confidence", "meaning", "source"))
        .leftAligned(2, 3, 4, 5);
    for (NamedParameter p : BenchCommand.designs(spec).catalog().all()) {
      t.row(List.of(p.name(), p.defaultValue(), p.unit(), p.confidence().word(),
          p.description(), p.source()));
    }
    spec.commandLine().getOut().print(t.toText());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
