package org.vmmc.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WordsTest {
  @Test
  void aTagTellsItsSenderMessageAndIndex() {
    int w = Words.tag(11, 4095, 4095);

    assertThat(Words.isTag(w)).isTrue();
    assertThat(Words.isCanary(w)).isFalse();
    assertThat(Words.process(w)).isEqualTo(11);
    assertThat(Words.message(w)).isEqualTo(4095);
    assertThat(Words.index(w)).isEqualTo(4095);
    assertThat(Words.describe(w)).isEqualTo("word 4095 of message 4095 of P11");
  }

  @Test
  void aCanaryTellsItsOwnerAndWhereItBelongs() {
    int w = Words.canary(3, 0x1000_4A3CL);

    assertThat(Words.isCanary(w)).isTrue();
    assertThat(Words.process(w)).isEqualTo(3);
    assertThat(Words.isCanaryOf(w, 3, 0x1000_4A3CL)).isTrue();
    assertThat(Words.isCanaryOf(w, 3, 0x1000_4A40L)).isFalse();
    assertThat(Words.isCanaryOf(w, 4, 0x1000_4A3CL)).isFalse();
  }

  @Test
  void noWordWrittenIsZero() {
    assertThat(Words.tag(0, 0, 0)).isNotZero();
    assertThat(Words.canary(0, 0)).isNotZero();
  }

  @Test
  void bytesHoldTheWordsLittleEndian() {
    byte[] tags = Words.tags(2, 7, 3);
    byte[] canaries = Words.canaries(5, 0x1000_0000L, 8);

    assertThat(Words.getInt(tags, 8)).isEqualTo(Words.tag(2, 7, 2));
    assertThat(tags[8]).isEqualTo((byte) Words.tag(2, 7, 2));
    assertThat(Words.getInt(canaries, 4)).isEqualTo(Words.canary(5, 0x1000_0004L));
  }

  @Test
  void numbersOutsideTheFieldsAreRefusedNamingTheLimit() {
    assertThatThrownBy(() -> Words.tag(16, 0, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sender 16 is outside 0..15");
    assertThatThrownBy(() -> Words.tag(0, 4096, 0)).hasMessage("message 4096 is outside 0..4095");
    assertThatThrownBy(() -> Words.tag(0, 0, -1)).hasMessage("word index -1 is outside 0..4095");
  }
}
