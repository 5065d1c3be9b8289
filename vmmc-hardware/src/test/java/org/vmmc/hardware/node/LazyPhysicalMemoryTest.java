package org.vmmc.hardware.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.PhysicalAddress;

class LazyPhysicalMemoryTest {
  private static final long MB64 = 64L << 20;
  private final LazyPhysicalMemory memory = new LazyPhysicalMemory(MB64, MemoryGeometry.SHRIMP);

  private static PhysicalAddress pa(long value) {
    return PhysicalAddress.of(value);
  }

  @Test
  void sixtyFourMegabytesBackNoFrameUntilWritten() {
    assertThat(memory.sizeBytes()).isEqualTo(MB64);
    assertThat(memory.frameCount()).isEqualTo(16_384);
    assertThat(memory.backedFrameCount()).isZero();
  }

  @Test
  void untouchedMemoryReadsZeroAndStillBacksNothing() {
    byte[] dst = new byte[3 * 4096];
    Arrays.fill(dst, (byte) 0x5A);
    memory.read(pa(0x10_0000 - 100), dst, 0, dst.length);
    assertThat(dst).containsOnly(0);
    assertThat(memory.readInt(pa(MB64 - 4))).isZero();
    assertThat(memory.readByte(pa(12_345))).isZero();
    assertThat(memory.backedFrameCount()).isZero();
  }

  @Test
  void writesBackExactlyTheFramesTheyTouch() {
    memory.writeInt(pa(5 * 4096 + 8), 1);
    memory.writeByte(pa(5 * 4096 + 100), (byte) 2);
    assertThat(memory.backedFrameCount()).isEqualTo(1);
    memory.write(pa(11 * 4096 - 2), new byte[4], 0, 4); // frames 10 and 11
    assertThat(memory.backedFrameCount()).isEqualTo(3);
  }

  @Test
  void wordsAreLittleEndian() {
    memory.writeInt(pa(0x100), 0x1122_3344);
    assertThat(memory.readByte(pa(0x100))).isEqualTo((byte) 0x44);
    assertThat(memory.readByte(pa(0x103))).isEqualTo((byte) 0x11);
    memory.writeByte(pa(0x101), (byte) 0xAB);
    assertThat(memory.readInt(pa(0x100))).isEqualTo(0x1122_AB44);
  }

  @Test
  void bulkCopiesSpanFramesAndLeaveTheRestZero() {
    byte[] src = new byte[10_000];
    for (int i = 0; i < src.length; i++) {
      src[i] = (byte) (i * 7 + 1);
    }
    memory.write(pa(4090), src, 0, src.length);
    byte[] back = new byte[src.length + 2];
    memory.read(pa(4089), back, 0, back.length);
    assertThat(back[0]).isZero();
    assertThat(Arrays.copyOfRange(back, 1, src.length + 1)).isEqualTo(src);
    assertThat(back[src.length + 1]).isZero();
    assertThat(memory.backedFrameCount()).isEqualTo(4); // frames 0..3
  }

  @Test
  void referencesBeyondTheEndNameAddressAndLimit() {
    assertThatThrownBy(() -> memory.readInt(pa(MB64)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("4 bytes at p:0x4000000 reach beyond the end of physical memory at"
            + " p:0x4000000 (67108864 bytes)");
    assertThatThrownBy(() -> memory.write(pa(MB64 - 2), new byte[4], 0, 4))
        .hasMessageContaining("4 bytes at p:0x3fffffe reach beyond the end");
    assertThatThrownBy(() -> memory.writeByte(pa(MB64), (byte) 1))
        .hasMessageContaining("1 bytes at p:0x4000000");
    assertThat(memory.backedFrameCount()).isZero();
  }

  @Test
  void wordReferencesMustBeAligned() {
    assertThatThrownBy(() -> memory.writeInt(pa(0x102), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("physical address 0x102 is not aligned to the 4-byte word");
    assertThatThrownBy(() -> memory.readInt(pa(0x101)))
        .hasMessage("physical address 0x101 is not aligned to the 4-byte word");
  }

  @Test
  void arrayBoundsAreChecked() {
    assertThatThrownBy(() -> memory.read(pa(0), new byte[4], 2, 4))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void clearingAFrameZeroesItAndReleasesItsStorage() {
    memory.writeInt(pa(3 * 4096 + 12), 99);
    memory.clearFrame(new FrameNumber(3));
    assertThat(memory.readInt(pa(3 * 4096 + 12))).isZero();
    assertThat(memory.backedFrameCount()).isZero();
    memory.clearFrame(new FrameNumber(4)); // never written: nothing to release
    assertThat(memory.backedFrameCount()).isZero();
    assertThatThrownBy(() -> memory.clearFrame(new FrameNumber(16_384)))
        .hasMessage("frame 16384 is beyond the last frame 16383 of 67108864-byte memory");
  }

  @Test
  void sizeMustBeWholeFrames() {
    assertThatThrownBy(() -> new LazyPhysicalMemory(4097, MemoryGeometry.SHRIMP))
        .hasMessage("memory size 4097 bytes is not a whole number of 4096-byte frames");
    assertThatThrownBy(() -> new LazyPhysicalMemory(0, MemoryGeometry.SHRIMP))
        .hasMessage("memory size must be positive: 0 bytes");
  }
}
