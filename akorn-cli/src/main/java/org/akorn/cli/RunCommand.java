package org.akorn.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.akorn.dsl.model.ModelSpec;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.AkornResult;
import org.akorn.runtime.RunOptions;
import org.akorn.runtime.io.AtomicFiles;
import org.akorn.runtime.io.BadFileException;
import org.akorn.runtime.io.NpyArray;
import org.akorn.runtime.io.NpzFiles;
import org.akorn.runtime.nn.KuramotoResult;
import org.akorn.runtime.weights.WeightImportException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code akorn run MODEL.akorn --weights W.npz --inputs I.npz --out O.npz} (or {@code akorn run
 * --checkpoint model.ckpt --inputs I.npz --out O.npz}): generates the model's Java class, compiles
 * it in process against this tool's class path and runs it, so the same generated code as in a
 * Maven build is exercised; a checkpoint written by {@code akorn train} carries the model's
 * source, so it needs no {@code .akorn} file. O.npz holds every declared output by name, plus
 * {@code states.<layer>.<t>} (the state after update t+1) and {@code energies.<layer>.<t>} (e_0 = 0).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run a model on inputs from an .npz file, with imported reference weights or"
        + " from a checkpoint of akorn train.")
public final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL.akorn",
      description = "The model file (not with --checkpoint).")
  Path file;

  @Option(names = "--checkpoint", paramLabel = "model.ckpt",
      description = "A checkpoint of akorn train: the model and its weights, no .akorn file needed.")
  Path checkpoint;

  @Option(names = "--model", paramLabel = "NAME", description = "Which model of the file (needed when it has several).")
  String modelName;

  @Option(names = "--weights", paramLabel = "W.npz", description = "Reference state_dict (.npz).")
  Path weights;

  @Option(names = "--inputs", required = true, paramLabel = "I.npz", description = "One array per declared input, by name.")
  Path inputs;

  @Option(names = "--initial", paramLabel = "X0.npy", description = "Initial oscillator state of the first layer.")
  Path initial;

  @Option(names = "--steps", paramLabel = "T", description = "Kuramoto steps per layer (test-time extension).")
  Integer steps;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of the initial noise (default 0).")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "O.npz", description = "Where the outputs go (written atomically).")
  Path out;

  @Option(names = "-P", paramLabel = "name=value", description = "Override a hyper-parameter default.")
  List<String> overrides;

  @Override
  public Integer call() throws Exception {
    var err = spec.commandLine().getErr();
    if ((file == null) == (checkpoint == null)) {
      throw new UserException("give either MODEL.akorn (with --weights) or --checkpoint");
    }
    CompiledModel compiled;
    if (checkpoint != null) {
      if (weights != null || overrides != null || modelName != null) {
        throw new UserException("--checkpoint brings its own model and weights; drop --weights,"
            + " --model and -P");
      }
      compiled = CompiledModel.fromCheckpoint(checkpoint, err);
    } else {
      if (weights == null) {
        throw new UserException("--weights is required with a MODEL.akorn file");
      }
      compiled = CompiledModel.fromFile(file, modelName, Overrides.parse(overrides), err);
    }
    ModelSpec model = compiled.spec();
    try (AkornModel m = checkpoint != null ? compiled.load(checkpoint) : compiled.build();
        NDManager manager = NDManager.newBaseManager()) {
      if (checkpoint == null) {
        importWeights(m);
      }
      Map<String, NDArray> in = readNpz(manager, inputs, "--inputs");
      NDArray x0 = initial == null ? null : readArray(manager, initial);
      RunOptions options = RunOptions.defaults().withKeepStates(true).withSeed(seed);
      if (steps != null) {
        if (steps < 1) {
          throw new UserException("--steps must be at least 1, got " + steps);
        }
        options = options.withSteps(steps);
      }
      AkornResult r;
      try {
        r = m.forward(in, x0, options);
      } catch (IllegalArgumentException e) {
        throw new UserException(e.getMessage());
      }
      NDList list = new NDList();
      for (String name : m.outputNames()) {
        add(list, name, r.output(name));
      }
      for (int l = 0; l < r.layers().size(); l++) {
        KuramotoResult layer = r.layers().get(l);
        for (int t = 0; t < layer.states().size(); t++) {
          add(list, "states." + l + "." + t, layer.states().get(t));
        }
        for (int t = 0; t < layer.energies().size(); t++) {
          add(list, "energies." + l + "." + t, layer.energies().get(t));
        }
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      list.encode(bytes, NDList.Encoding.NPZ);
      writeOut(bytes.toByteArray());
    }
    var o = spec.commandLine().getOut();
    o.println("ran " + model.qualifiedName() + ": " + out);
    o.flush();
    return 0;
  }

  private void importWeights(AkornModel m) throws IOException {
    try {
      m.importReferenceWeights(weights);
    } catch (BadFileException e) {
      throw new UserException("--weights: " + e.getMessage());
    } catch (WeightImportException e) {
      throw new UserException("weights " + weights + " do not fit " + m.modelName() + ": " + e.getMessage());
    }
  }

  /** The outputs go to a temporary file beside {@code --out}, then replace it; see AtomicFiles. */
  private void writeOut(byte[] bytes) {
    try {
      AtomicFiles.write(out, bytes);
    } catch (BadFileException e) {
      throw new UserException("--out: " + e.getMessage());
    } catch (IOException e) {
      throw new UserException("--out: cannot write " + out + ": " + e.getMessage());
    }
  }

  private static void add(NDList list, String name, NDArray array) {
    NDArray copy = array.duplicate();
    copy.setName(name);
    list.add(copy);
  }

  private static Map<String, NDArray> readNpz(NDManager manager, Path npz, String option) {
    List<NpyArray> arrays = read(npz, option);
    Map<String, NDArray> byName = new LinkedHashMap<>();
    for (NpyArray a : arrays) {
      if (a.name() == null) {
        throw new UserException(option + ": " + npz + " holds an unnamed array (a .npy file?);"
            + " save one array per input by name, e.g. numpy.savez(file, digits=d, given=g)");
      }
      byName.put(a.name(), a.toNDArray(manager));
    }
    return byName;
  }

  private static NDArray readArray(NDManager manager, Path npy) {
    List<NpyArray> arrays = read(npy, "--initial");
    if (arrays.size() != 1) {
      throw new UserException("--initial: expected one array in " + npy + ", found " + arrays.size());
    }
    return arrays.get(0).toNDArray(manager);
  }

  /** Reads and validates an .npz/.npy file; NaN or infinity is refused naming the array. */
  private static List<NpyArray> read(Path file, String option) {
    try {
      List<NpyArray> arrays = NpzFiles.read(file);
      NpzFiles.requireFinite(arrays, file.toString(), "input");
      return arrays;
    } catch (BadFileException e) {
      throw new UserException(option + ": " + e.getMessage());
    }
  }
}
