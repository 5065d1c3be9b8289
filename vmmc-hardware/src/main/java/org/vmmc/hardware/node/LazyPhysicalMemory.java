package org.vmmc.hardware.node;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Strings.lenientFormat;
import static java.util.Objects.requireNonNull;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.vmmc.core.FrameNumber;
import org.vmmc.core.MemoryGeometry;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.core.hw.PhysicalMemory;
import org.vmmc.core.hw.WriteListener;

/**
 * Physical memory whose frames get storage on their first write.
 *
 * <p>Memory is zeroed at boot, so a frame that was never written reads as zero without any
 * storage; a 64 MB node costs heap only for the frames its processes and DMA engines touch.
 */
final class LazyPhysicalMemory implements PhysicalMemory {
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private final MemoryGeometry geometry;
  private final long sizeBytes;
  private final int pageSize;
  private final int pageShift;
  private final byte[][] frames;
  private final List<WriteListener> listeners = new ArrayList<>();
  private long backed;

  LazyPhysicalMemory(long sizeBytes, MemoryGeometry geometry) {
    this.geometry = requireNonNull(geometry, "geometry");
    checkArgument(sizeBytes > 0, "memory size must be positive: %s bytes", sizeBytes);
    checkArgument(geometry.isPageAligned(sizeBytes),
        "memory size %s bytes is not a whole number of %s-byte frames",
        sizeBytes, geometry.pageSize());
    checkArgument(sizeBytes - 1 <= PhysicalAddress.MAX,
        "memory size %s bytes exceeds the physical address space of %s bytes",
        sizeBytes, PhysicalAddress.MAX + 1);
    this.sizeBytes = sizeBytes;
    this.pageSize = geometry.pageSize();
    this.pageShift = Integer.numberOfTrailingZeros(pageSize);
    this.frames = new byte[Math.toIntExact(sizeBytes >>> pageShift)][];
  }

  @Override
  public MemoryGeometry geometry() {
    return geometry;
  }

  @Override
  public long sizeBytes() {
    return sizeBytes;
  }

  @Override
  public long frameCount() {
    return frames.length;
  }

  @Override
  public long backedFrameCount() {
    return backed;
  }

  @Override
  public int readInt(PhysicalAddress address) {
    long a = checkWord(address);
    byte[] frame = frames[frameIndex(a)];
    return frame == null ? 0 : (int) INT_LE.get(frame, offset(a));
  }

  @Override
  public void writeInt(PhysicalAddress address, int value) {
    long a = checkWord(address);
    INT_LE.set(backing(frameIndex(a)), offset(a), value);
    written(address, 4);
  }

  @Override
  public byte readByte(PhysicalAddress address) {
    long a = checkRange(address, 1);
    byte[] frame = frames[frameIndex(a)];
    return frame == null ? 0 : frame[offset(a)];
  }

  @Override
  public void writeByte(PhysicalAddress address, byte value) {
    long a = checkRange(address, 1);
    backing(frameIndex(a))[offset(a)] = value;
    written(address, 1);
  }

  @Override
  public void read(PhysicalAddress address, byte[] dst, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, dst.length);
    if (length == 0) {
      return;
    }
    long a = checkRange(address, length);
    int done = 0;
    while (done < length) {
      int inFrame = offset(a);
      int chunk = Math.min(length - done, pageSize - inFrame);
      byte[] frame = frames[frameIndex(a)];
      if (frame == null) {
        Arrays.fill(dst, offset + done, offset + done + chunk, (byte) 0);
      } else {
        System.arraycopy(frame, inFrame, dst, offset + done, chunk);
      }
      a += chunk;
      done += chunk;
    }
  }

  @Override
  public void write(PhysicalAddress address, byte[] src, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, src.length);
    if (length == 0) {
      return;
    }
    long a = checkRange(address, length);
    int done = 0;
    while (done < length) {
      int inFrame = offset(a);
      int chunk = Math.min(length - done, pageSize - inFrame);
      System.arraycopy(src, offset + done, backing(frameIndex(a)), inFrame, chunk);
      a += chunk;
      done += chunk;
    }
    written(address, length);
  }

  @Override
  public void addWriteListener(WriteListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  private void written(PhysicalAddress address, int length) {
    for (int i = 0; i < listeners.size(); i++) {
      listeners.get(i).written(address, length);
    }
  }

  @Override
  public void clearFrame(FrameNumber frame) {
    checkArgument(frame.value() < frames.length,
        "%s is beyond the last frame %s of %s-byte memory", frame, frames.length - 1, sizeBytes);
    int index = (int) frame.value();
    if (frames[index] != null) {
      // A cleared frame reads as zero again, so it needs no storage.
      frames[index] = null;
      backed--;
    }
    written(geometry.baseOf(frame), pageSize);
  }

  private byte[] backing(int index) {
    byte[] frame = frames[index];
    if (frame == null) {
      frame = new byte[pageSize];
      frames[index] = frame;
      backed++;
    }
    return frame;
  }

  private long checkWord(PhysicalAddress address) {
    geometry.requireWordAligned(address.value(), "physical address");
    return checkRange(address, geometry.wordSize());
  }

  private long checkRange(PhysicalAddress address, long length) {
    long a = address.value();
    // Not checkArgument: its arguments would be boxed and formatted on every reference.
    if (a + length > sizeBytes) {
      throw new IllegalArgumentException(lenientFormat(
          "%s bytes at %s reach beyond the end of physical memory at p:0x%s (%s bytes)",
          length, address, Long.toHexString(sizeBytes), sizeBytes));
    }
    return a;
  }

  private int frameIndex(long address) {
    return (int) (address >>> pageShift);
  }

  private int offset(long address) {
    return (int) (address & (pageSize - 1));
  }

  @Override
  public String toString() {
    return "PhysicalMemory[" + sizeBytes + " bytes, " + backed + " of " + frames.length
        + " frames backed]";
  }
}
