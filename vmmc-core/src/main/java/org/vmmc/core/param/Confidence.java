package org.vmmc.core.param;

/** How sure the model is of a parameter's default, in the words of the design reference. */
public enum Confidence {
  /** A primary source gives the value. */
  STATED,
  /** The value follows from what the sources say, though none gives it. */
  INFERRED,
  /** A modelling choice where the sources are silent; a candidate for calibration. */
  UNCERTAIN;

  /** The word reports use, such as {@code uncertain}. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
