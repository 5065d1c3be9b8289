package org.vmmc.core.nic;

import java.util.Set;

/**
 * What identifies a network interface design: its name and its optional features. Each
 * design's Guice module binds one.
 */
public interface NicDesign {

  /** A short lower-case name, such as {@code shrimp2}. */
  String name();

  /** The optional features the design has. */
  Set<NicFeature> features();

  /** True when the design has {@code feature}. */
  default boolean has(NicFeature feature) {
    return features().contains(feature);
  }

  /** Throws the documented {@link UnsupportedOperationException} unless the design has it. */
  default void require(NicFeature feature, String call) {
    if (!has(feature)) {
      throw new UnsupportedOperationException(
          call + " needs " + feature + ", which the " + name() + " network interface lacks");
    }
  }
}
