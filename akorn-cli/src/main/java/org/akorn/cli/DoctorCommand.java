package org.akorn.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import org.akorn.dsl.model.InputKind;
import org.akorn.dsl.model.InputSpec;
import org.akorn.runtime.AkornInput;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.PrecisionCheck;
import org.akorn.runtime.engine.ConvKey;
import org.akorn.runtime.engine.ConvolutionPlan;
import org.akorn.runtime.engine.ConvolutionPlanner;
import org.akorn.runtime.engine.EngineDiagnosis;
import org.akorn.runtime.engine.NoRightConvolutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code akorn doctor}: versions, device, threads, CPU and the engine self-check with the plans of
 * its convolution shapes; with {@code --model FILE}, the plan of every convolution geometry the
 * model uses and its float32 results against float64. Exit 0 when every check is right on the
 * paths in use, 1 when some convolution has no right path. What to paste into a bug report.
 */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Print Java, DJL, PyTorch and native library versions, device, threads, CPU model and flags,"
          + " and the engine self-check (convolution forward and gradients, batched matmul,"
          + " against double-precision loops) with the verified convolution plan of each shape"
          + " checked.",
      "With --model, also run that model forward and backward on random inputs (batch 2), list"
          + " the verified plan of every convolution geometry it uses, and compare its output and"
          + " every parameter gradient in float32 against float64.",
      "Exit status 0 when every check is right on the paths in use, 1 when a convolution has no"
          + " right path."
    })
public final class DoctorCommand implements Callable<Integer> {
  static final int BATCH = 2;
  static final long SEED = 7;

  @Spec CommandSpec spec;

  @Option(
      names = "--model",
      paramLabel = "FILE.akorn",
      description = "A model file to check as it will run: its convolution plans and float32 vs float64.")
  Path model;

  @Option(names = "--name", paramLabel = "NAME", description = "Which model of the file (needed when it has several).")
  String name;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println(new AkornCli.Version().getVersion()[0]);
    EngineDiagnosis diagnosis = EngineDiagnosis.collect();
    diagnosis.lines().forEach(out::println);
    out.flush();
    boolean healthy = diagnosis.report().healthy();
    if (model != null) {
      healthy &= checkModel(out);
    }
    out.flush();
    return healthy ? 0 : AkornCli.EXIT_USER_ERROR;
  }

  private boolean checkModel(PrintWriter out) {
    if (!Files.isRegularFile(model)) {
      throw new UserException("model file " + model + " does not exist");
    }
    CompiledModel compiled =
        CompiledModel.fromFile(model, name, Map.of(), spec.commandLine().getErr());
    Set<ConvKey> before = new HashSet<>();
    ConvolutionPlanner.shared().plans().forEach(p -> before.add(p.key()));
    out.println("model " + compiled.spec().name() + " (" + model + "), batch " + BATCH
        + ", random inputs, seed " + SEED + ":");
    PrecisionCheck.Result result;
    try (AkornModel m = compiled.build(); NDManager manager = NDManager.newBaseManager()) {
      result = PrecisionCheck.run(m.network(), inputs(compiled.spec().inputs(), manager), SEED);
    } catch (NoRightConvolutionException e) {
      out.println("  " + e.getMessage());
      out.println("result: WRONG results for this model on this machine; do not trust them here");
      return false;
    }
    List<ConvolutionPlan> plans = new ArrayList<>();
    for (ConvolutionPlan p : ConvolutionPlanner.shared().plans()) {
      if (!before.contains(p.key())) {
        plans.add(p);
      }
    }
    plans.sort(Comparator.comparing(ConvolutionPlan::toString));
    out.println("convolution plans (" + plans.size() + " geometries, float32 and float64):");
    plans.forEach(p -> out.println("  " + p));
    long detours = plans.stream().filter(ConvolutionPlan::detour).count();
    out.println("float32 against float64 (max |difference| / max |float64|):");
    out.println("  " + result.output());
    result.gradients().forEach(d -> out.println("  " + d));
    out.println("result: " + plans.size() + " convolution geometries verified right ("
        + detours + " on detours); worst float32 difference " + result.worst());
    return true;
  }

  /** The model's primary input (the first that is not a mask) and its mask, random, batch 2. */
  static AkornInput inputs(List<InputSpec> specs, NDManager manager) {
    Random random = new Random(SEED);
    NDArray input = null;
    NDArray mask = null;
    for (InputSpec in : specs) {
      long[] dims = new long[in.dims().size() + 1];
      dims[0] = BATCH;
      for (int i = 0; i < in.dims().size(); i++) {
        dims[i + 1] = in.dims().get(i).value();
      }
      Shape shape = new Shape(dims);
      int n = Math.toIntExact(shape.size());
      NDArray a;
      switch (in.kind()) {
        case INT_GRID -> {
          int lo = Math.toIntExact(in.min().value());
          int hi = Math.toIntExact(in.max().value());
          int[] v = new int[n];
          for (int i = 0; i < n; i++) {
            v[i] = lo + random.nextInt(hi - lo + 1);
          }
          a = manager.create(v, shape);
        }
        case BOOL_MASK -> {
          boolean[] v = new boolean[n];
          for (int i = 0; i < n; i++) {
            v[i] = random.nextBoolean();
          }
          a = manager.create(v, shape);
        }
        case FLOAT_IMAGE -> a = uniform(manager, random, shape, 0, 1);
        default -> a = uniform(manager, random, shape, -1, 1);
      }
      if (in.kind() == InputKind.BOOL_MASK) {
        mask = mask == null ? a : mask;
      } else {
        input = input == null ? a : input;
      }
    }
    if (input == null) {
      throw new UserException("the model declares no input to run it on");
    }
    AkornInput result = AkornInput.of(input);
    return mask == null ? result : result.withMask(mask);
  }

  private static NDArray uniform(NDManager m, Random random, Shape shape, double lo, double hi) {
    float[] v = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (lo + (hi - lo) * random.nextDouble());
    }
    return m.create(v, shape).toType(DataType.FLOAT32, false);
  }
}
