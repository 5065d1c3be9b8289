package org.vmmc.core.param;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Where a parameter's default comes from and how sure it is.
 *
 * @param confidence how sure the model is of the default
 * @param source the source or the reasoning behind the default, in one sentence
 */
public record Provenance(Confidence confidence, String source) {

  /** Checks that the source is said. */
  public Provenance {
    requireNonNull(confidence, "confidence");
    checkArgument(!requireNonNull(source, "source").isBlank(),
        "a parameter's default needs a source");
  }

  /** A default a primary source gives. */
  public static Provenance stated(String source) {
    return new Provenance(Confidence.STATED, source);
  }

  /** A default that follows from the sources. */
  public static Provenance inferred(String source) {
    return new Provenance(Confidence.INFERRED, source);
  }

  /** A default that is a modelling choice. */
  public static Provenance uncertain(String source) {
    return new Provenance(Confidence.UNCERTAIN, source);
  }
}
