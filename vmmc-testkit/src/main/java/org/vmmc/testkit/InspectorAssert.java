package org.vmmc.testkit;

import static java.util.Objects.requireNonNull;

import org.assertj.core.api.AbstractAssert;
import org.vmmc.core.NodeId;
import org.vmmc.core.PhysicalAddress;
import org.vmmc.userlib.Inspector;

/**
 * Assertions on what a machine's {@link Inspector} sees; get one from
 * {@link VmmcAssertions#assertThat(Inspector)}. Physical addresses come from
 * {@link Inspector#physicalAddress} while the owning process still maps them.
 */
public final class InspectorAssert extends AbstractAssert<InspectorAssert, Inspector> {

  InspectorAssert(Inspector actual) {
    super(actual, InspectorAssert.class);
  }

  /** Checks that the 4-byte word at {@code address} of {@code node}'s memory is {@code value}. */
  public InspectorAssert hasWordAt(NodeId node, PhysicalAddress address, int value) {
    isNotNull();
    requireNonNull(address, "address");
    int found = MemoryContents.word(actual.readPhysical(node, address, 4));
    if (found != value) {
      failWithMessage("expected the word at %s of %s to be 0x%08x, but it is 0x%08x", address,
          node, value, found);
    }
    return this;
  }

  /** Checks that {@code node}'s memory from {@code address} on holds {@code bytes}. */
  public InspectorAssert containsAt(NodeId node, PhysicalAddress address, byte[] bytes) {
    isNotNull();
    requireNonNull(address, "address");
    String difference = MemoryContents.difference(String.valueOf(node), address, bytes,
        actual.readPhysical(node, address, bytes.length));
    if (difference != null) {
      failWithMessage(difference);
    }
    return this;
  }

  /** Checks that {@code node} has {@code frames} frames of user memory in use. */
  public InspectorAssert hasFramesInUse(NodeId node, int frames) {
    isNotNull();
    int found = actual.framesInUse(node);
    if (found != frames) {
      failWithMessage("expected %s frames of user memory in use on %s, but %s are", frames, node,
          found);
    }
    return this;
  }
}
