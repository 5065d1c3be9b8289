package org.vmmc.core.nic;

import com.google.inject.Module;
import java.util.List;
import java.util.Set;
import org.vmmc.core.param.ParameterSet;

/**
 * A network interface design as a plug-in: everything the framework needs to build, list,
 * measure and explain the design, declared once in the design's package and found through
 * {@link java.util.ServiceLoader} (one line in {@code
 * META-INF/services/org.vmmc.core.nic.NicPlugin}). The bench, its parameter list, the
 * comparison tables, charts, breakdown and report are built from the plug-ins on the class
 * path; nothing outside the design's package names it.
 *
 * @param <P> the design's parameter record
 */
public interface NicPlugin<P extends Record> {

  /**
   * The design the plug-in's module binds: its name and features are the plug-in's, declared
   * once.
   */
  NicDesign design();

  /** A short lower-case name: the {@link #design()}'s. */
  default String name() {
    return design().name();
  }

  /** What tables and reports call the design, such as {@code SHRIMP-II}. */
  String label();

  /** What the design is, in one sentence, for listings and reports. */
  String description();

  /** The optional features the design has: the {@link #design()}'s. */
  default Set<NicFeature> features() {
    return design().features();
  }

  /** The ways the design moves messages that experiments measure, in the order shown. */
  List<TransferMode> modes();

  /** The design's declared parameters; their defaults are the design's documented preset. */
  ParameterSet<P, ?> parameters();

  /** The design's Guice module for {@code parameters}. */
  Module module(P parameters);

  /** The design's Guice module at its documented defaults. */
  default Module module() {
    return module(parameters().defaults());
  }

  /**
   * The shares of a traced message's time that the design's events alone cannot place: its
   * knowledge of which of its costs lie inside which traced interval. Empty for a design whose
   * trace points place all of its time.
   */
  default List<StageShare> shares(AttributionContext context) {
    return List.of();
  }
}
