package org.akorn.cli;

import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.akorn.codegen.AkornCodegen;
import org.akorn.codegen.GenerationRequest;
import org.akorn.codegen.GenerationResult;
import org.akorn.codegen.compile.InMemoryJavaCompiler;
import org.akorn.codegen.output.GeneratedFile;
import org.akorn.dsl.SourceReader;
import org.akorn.dsl.model.InputSpec;
import org.akorn.dsl.model.IntValue;
import org.akorn.dsl.model.ModelSpec;
import org.akorn.dsl.model.Stage;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.checkpoint.CheckpointMetadata;
import org.akorn.runtime.checkpoint.Checkpoints;
import org.akorn.runtime.checkpoint.InvalidCheckpointException;
import org.akorn.runtime.checkpoint.ModelSource;
import org.akorn.runtime.train.TrainingDefaults;

/**
 * A model compiled at run time: its {@code .akorn} source (from a file or from a checkpoint that
 * carries it) is generated into Java, compiled in process against this tool's class path and
 * loaded, so the same generated code as in a Maven build runs. Keeps the source (main file,
 * imports, overrides) for self-describing checkpoints.
 */
final class CompiledModel {
  /** Where a checkpoint's source files are placed for the compiler (a virtual folder). */
  private static final Path CHECKPOINT_ROOT = Path.of("checkpoint-source");

  private final ModelSpec spec;
  private final Class<?> type;
  private final ModelSource source;

  private CompiledModel(ModelSpec spec, Class<?> type, ModelSource source) {
    this.spec = spec;
    this.type = type;
    this.source = source;
  }

  /**
   * Compiles the model {@code modelName} (null: the file's only model) of {@code file}.
   *
   * @param err where the compiler's diagnostics go before the one-line failure
   */
  static CompiledModel fromFile(Path file, String modelName, Map<String, String> overrides,
      PrintWriter err) {
    Map<Path, String> read = new LinkedHashMap<>();
    SourceReader recording = path -> {
      Optional<String> text = SourceReader.fileSystem().read(path);
      text.ifPresent(t -> read.put(path.toAbsolutePath().normalize(), t));
      return text;
    };
    CompiledModel m = compile(List.of(file), modelName, overrides, recording, err, file.toString());
    return new CompiledModel(m.spec, m.type, sourceOf(file.toAbsolutePath().normalize(), read,
        overrides));
  }

  /**
   * Rebuilds the model a checkpoint was trained as, from the source it carries.
   *
   * @throws UserException for a checkpoint without source or a broken one
   */
  static CompiledModel fromCheckpoint(Path checkpoint, PrintWriter err) {
    CheckpointMetadata meta;
    try {
      meta = Checkpoints.readMetadata(checkpoint);
    } catch (InvalidCheckpointException e) {
      throw new UserException(e.getMessage());
    }
    ModelSource source = meta.source();
    if (source == null) {
      throw new UserException("checkpoint " + checkpoint + " holds no model source (it was not"
          + " written by akorn train); give the .akorn file instead");
    }
    Map<String, String> files = new LinkedHashMap<>();
    source.files().forEach((path, text) ->
        files.put(CHECKPOINT_ROOT.resolve(path).normalize().toString(), text));
    CompiledModel m = compile(List.of(CHECKPOINT_ROOT.resolve(source.mainFile())),
        meta.architecture(), source.overrides(), SourceReader.of(files), err,
        "the source in checkpoint " + checkpoint);
    return new CompiledModel(m.spec, m.type, source);
  }

  /**
   * Checks the model {@code modelName} of {@code file} with {@code overrides} as {@link
   * #fromFile} compiles it, without compiling its Java: the linked model.
   *
   * @throws UserException after printing the diagnostics to {@code err}
   */
  static ModelSpec check(Path file, String modelName, Map<String, String> overrides,
      PrintWriter err) {
    return generate(List.of(file), modelName, overrides, SourceReader.fileSystem(), err,
        file.toString()).model();
  }

  private record Generated(ModelSpec model, GeneratedFile javaFile) {}

  private static Generated generate(List<Path> files, String modelName,
      Map<String, String> overrides, SourceReader reader, PrintWriter err, String what) {
    GenerationResult result = AkornCodegen.generate(new GenerationRequest(
        files, overrides, Map.of(), reader, CompileCommand.version()));
    if (result.hasErrors()) {
      err.println(result.render());
      err.flush();
      long n = result.errorCount();
      throw new UserException(n + (n == 1 ? " error" : " errors") + " in " + what);
    }
    ModelSpec model = select(result.models(), modelName, what);
    GeneratedFile javaFile = result.files().stream()
        .filter(f -> f.relativePath().endsWith("/" + model.name() + ".java")
            || f.relativePath().equals(model.name() + ".java"))
        .findFirst().orElseThrow();
    return new Generated(model, javaFile);
  }

  private static CompiledModel compile(List<Path> files, String modelName,
      Map<String, String> overrides, SourceReader reader, PrintWriter err, String what) {
    Generated generated = generate(files, modelName, overrides, reader, err, what);
    ModelSpec model = generated.model();
    InMemoryJavaCompiler.Result compiled = InMemoryJavaCompiler.compile(
        List.of(generated.javaFile()), System.getProperty("java.class.path"),
        CompiledModel.class.getClassLoader());
    if (!compiled.succeeded()) {
      throw new IllegalStateException("generated code did not compile: " + compiled.errors());
    }
    try {
      return new CompiledModel(model, compiled.classLoader().loadClass(model.qualifiedName()), null);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("generated class " + model.qualifiedName() + " not found", e);
    }
  }

  private static ModelSpec select(List<ModelSpec> models, String modelName, String what) {
    if (modelName != null) {
      return models.stream().filter(m -> m.name().equals(modelName)).findFirst().orElseThrow(() ->
          new UserException(what + " has no model '" + modelName + "'; it has "
              + models.stream().map(ModelSpec::name).toList()));
    }
    if (models.size() != 1) {
      throw new UserException(what + " defines " + models.size() + " models "
          + models.stream().map(ModelSpec::name).toList() + "; choose one with --model");
    }
    return models.get(0);
  }

  /** The files read, relative to the folder that holds them all. */
  private static ModelSource sourceOf(Path main, Map<Path, String> read,
      Map<String, String> overrides) {
    Path root = main.getParent();
    for (Path p : read.keySet()) {
      while (!p.startsWith(root)) {
        root = root.getParent();
      }
    }
    Map<String, String> files = new TreeMap<>();
    for (Map.Entry<Path, String> e : read.entrySet()) {
      files.put(slashes(root.relativize(e.getKey())), e.getValue());
    }
    return ModelSource.of(slashes(root.relativize(main)), files, overrides);
  }

  private static String slashes(Path p) {
    return p.toString().replace(p.getFileSystem().getSeparator(), "/");
  }

  /** The compiled model class (in its own in-memory class loader). */
  Class<?> type() {
    return type;
  }

  /** The linked model. */
  ModelSpec spec() {
    return spec;
  }

  /** The source to embed in checkpoints. */
  ModelSource source() {
    return source;
  }

  /** Every input's shape without the batch axis, in declaration order. */
  Map<String, Shape> inputShapes() {
    Map<String, Shape> shapes = new LinkedHashMap<>();
    for (InputSpec in : spec.inputs()) {
      shapes.put(in.name(), new Shape(in.dims().stream().mapToLong(IntValue::value).toArray()));
    }
    return shapes;
  }

  /** Whether the model ends in an mlp features head (trained self-supervised on images). */
  boolean hasMlpHead() {
    return spec.stages().stream().anyMatch(s -> s instanceof Stage.PooledMlp);
  }

  /** The reference's training settings for this model's head. */
  TrainingDefaults trainingDefaults() {
    if (hasMlpHead()) {
      return TrainingDefaults.FEATURES;
    }
    if (spec.stages().stream().anyMatch(s -> s instanceof Stage.CellClassifier)) {
      return TrainingDefaults.CELL_CLASSIFIER;
    }
    return TrainingDefaults.CLASSIFIER;
  }

  /**
   * The side S of the model's one square RGB image input {@code [3, S, S]}, which self-supervised
   * training and object discovery need; a user error naming the inputs otherwise.
   */
  int squareRgbImageSize(String purpose) {
    Map<String, Shape> inputs = inputShapes();
    Shape image = inputs.values().iterator().next();
    if (inputs.size() != 1 || image.dimension() != 3 || image.get(0) != 3
        || image.get(1) != image.get(2)) {
      StringBuilder takes = new StringBuilder();
      inputs.forEach((k, v) -> takes.append(takes.length() == 0 ? "" : ", ").append(k).append(' ')
          .append(java.util.Arrays.toString(v.getShape())));
      throw new UserException(spec.name() + " takes " + takes + "; " + purpose
          + " needs one square RGB image input [3, S, S]");
    }
    return Math.toIntExact(image.get(1));
  }

  /** A new instance with the compiled hyper-parameters (close it when done). */
  AkornModel build() {
    try {
      Object builder = type.getMethod("builder").invoke(null);
      return (AkornModel) builder.getClass().getMethod("build").invoke(builder);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + spec.qualifiedName(), e);
    }
  }

  /** A new instance holding the weights of {@code checkpoint}. */
  AkornModel load(Path checkpoint) throws IOException {
    AkornModel model = build();
    try {
      model.loadCheckpoint(checkpoint);
      return model;
    } catch (InvalidCheckpointException e) {
      model.close();
      throw new UserException(e.getMessage());
    } catch (IOException | RuntimeException e) {
      model.close();
      throw e;
    }
  }

}
