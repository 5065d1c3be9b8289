package org.vmmc.userlib;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LibraryParametersTest {
  /** The documented defaults, written out here once. */
  static final LibraryParameters LIBRARY = new LibraryParameters(4, 12, false);

  @Test
  void presetHoldsTheDocumentedFigures() {
    assertThat(LibraryParameters.DEFAULTS).isEqualTo(LIBRARY);
    assertThat(LibraryParameters.PARAMETERS.defaults()).isEqualTo(LIBRARY);
  }

  @Test
  void theBuilderRoundTripsAndChangesOnlyWhatIsSet() {
    LibraryParameters p = LIBRARY.toBuilder().systemCallPerSend(true).build();
    assertThat(p.toBuilder().build()).isEqualTo(p);
    assertThat(p).isEqualTo(new LibraryParameters(4, 12, true));
  }
}
