package org.akorn.fuzz;

import com.sun.management.ThreadMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * One reader under fuzzing: a function that reads a file, the exception type it uses for bad
 * input, a corpus of seed files and the mutators to apply. {@link #check} runs the reader on one
 * input and holds it to the project's promise for bad input: it is read, or rejected with a message
 * that names the file, has at most {@link Builder#messageLines} lines and no raw control
 * characters; within {@link Builder#timeLimit}; allocating at most {@code bytesPerInputByte} times
 * the file size plus {@code fixedAllocation} bytes on the Java heap.
 *
 * <pre>{@code
 * static final FuzzTarget NPZ = FuzzTarget.builder("npz", file -> NpzFiles.read(file))
 *     .rejection(BadFileException.class).fileName("input.npz")
 *     .corpus(Path.of("src/test/resources/fuzz/npz/seeds"))
 *     .mutators(ByteMutators.all()).mutators(ZipMutators.structural()).build();
 * }</pre>
 */
public final class FuzzTarget {
  /** Reads one file; throws the target's rejection type for bad input. */
  @FunctionalInterface
  public interface Reader {
    void read(Path file) throws Exception;
  }

  private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final Path FINDINGS = Path.of("target", "fuzz-findings");
  /**
   * Whether Jazzer is fuzzing (JAZZER_FUZZ set): its comparison hooks allocate on the reader's
   * thread, so the heap bound is left to the other runs, which see the reader alone.
   */
  private static final boolean INSTRUMENTED =
      System.getenv("JAZZER_FUZZ") != null && !System.getenv("JAZZER_FUZZ").isBlank();

  private final String name;
  private final Reader reader;
  private final List<Class<? extends Throwable>> rejections;
  private final String fileName;
  private final List<byte[]> seeds;
  private final List<Mutator> mutators;
  private final int messageLines;
  private final Duration timeLimit;
  private final long bytesPerInputByte;
  private final long fixedAllocation;
  private ExecutorService worker;
  private final Path scratch;

  private FuzzTarget(Builder b) throws IOException {
    this.name = b.name;
    this.reader = b.reader;
    this.rejections = List.copyOf(b.rejections);
    this.fileName = b.fileName;
    this.mutators = List.copyOf(b.mutators);
    this.messageLines = b.messageLines;
    this.timeLimit = b.timeLimit;
    this.bytesPerInputByte = b.bytesPerInputByte;
    this.fixedAllocation = b.fixedAllocation;
    this.seeds = new ArrayList<>();
    try (Stream<Path> files = Files.list(b.corpus)) {
      for (Path p : files.sorted().toList()) {
        seeds.add(Files.readAllBytes(p));
      }
    }
    if (seeds.isEmpty() || mutators.isEmpty()) {
      throw new IllegalArgumentException(name + ": an empty corpus or no mutators");
    }
    this.worker = newWorker();
    this.scratch = Files.createTempDirectory("fuzz-" + name);
  }

  private ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz-" + name);
      t.setDaemon(true);
      return t;
    });
  }

  public static Builder builder(String name, Reader reader) {
    return new Builder(name, reader);
  }

  public String name() {
    return name;
  }

  /** A seed file with one to four stacked mutations, chosen by {@code random}. */
  public byte[] mutant(Random random) {
    byte[] out = seeds.get(random.nextInt(seeds.size()));
    int depth = 1 + random.nextInt(4);
    for (int i = 0; i < depth; i++) {
      out = mutators.get(random.nextInt(mutators.size())).mutate(out, random);
    }
    return out;
  }

  /**
   * Checks mutants for the {@link FuzzBudget#fromSystemProperties() budget} asked for and prints
   * one summary line. A short run stops at the first failure; a long one collects them all.
   */
  public void fuzz() {
    fuzz(FuzzBudget.fromSystemProperties());
  }

  /** Checks mutants for {@code budget}; see {@link #fuzz()}. */
  public void fuzz(FuzzBudget budget) {
    FuzzBudget.Tally tally = new FuzzBudget.Tally();
    Random random = new Random(budget.seed() ^ name.hashCode());
    long start = System.nanoTime();
    long end = start + budget.seconds() * 1_000_000_000L;
    try {
      while (budget.timed() ? System.nanoTime() < end : tally.tries < budget.tries()) {
        byte[] input = mutant(random);
        tally.tries++;
        String problem = problemWith(input, tally);
        if (problem != null) {
          if (!budget.timed()) {
            throw new AssertionError(name + ": mutant " + tally.tries + " (seed "
                + budget.seed() + ") " + problem);
          }
          if (tally.failure(problem)) {
            System.out.println("fuzz " + name + ": FAILURE " + problem);
          }
        }
      }
    } finally {
      System.out.println(tally.summary(name, (System.nanoTime() - start) / 1e9, budget.seed()));
    }
    if (!tally.failures.isEmpty()) {
      StringBuilder b = new StringBuilder(name + ": " + tally.failures.size()
          + " distinct failures (inputs under " + FINDINGS.toAbsolutePath() + "):");
      tally.failures.forEach((sig, count) -> b.append("\n  x").append(count).append(" ").append(sig));
      throw new AssertionError(b.toString());
    }
  }

  /** Runs the reader on {@code bytes} written to a file; see the class comment. */
  public void check(byte[] bytes) {
    String problem = problemWith(bytes, new FuzzBudget.Tally());
    if (problem != null) {
      throw new AssertionError(name + ": " + problem);
    }
  }

  private boolean warm;

  /**
   * Reads the first seed once with a generous limit (four times the time limit), so that class loading and engine start-up (a
   * native library, a JIT) are not charged to the first input.
   */
  private void warmUp() {
    if (warm) {
      return;
    }
    warm = true;
    Path file = scratch.resolve("warm-up-" + fileName);
    Future<?> f = null;
    try {
      Files.write(file, seeds.get(0));
      f = worker.submit(() -> {
        try {
          reader.read(file);
        } catch (Exception e) {
          // Judged with limits by the checks that follow.
        }
      });
      f.get(4 * timeLimit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // A reader that hangs on a valid file: the checks that follow report it.
      f.cancel(true);
      worker.shutdownNow();
      worker = newWorker();
    } catch (IOException | ExecutionException e) {
      throw new IllegalStateException(name + ": the warm-up read failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String problemWith(byte[] bytes, FuzzBudget.Tally tally) {
    warmUp();
    Path file = scratch.resolve(fileName);
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the fuzz input " + file, e);
    }
    String problem = problem(file, bytes.length);
    if (problem == null) {
      if (lastAccepted) {
        tally.read++;
      } else {
        tally.rejected++;
      }
      return null;
    }
    return problem + "\n  input saved as " + save(bytes);
  }

  /** Runs {@link #check} on every file of a regression corpus folder. */
  public void checkCorpus(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      for (Path p : files.sorted().toList()) {
        check(Files.readAllBytes(p));
      }
    }
  }

  /**
   * A missing file, a folder and a FIFO where the file is expected must each be rejected (within
   * the time limit: a FIFO must not block), with a message naming the path.
   */
  public void checkSpecialFiles() throws IOException, InterruptedException {
    warmUp();
    Path dir = Files.createTempDirectory(scratch, "special");
    Path missing = dir.resolve("missing-" + fileName);
    Path folder = Files.createDirectory(dir.resolve("folder-" + fileName));
    Path fifo = dir.resolve("fifo-" + fileName);
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    if (mkfifo.waitFor() != 0) {
      throw new IllegalStateException("mkfifo failed for " + fifo);
    }
    for (Path p : List.of(missing, folder, fifo)) {
      Outcome o = run(p);
      String problem = o.problem(p);
      if (problem == null && o.error == null) {
        problem = "accepted " + p + ", which is not a readable file";
      }
      if (problem != null) {
        throw new AssertionError(name + ": " + problem);
      }
    }
  }

  private boolean lastAccepted;

  private String problem(Path file, long size) {
    Outcome o = run(file);
    lastAccepted = o.error == null && !o.timedOut;
    String problem = o.problem(file);
    if (problem == null && !INSTRUMENTED
        && o.allocated > bytesPerInputByte * size + fixedAllocation) {
      problem = "allocated " + o.allocated + " bytes for a " + size + "-byte input (limit "
          + (bytesPerInputByte * size + fixedAllocation) + ")";
    }
    return problem;
  }

  private final class Outcome {
    Throwable error;
    long allocated;
    boolean timedOut;

    String problem(Path file) {
      if (timedOut) {
        return "did not finish within " + timeLimit.toMillis() + " ms (a hang?)";
      }
      if (error == null) {
        return null;
      }
      if (rejections.stream().noneMatch(c -> c.isInstance(error))) {
        return "threw " + stackTrace(error);
      }
      String message = error.getMessage();
      if (message == null || !message.contains(file.getFileName().toString())) {
        return "rejected without naming the file: " + message;
      }
      if (message.lines().count() > messageLines) {
        return "a message of more than " + messageLines + " line(s): " + message;
      }
      for (char c : message.toCharArray()) {
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
          return "raw control character " + (int) c + " in the message: "
              + message.replaceAll("\\p{Cntrl}", "?");
        }
      }
      return null;
    }
  }

  private Outcome run(Path file) {
    Outcome o = new Outcome();
    Future<?> f = worker.submit(() -> {
      long before = THREADS.getCurrentThreadAllocatedBytes();
      try {
        reader.read(file);
      } catch (Throwable t) {
        o.error = t;
      } finally {
        o.allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
      }
    });
    try {
      f.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      worker.shutdownNow();
      worker = newWorker();
      o.timedOut = true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
    return o;
  }

  private Path save(byte[] bytes) {
    try {
      String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      Path dir = Files.createDirectories(FINDINGS.resolve(name));
      Path out = dir.resolve(hash.substring(0, 16) + "-" + fileName);
      Files.write(out, bytes);
      return out.toAbsolutePath();
    } catch (IOException | NoSuchAlgorithmException e) {
      return Path.of("(not saved: " + e.getMessage() + ")");
    }
  }

  private static String stackTrace(Throwable t) {
    java.io.StringWriter w = new java.io.StringWriter();
    t.printStackTrace(new java.io.PrintWriter(w));
    return w.toString();
  }

  /** Configures a {@link FuzzTarget}. */
  public static final class Builder {
    private final String name;
    private final Reader reader;
    private final List<Class<? extends Throwable>> rejections = new ArrayList<>();
    private final List<Mutator> mutators = new ArrayList<>();
    private String fileName = "input";
    private Path corpus;
    private int messageLines = 1;
    private Duration timeLimit = Duration.ofSeconds(30);
    private long bytesPerInputByte = 64;
    private long fixedAllocation = 64L << 20;

    private Builder(String name, Reader reader) {
      this.name = name;
      this.reader = reader;
    }

    /** An exception type the reader uses for bad input (several may be given). */
    public Builder rejection(Class<? extends Throwable> type) {
      rejections.add(type);
      return this;
    }

    /** The name of the file the reader is handed (its extension may matter to the reader). */
    public Builder fileName(String fileName) {
      this.fileName = fileName;
      return this;
    }

    /** A folder of valid files to mutate. */
    public Builder corpus(Path folder) {
      this.corpus = folder;
      return this;
    }

    public Builder mutators(List<Mutator> more) {
      mutators.addAll(more);
      return this;
    }

    /** The most lines a rejection message may have (1 unless the format is a compiler report). */
    public Builder messageLines(int lines) {
      this.messageLines = lines;
      return this;
    }

    public Builder timeLimit(Duration limit) {
      this.timeLimit = limit;
      return this;
    }

    /** Heap the reader may allocate: {@code perInputByte * size + fixed} bytes. */
    public Builder allocationLimit(long perInputByte, long fixed) {
      this.bytesPerInputByte = perInputByte;
      this.fixedAllocation = fixed;
      return this;
    }

    public FuzzTarget build() {
      try {
        return new FuzzTarget(this);
      } catch (IOException e) {
        throw new IllegalStateException("cannot read the corpus of " + name + ": " + corpus, e);
      }
    }
  }
}
