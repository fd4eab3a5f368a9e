package org.akorn.runtime.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.akorn.runtime.AkornInput;
import org.akorn.runtime.AkornNetwork;
import org.akorn.runtime.AkornResult;
import org.akorn.runtime.ReferenceModels;
import org.akorn.runtime.RunOptions;
import org.akorn.runtime.train.BlockTrainer;
import org.akorn.runtime.train.TrainingLoss;

/**
 * The speed benchmark behind {@code akorn bench}: the three reference model families at batch 16
 * on random inputs, timed as one no-grad forward pass and as one training step (forward, backward,
 * Adam) with loss {@code mean(output^2)}, the median of {@code reps} after a warm-up.
 *
 * <p>Configurations (reference constructor arguments, built by {@link ReferenceModels}):
 *
 * <ul>
 *   <li>{@code sudoku}: digits {@code [9, 9]}, ch 128, n 4, one GTA attention layer, heads 8, T 16,
 *       Omega global 0.1 fixed, no c_norm, full read-out, per-cell head;
 *   <li>{@code objects}: image {@code [3, 32, 32]}, patchify 4, ch 128, n 4, one GTA attention
 *       layer, heads 8, T 8, no c_norm, no Omega, max-pool MLP head;
 *   <li>{@code classification}: image {@code [3, 32, 32]}, ch 32, L 3, conv kernels 9, 7, 5, T 3,
 *       n 4, read-out N 2 with batch norm, c_norm group, Omega global 1.0 learnable, avg-pool
 *       linear head, 10 classes.
 * </ul>
 *
 * <p>Everything runs on the engine's default device (the GPU when the CUDA natives are on the
 * class path). Timings end with a read-back of a scalar, so an asynchronous device is measured to
 * completion. The engine's thread counts are set by the system properties {@code
 * ai.djl.pytorch.num_threads} / {@code ai.djl.pytorch.num_interop_threads}, which must be set
 * before the engine starts ({@link #setThreads}).
 */
public final class Benchmarks {
  /** The models, in the order {@code all} runs them. */
  public static final List<String> MODELS = List.of("sudoku", "objects", "classification");

  /**
   * Configurations run only when named: {@code classification24} is {@code classification} with
   * ch 24 (layers of 24, 48 and 96 channels), a channel count that is not a multiple of 16, where
   * the convolution detour of {@link org.akorn.runtime.engine.EngineChecks} does extra work.
   */
  public static final List<String> EXTRA_MODELS = List.of("classification24");

  /** Batch size of every configuration. */
  public static final int BATCH = 16;

  /** Timed repetitions by default (as the reference measurement). */
  public static final int DEFAULT_REPS = 5;

  /** Operations listed per profiled measurement. */
  static final int PROFILE_ROWS = 25;

  /** Untimed passes before the timed ones. */
  public static final int WARMUP = 1;

  private Benchmarks() {}

  /**
   * One model's result.
   *
   * @param model the configuration's name
   * @param batch samples per pass
   * @param forwardMs median wall time of one no-grad forward pass, milliseconds
   * @param trainStepMs median wall time of one training step, milliseconds
   * @param forwardCpuMs median process CPU time of one forward pass (all threads), milliseconds;
   *     less sensitive than wall time to other processes on a shared machine
   * @param trainStepCpuMs the same for one training step
   */
  public record Result(
      String model,
      int batch,
      double forwardMs,
      double trainStepMs,
      double forwardCpuMs,
      double trainStepCpuMs) {

    /** A result at the default batch without CPU times. */
    public Result(String model, double forwardMs, double trainStepMs) {
      this(model, BATCH, forwardMs, trainStepMs, Double.NaN, Double.NaN);
    }

    /** Samples per second of the forward pass (batch / median time). */
    public double forwardSamplesPerSecond() {
      return batch * 1000.0 / forwardMs;
    }

    /** Samples per second of the training step. */
    public double trainSamplesPerSecond() {
      return batch * 1000.0 / trainStepMs;
    }

    /** The stderr summary: wall and process CPU medians, throughput. */
    public String summary() {
      return String.format(
          Locale.ROOT,
          "%s: forward %.1f ms (process cpu %.1f ms, %.1f samples/s), train step %.1f ms"
              + " (process cpu %.1f ms, %.1f samples/s)",
          model,
          forwardMs,
          forwardCpuMs,
          forwardSamplesPerSecond(),
          trainStepMs,
          trainStepCpuMs,
          trainSamplesPerSecond());
    }

    /** The JSON line {@code akorn bench} prints. */
    public String toJson() {
      return String.format(
          Locale.ROOT,
          "{\"model\": \"%s\", \"batch\": %d, \"forward\": %.1f, \"train_step\": %.1f,"
              + " \"unit\": \"ms median\", \"forward_samples_per_s\": %.1f,"
              + " \"train_samples_per_s\": %.1f}",
          model,
          batch,
          forwardMs,
          trainStepMs,
          forwardSamplesPerSecond(),
          trainSamplesPerSecond());
    }
  }

  /** The engine and machine the benchmark runs on, as reported on stderr. */
  public record EngineInfo(
      String engine, String version, Device device, int intraOpThreads, int interOpThreads) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%s %s on %s, intra-op threads %d, inter-op threads %d",
          engine,
          version,
          device,
          intraOpThreads,
          interOpThreads);
    }
  }

  /**
   * Asks the PyTorch engine for {@code threads} intra-op and inter-op threads. Takes effect only
   * if the engine has not started yet; {@link #engineInfo} tells what it got.
   */
  public static void setThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
    System.setProperty("ai.djl.pytorch.num_interop_threads", Integer.toString(threads));
  }

  /** Starts the engine if needed and reports its version, default device and thread counts. */
  public static EngineInfo engineInfo() {
    Engine engine = Engine.getInstance();
    int intra = -1;
    int inter = -1;
    if ("PyTorch".equals(engine.getEngineName())) {
      intra = ai.djl.pytorch.jni.JniUtils.getNumThreads();
      inter = ai.djl.pytorch.jni.JniUtils.getNumInteropThreads();
    }
    return new EngineInfo(
        engine.getEngineName(), engine.getVersion(), engine.defaultDevice(), intra, inter);
  }

  /** The names {@code model} stands for ({@code all} or one of {@link #MODELS}). */
  public static List<String> resolve(String model) {
    if ("all".equals(model)) {
      return MODELS;
    }
    if (!MODELS.contains(model) && !EXTRA_MODELS.contains(model)) {
      throw new IllegalArgumentException(
          "unknown model '" + model + "'; expected one of sudoku, objects, classification,"
              + " classification24, all");
    }
    return List.of(model);
  }

  /** The benchmark configuration of {@code model} (not initialised). */
  public static AkornNetwork network(String model) {
    return switch (model) {
      case "sudoku" -> ReferenceModels.sudoku(
          kwargs("n", 4, "ch", 128, "L", 1, "T", 16, "heads", 8, "init_omg", 0.1f,
              "learn_omg", false, "use_omega", true, "global_omg", true));
      case "objects" -> ReferenceModels.objects(
          kwargs("n", 4, "ch", 128, "L", 1, "T", 8, "psize", 4, "imsize", 32, "heads", 8,
              "gta", true, "c_norm", "none", "use_omega", false));
      case "classification", "classification24" -> ReferenceModels.classification(
          kwargs("ch", model.equals("classification") ? 32 : 24, "L", 3,
              "ksizes", List.of(9, 7, 5), "T", 3, "n", 4, "ro_N", 2,
              "norm", "bn", "c_norm", "gn", "use_omega", true, "init_omg", 1.0f,
              "learn_omg", true, "out_classes", 10));
      default -> throw new IllegalArgumentException("unknown model '" + model + "'");
    };
  }

  private static Map<String, Object> kwargs(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  /**
   * Random inputs of {@code model} at batch {@link #BATCH}: {@code (digits, mask, noise)} for
   * Sudoku, {@code (image, ignored mask, noise)} for the image models; on {@code manager}'s device.
   */
  static NDList inputs(NDManager manager, String model, long seed) {
    return inputs(manager, model, seed, BATCH);
  }

  /** Random inputs of {@code model} at {@code batch}. */
  static NDList inputs(NDManager manager, String model, long seed, int batch) {
    Random random = new Random(seed);
    if (model.equals("sudoku")) {
      int cells = batch * 81;
      float[] digits = new float[cells];
      float[] mask = new float[cells];
      for (int i = 0; i < cells; i++) {
        boolean clue = random.nextInt(3) == 0;
        digits[i] = clue ? 1 + random.nextInt(9) : 0;
        mask[i] = clue ? 1 : 0;
      }
      return new NDList(
          manager.create(digits, new Shape(batch, 9, 9)),
          manager.create(mask, new Shape(batch, 9, 9)),
          gaussian(manager, random, new Shape(batch, 128, 9, 9)));
    }
    NDArray image = uniform(manager, random, new Shape(batch, 3, 32, 32));
    int side = model.equals("objects") ? 8 : 32;
    int ch = model.equals("objects") ? 128 : model.equals("classification24") ? 24 : 32;
    // AkornNetwork.forward reads (input, mask, noise); the noise initial state ignores the mask,
    // which is only there so that the noise can be passed in the third slot.
    return new NDList(
        image,
        manager.ones(new Shape(batch, side, side)),
        gaussian(manager, random, new Shape(batch, ch, side, side)));
  }

  private static NDArray uniform(NDManager manager, Random random, Shape shape) {
    float[] a = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < a.length; i++) {
      a[i] = random.nextFloat();
    }
    return manager.create(a, shape);
  }

  private static NDArray gaussian(NDManager manager, Random random, Shape shape) {
    float[] a = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) random.nextGaussian();
    }
    return manager.create(a, shape);
  }

  private static AkornInput asInput(NDList in) {
    return new AkornInput(in.get(0), in.get(1), in.get(2));
  }

  /**
   * Times one model on the engine's default device.
   *
   * @param model one of {@link #MODELS}
   * @param reps timed repetitions (at least 1); the median is reported
   * @param progress told each pass's wall and CPU time as it ends (one line each), e.g. {@code
   *     System.err::println}
   */
  public static Result run(String model, int reps, Consumer<String> progress) {
    return run(model, reps, BATCH, progress);
  }

  /** {@link #run(String, int, Consumer)} at {@code batch} samples per pass. */
  public static Result run(String model, int reps, int batch, Consumer<String> progress) {
    return run(model, reps, batch, null, progress);
  }

  /**
   * {@link #run(String, int, int, Consumer)}, and when {@code profileDir} is not null the timed
   * passes run under the engine's profiler: {@code <model>-forward.trace.json} and {@code
   * <model>-train.trace.json} are written there and the operations with the most self time are
   * told to {@code progress}. Profiled passes are slower than plain ones.
   */
  public static Result run(
      String model, int reps, int batch, Path profileDir, Consumer<String> progress) {
    if (reps < 1) {
      throw new IllegalArgumentException("reps must be at least 1, got " + reps);
    }
    checkBatch(batch);
    resolve(model);
    try (NDManager manager = NDManager.newBaseManager()) {
      AkornNetwork net = network(model);
      NDList data = inputs(manager, model, 42L, batch);
      net.initialize(manager, DataType.FLOAT32, data.get(0).getShape());
      ParameterStore ps = new ParameterStore(manager, false);

      double[] forward = new double[reps];
      double[] forwardCpu = new double[reps];
      PassProfiler forwardProfile = new PassProfiler(profileDir, model + "-forward.trace.json");
      for (int i = -WARMUP; i < reps; i++) {
        forwardProfile.start(i);
        try (NDManager rep = manager.newSubManager()) {
          data.tempAttach(rep);
          long c0 = cpuNanos();
          long t0 = System.nanoTime();
          AkornResult r = net.run(ps, asInput(data), RunOptions.defaults());
          r.output(net.outputName()).sum().getFloat(); // read back: waits for the device
          long t1 = System.nanoTime();
          long c1 = cpuNanos();
          forwardProfile.stop(i);
          progress.accept(label(model, "forward", i, reps, t1 - t0, c1 - c0));
          if (i >= 0) {
            forward[i] = (t1 - t0) / 1e6;
            forwardCpu[i] = (c1 - c0) / 1e6;
          }
        }
      }
      forwardProfile.report(model + ": forward", progress);

      double[] train = new double[reps];
      double[] trainCpu = new double[reps];
      TrainingLoss loss = (predictions, labels) -> predictions.get(0).square().mean();
      PassProfiler trainProfile = new PassProfiler(profileDir, model + "-train.trace.json");
      try (BlockTrainer trainer = BlockTrainer.builder(net, loss).build(manager)) {
        for (int i = -WARMUP; i < reps; i++) {
          trainProfile.start(i);
          try (NDManager rep = manager.newSubManager()) {
            data.tempAttach(rep);
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            trainer.step(data, new NDList()); // returns the loss as a float: waits for the device
            long t1 = System.nanoTime();
            long c1 = cpuNanos();
            trainProfile.stop(i);
            progress.accept(label(model, "train step", i, reps, t1 - t0, c1 - c0));
            if (i >= 0) {
              train[i] = (t1 - t0) / 1e6;
              trainCpu[i] = (c1 - c0) / 1e6;
            }
          }
        }
        trainProfile.report(model + ": train step", progress);
      }
      return new Result(
          model, batch, median(forward), median(train), median(forwardCpu), median(trainCpu));
    }
  }

  /**
   * The engine's profiler around each timed pass, one session per pass (a session spanning several
   * training passes slows the engine down pass after pass): the first timed pass's Chrome trace is
   * kept, and the table is the mean over all timed passes. Does nothing when {@code dir} is null.
   */
  private static final class PassProfiler {
    private final Path trace;
    private final List<List<OpProfile.OpTime>> passes = new ArrayList<>();

    PassProfiler(Path dir, String traceName) {
      this.trace = dir == null ? null : dir.resolve(traceName);
    }

    void start(int pass) {
      if (trace != null && pass >= 0) {
        OpProfile.start();
      }
    }

    void stop(int pass) {
      if (trace == null || pass < 0) {
        return;
      }
      Path file = trace;
      try {
        if (pass > 0) {
          Path parent = trace.toAbsolutePath().getParent();
          Files.createDirectories(parent);
          file = Files.createTempFile(parent, "pass-", ".trace.json");
        }
        try {
          passes.add(OpProfile.stop(file, 1));
        } finally {
          if (pass > 0) {
            Files.deleteIfExists(file); // only the first pass's trace is kept
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the profile " + file, e);
      }
    }

    void report(String what, Consumer<String> progress) {
      if (trace == null) {
        return;
      }
      progress.accept(
          what
              + ": self time per pass by operation (engine profiler, mean of "
              + passes.size()
              + " passes); the first pass's trace: "
              + trace);
      OpProfile.table(OpProfile.mean(passes), PROFILE_ROWS)
          .forEach(line -> progress.accept("  " + line));
    }
  }

  private static String label(String model, String what, int i, int reps, long wall, long cpu) {
    return String.format(
        Locale.ROOT,
        "%s: %s %s: %.1f ms (process cpu %.1f ms)",
        model,
        what,
        i < 0 ? "warm-up" : (i + 1) + "/" + reps,
        wall / 1e6,
        cpu / 1e6);
  }

  /** CPU time of this process (all threads), or 0 where the JVM does not tell. */
  private static long cpuNanos() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0L, os.getProcessCpuTime());
    }
    return 0L;
  }

  /** The median (mean of the middle two for an even count). */
  static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
  }

  private static void checkBatch(int batch) {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be at least 1, got " + batch);
    }
  }

  /** Runs every model of {@code names} in order. */
  public static List<Result> runAll(List<String> names, int reps, Consumer<String> progress) {
    List<Result> out = new ArrayList<>();
    for (String name : names) {
      out.add(run(name, reps, progress));
    }
    return out;
  }
}
