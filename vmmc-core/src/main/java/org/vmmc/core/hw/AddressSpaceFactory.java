package org.vmmc.core.hw;

/** Creates empty page tables for a node's processes. */
public interface AddressSpaceFactory {

  /** A new address space with no page mapped; {@code owner} names it in messages. */
  AddressSpace create(String owner);
}
