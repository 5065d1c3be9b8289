package org.vmmc.kernel;

import java.util.ArrayList;
import java.util.List;
import org.vmmc.core.nic.RemoteBuffer;

/**
 * One process's import table: the buffers it imported, in import order. An import stays in
 * it until its end has finished, not only begun.
 */
final class ImportTable {
  private final List<Import> imports = new ArrayList<>();

  void add(Import imported) {
    imports.add(imported);
  }

  /** Removes {@code imported}; false if it was removed already. */
  boolean remove(Import imported) {
    return imports.remove(imported);
  }

  /** Every import of {@code buffer} (the same exporter, id and generation). */
  List<Import> of(RemoteBuffer buffer) {
    List<Import> found = new ArrayList<>();
    for (Import i : imports) {
      if (i.buffer.exporter().equals(buffer.exporter()) && i.buffer.id().equals(buffer.id())
          && i.buffer.generation() == buffer.generation()) {
        found.add(i);
      }
    }
    return found;
  }

  /** Every import, in import order. */
  List<Import> all() {
    return List.copyOf(imports);
  }
}
