package org.vmmc.bench;

/**
 * The entry point of the runnable jar: {@code java -jar vmmc-bench.jar [command] [options]}.
 * Without a command it runs {@code compare}; {@code --help} lists the commands.
 */
public final class VmmcBench {
  private VmmcBench() {}

  /** Runs the command line {@code args} and exits with its status. */
  public static void main(String[] args) {
    // Set before any Guice class loads: Guice then builds no bytecode, so the JDK prints no
    // warnings about the Unsafe calls its bytecode generator makes.
    if (System.getProperty("guice_bytecode_gen_option") == null) {
      System.setProperty("guice_bytecode_gen_option", "DISABLED");
    }
    System.setProperty("java.awt.headless", "true");
    System.exit(BenchCommand.execute(args));
  }
}
