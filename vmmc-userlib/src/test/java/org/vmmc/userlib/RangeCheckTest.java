package org.vmmc.userlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vmmc.core.BufferId;
import org.vmmc.core.ImportPolicy;
import org.vmmc.core.SimDuration;
import org.vmmc.core.hw.CpuCounter;
import org.vmmc.hardware.shrimp2.Shrimp2Module;

/**
 * Offsets and lengths outside a region are the caller's mistake: an IllegalArgumentException
 * that names the value and the limit, before any memory reference, however large the value
 * (no int overflow lets a bad offset through to the MMU).
 */
class RangeCheckTest {
  private static final BufferId INBOX = BufferId.of(1);
  private static final int PAGE = 4096;
  private static final int HUGE = Integer.MAX_VALUE - 3;

  /** A misuse of a 4096-byte region {@code m}, with {@code dst} a 64-byte import. */
  @FunctionalInterface
  private interface Misuse {
    void apply(VmmcProcess p, UserMemory m, ImportedBuffer dst);
  }

  private static Arguments misuse(String name, Misuse misuse, String... named) {
    return Arguments.of(Named.of(name, misuse), named);
  }

  static Stream<Arguments> misuses() {
    return Stream.of(
        misuse("getInt below the region", (p, m, d) -> m.getInt(-4), "-4", "4096-byte"),
        misuse("getInt at the end", (p, m, d) -> m.getInt(PAGE), "4096", "4096-byte"),
        misuse("getInt far past the end", (p, m, d) -> m.getInt(HUGE), "2147483644",
            "4096-byte"),
        misuse("putInt far past the end", (p, m, d) -> m.putInt(HUGE, 1), "2147483644",
            "4096-byte"),
        misuse("getBytes across the end", (p, m, d) -> m.getBytes(4000, 200), "200", "4000",
            "4096-byte"),
        misuse("getBytes below the region", (p, m, d) -> m.getBytes(-1, 4), "-1", "4096-byte"),
        misuse("getBytes of a huge count", (p, m, d) -> m.getBytes(1, Integer.MAX_VALUE),
            "2147483647", "4096-byte"),
        misuse("putBytes across the end", (p, m, d) -> m.putBytes(4095, new byte[2]), "4095",
            "4096-byte"),
        misuse("putBytes far past the end", (p, m, d) -> m.putBytes(Integer.MAX_VALUE,
            new byte[1]), "2147483647", "4096-byte"),
        misuse("slice across the end", (p, m, d) -> m.slice(4000, 200), "4000", "4096-byte"),
        misuse("slice of a huge count", (p, m, d) -> m.slice(2, Integer.MAX_VALUE),
            "2147483647", "4096-byte"),
        misuse("slice far past the end", (p, m, d) -> m.slice(Integer.MAX_VALUE, 1),
            "2147483647", "4096-byte"),
        misuse("send from across the end", (p, m, d) -> p.vmmc().send(m, PAGE - 4, d, 0, 8),
            "4092", "4096-byte"),
        misuse("send from far past the end", (p, m, d) -> p.vmmc().send(m, HUGE, d, 0, 8),
            "2147483644", "4096-byte"),
        misuse("send from below the region", (p, m, d) -> p.vmmc().send(m, -4, d, 0, 4),
            "-4", "4096-byte"),
        misuse("send to far past the end", (p, m, d) -> p.vmmc().send(m, 0, d, HUGE, 8),
            "2147483644", "64-byte"),
        misuse("send to across the end", (p, m, d) -> p.vmmc().send(m, 0, d, 60, 8),
            "8 bytes at offset 60 reach past the end of the 64-byte imported buffer"),
        misuse("send from an unaligned source", (p, m, d) -> p.vmmc().send(m, 2, d, 0, 4),
            "source v:0x", "2 is not 4-byte aligned"),
        misuse("export across the end", (p, m, d) -> p.vmmc().export(m, 4000, 200,
            BufferId.of(2), ImportPolicy.anyone(), null), "4000", "4096-byte"),
        misuse("export far past the end", (p, m, d) -> p.vmmc().export(m, HUGE, 8,
            BufferId.of(2), ImportPolicy.anyone(), null), "2147483644", "4096-byte"),
        misuse("awaitChange across the end", (p, m, d) -> p.awaitChange(m, 4094, 4), "4094",
            "4096-byte"),
        misuse("awaitWord far past the end", (p, m, d) -> p.awaitWord(m, HUGE, w -> true),
            "2147483644", "4096-byte"));
  }

  @ParameterizedTest
  @MethodSource("misuses")
  void anOutOfRangeOffsetIsAnIllegalArgumentNamingTheValueAndTheLimit(Misuse misuse,
      String[] named) {
    List<Throwable> thrown = new ArrayList<>();
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module())
            .mesh(2, 1).seed(3).build()) {
      VmmcProcess rx = mc.node(0).spawn("receiver", p -> {
        p.vmmc().export(p.allocate(PAGE), 0, 64, INBOX, ImportPolicy.anyone(), null);
        p.sleep(SimDuration.ofMillis(5));
      });
      mc.node(1).spawn("caller", p -> {
        ImportedBuffer dst = p.vmmc().importBuffer(rx.id(), INBOX);
        UserMemory m = p.allocate(PAGE);
        try {
          misuse.apply(p, m, dst);
        } catch (RuntimeException e) {
          thrown.add(e);
        }
      });
      RunResult result = mc.run();
      assertThat(result.total(CpuCounter.PAGE_FAULTS)).isZero();
    }
    assertThat(thrown).singleElement().isInstanceOfSatisfying(IllegalArgumentException.class,
        e -> assertThat(e.getMessage()).contains(named));
  }

  @Test
  void aNodeIndexOutsideTheMachineIsAnIllegalArgumentNamingTheLimit() {
    try (Multicomputer mc = Multicomputer.builder().design(new Shrimp2Module())
            .mesh(2, 1).build()) {
      assertThatThrownBy(() -> mc.node(2)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("2").hasMessageContaining("2 nodes");
      assertThatThrownBy(() -> mc.node(-1)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("-1").hasMessageContaining("2 nodes");
    }
  }
}
