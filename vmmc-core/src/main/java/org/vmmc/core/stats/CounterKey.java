package org.vmmc.core.stats;

import java.util.Locale;

/**
 * A kind of counter a component keeps, such as the packets a network interface sent. Each
 * component declares its counters as an enum implementing this (the constant's Javadoc says
 * what it counts; its name gives the id: {@code PACKETS_SENT} is {@code packets-sent}), and
 * reads and writes them through {@link Metrics} by key, never by a name built from strings. A
 * counter belongs to a node or to the machine as a whole; reports name it {@code
 * node3.nic.packets-sent} or {@code mesh.packets-injected}.
 */
public interface CounterKey {

  /** The component the counter belongs to, such as {@code nic}; lower-case words and '-'. */
  String component();

  /** The constant's name, such as {@code PACKETS_SENT}; an enum supplies it. */
  String name();

  /** The counter's name within its component, such as {@code packets-sent}. */
  default String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** {@code component.id}, as reports name it. */
  default String qualifiedName() {
    return component() + "." + id();
  }
}
