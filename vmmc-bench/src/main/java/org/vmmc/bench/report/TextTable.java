package org.vmmc.bench.report;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A small table of text cells: the first column is left-aligned (row names), the others are
 * right-aligned (numbers) unless {@link #leftAligned} says otherwise. Renders for a terminal or
 * as Markdown.
 */
public final class TextTable {
  private final String title;
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();
  private final Set<Integer> left = new HashSet<>(Set.of(0));

  /** An empty table called {@code title} with column names {@code header}. */
  public TextTable(String title, List<String> header) {
    checkArgument(!header.isEmpty(), "a table needs at least one column");
    this.title = title;
    this.header = List.copyOf(header);
  }

  /** Adds a row; it must have one cell per column. */
  public TextTable row(List<String> cells) {
    checkArgument(cells.size() == header.size(), "row has %s cells, the table %s columns",
        cells.size(), header.size());
    rows.add(List.copyOf(cells));
    return this;
  }

  /** Lays out the columns numbered {@code columns} (from 0) left-aligned, as prose reads. */
  public TextTable leftAligned(int... columns) {
    for (int c : columns) {
      checkArgument(c >= 0 && c < header.size(), "column %s of a table of %s columns", c,
          header.size());
      left.add(c);
    }
    return this;
  }

  /** The table's title. */
  public String title() {
    return title;
  }

  /** The rows added so far. */
  public List<List<String>> rows() {
    return List.copyOf(rows);
  }

  /** The table laid out in aligned columns, title first. */
  public String toText() {
    int[] widths = new int[header.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = header.get(c).length();
      for (List<String> r : rows) {
        widths[c] = Math.max(widths[c], r.get(c).length());
      }
    }
    StringBuilder out = new StringBuilder(title).append(System.lineSeparator());
    appendLine(out, header, widths, left);
    int total = 0;
    for (int w : widths) {
      total += w + 2;
    }
    out.append("-".repeat(total - 2)).append(System.lineSeparator());
    for (List<String> r : rows) {
      appendLine(out, r, widths, left);
    }
    return out.toString();
  }

  private static void appendLine(StringBuilder out, List<String> cells, int[] widths,
      Set<Integer> left) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        line.append("  ");
      }
      String cell = cells.get(c);
      String pad = " ".repeat(widths[c] - cell.length());
      line.append(left.contains(c) ? cell + pad : pad + cell);
    }
    out.append(line.toString().stripTrailing()).append(System.lineSeparator());
  }

  /** The table in Markdown, without its title. */
  public String toMarkdown() {
    StringBuilder out = new StringBuilder();
    out.append("| ").append(String.join(" | ", escape(header))).append(" |\n");
    out.append("|");
    for (int c = 0; c < header.size(); c++) {
      out.append(c > 0 && numeric(c) ? " ---: |" : " --- |");
    }
    out.append('\n');
    for (List<String> r : rows) {
      out.append("| ").append(String.join(" | ", escape(r))).append(" |\n");
    }
    return out.toString();
  }

  /** True when every cell of column {@code c} is a number (or a dash for none). */
  private boolean numeric(int c) {
    for (List<String> r : rows) {
      if (!r.get(c).matches("-|-?[0-9][0-9.,]*( [A-Za-z/µ]+)?|\\*\\*[0-9.]+\\*\\*")) {
        return false;
      }
    }
    return true;
  }

  private static List<String> escape(List<String> cells) {
    return cells.stream().map(s -> s.replace("|", "\\|")).toList();
  }
}
