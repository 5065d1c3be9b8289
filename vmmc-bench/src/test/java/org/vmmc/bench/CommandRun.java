package org.vmmc.bench;

import java.io.PrintWriter;
import java.io.StringWriter;

/** What one run of the bench command line returned and printed, for the command tests. */
record CommandRun(int status, String out, String err) {

  /** Runs the bench command line with {@code args}, capturing both streams. */
  static CommandRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = BenchCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
    return new CommandRun(status, out.toString(), err.toString());
  }

  /** The last line printed to standard output. */
  String lastLine() {
    String[] lines = out.strip().split("\\R");
    return lines[lines.length - 1];
  }
}
