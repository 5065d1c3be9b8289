package org.vmmc.bench;

import java.util.List;
import java.util.concurrent.Callable;
import org.vmmc.bench.compare.MachineConfig;
import org.vmmc.bench.compare.NamedParameter;
import org.vmmc.bench.compare.Parameters;
import org.vmmc.bench.report.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists the named parameters with their defaults and units. */
@Command(name = "params", mixinStandardHelpOptions = true,
    description = "List the parameters --param can set, with their defaults and units.")
final class ParamsCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    MachineConfig defaults = MachineConfig.defaults();
    TextTable t = new TextTable("Named parameters (--param name=value)",
        List.of("name", "default", "unit", "meaning"));
    for (NamedParameter p : Parameters.all()) {
      t.row(List.of(p.name(), p.valueIn(defaults), p.unit(), p.description()));
    }
    spec.commandLine().getOut().print(t.toText());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
