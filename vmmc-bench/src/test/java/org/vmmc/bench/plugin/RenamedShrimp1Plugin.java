package org.vmmc.bench.plugin;

import com.google.inject.Module;
import com.google.inject.util.Modules;
import java.util.List;
import java.util.Set;
import org.vmmc.core.nic.AttributionContext;
import org.vmmc.core.nic.NicDesign;
import org.vmmc.core.nic.NicFeature;
import org.vmmc.core.nic.NicPlugin;
import org.vmmc.core.nic.StageShare;
import org.vmmc.core.nic.TransferKind;
import org.vmmc.core.nic.TransferMode;
import org.vmmc.core.param.ParameterSet;
import org.vmmc.core.param.Provenance;
import org.vmmc.core.param.ValueType;
import org.vmmc.hardware.shrimp1.Shrimp1Module;
import org.vmmc.hardware.shrimp1.Shrimp1Parameters;
import org.vmmc.hardware.shrimp1.Shrimp1Plugin;

/**
 * A design the bench has never heard of, for tests that show a new design appears everywhere
 * with no bench edit: SHRIMP-I's hardware under another name, with one parameter of its own.
 */
abstract class RenamedShrimp1Plugin implements NicPlugin<RenamedParameters> {
  private final String name;
  private final ParameterSet<RenamedParameters, RenamedParameters.Builder> parameters;
  private final NicDesign design;

  RenamedShrimp1Plugin(String name) {
    this.name = name;
    this.parameters = ParameterSet.builder(name, name + " test interface",
            RenamedParameters.class, RenamedParameters.Builder::new,
            RenamedParameters.Builder::build)
        .add("start-cycles", ValueType.CYCLES, "card cycles before the DMA engine starts", 4L,
            Provenance.uncertain("test figure"), RenamedParameters::startCycles,
            RenamedParameters.Builder::startCycles)
        .build();
    Set<NicFeature> features = new Shrimp1Plugin().features();
    this.design = new NicDesign() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Set<NicFeature> features() {
        return features;
      }
    };
  }

  @Override
  public NicDesign design() {
    return design;
  }

  @Override
  public String label() {
    return name + " interface";
  }

  @Override
  public String description() {
    return "SHRIMP-I's hardware under the name " + name;
  }

  @Override
  public List<TransferMode> modes() {
    return List.of(new TransferMode("du", name + " deliberate update",
        TransferKind.DELIBERATE_UPDATE));
  }

  @Override
  public ParameterSet<RenamedParameters, ?> parameters() {
    return parameters;
  }

  @Override
  public Module module(RenamedParameters p) {
    Shrimp1Parameters hardware = Shrimp1Parameters.DEFAULTS.toBuilder()
        .startCycles(p.startCycles()).build();
    return Modules.override(new Shrimp1Module(hardware))
        .with(binder -> binder.bind(NicDesign.class).toInstance(design));
  }

  @Override
  public List<StageShare> shares(AttributionContext context) {
    return new Shrimp1Plugin().shares(context);
  }
}
