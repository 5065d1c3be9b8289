package org.vmmc.bench.compare;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a list of tasks on a few threads, reporting progress on one status line, and returns
 * their results in task order, whatever order they finished in.
 */
public final class TaskRunner {
  private final int threads;
  private final PrintWriter progress;
  private int done;

  /** A runner with {@code threads} threads that writes progress to {@code progress}. */
  public TaskRunner(int threads, PrintWriter progress) {
    checkArgument(threads >= 1, "threads must be at least 1: %s", threads);
    this.threads = threads;
    this.progress = requireNonNull(progress, "progress");
  }

  /** Runs {@code tasks}; the first failure ends the run and is rethrown. */
  public List<Result> run(List<Task> tasks) {
    done = 0;
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "measurement");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<List<Result>>> futures = new ArrayList<>();
      for (Task task : tasks) {
        futures.add(pool.submit(() -> {
          List<Result> results = task.work().call();
          finished(task, tasks.size());
          return results;
        }));
      }
      List<Result> results = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        try {
          results.addAll(futures.get(i).get());
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException r) {
            throw r;
          }
          throw new IllegalStateException(tasks.get(i).description() + " failed", cause);
        }
      }
      if (!tasks.isEmpty()) {
        progress.println();
        progress.flush();
      }
      return List.copyOf(results);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while measuring", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private synchronized void finished(Task task, int total) {
    done++;
    String line = String.format(Locale.ROOT, "[%3d/%3d] %s", done, total, task.description());
    progress.print("\r" + line + " ".repeat(Math.max(0, 60 - line.length())));
    progress.flush();
  }
}
