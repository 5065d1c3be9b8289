package org.vmmc.core.hw;

/** What a virtual page maps to: a frame of physical memory or a page of a device. */
public sealed interface PageTarget permits MemoryFrame, DevicePage {}
