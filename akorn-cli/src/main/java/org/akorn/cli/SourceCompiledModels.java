package org.akorn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.akorn.runtime.AkornModel;
import org.akorn.spark.ModelFactory;

/**
 * The model of a checkpoint of {@code akorn train}, compiled from the source the checkpoint
 * carries, once per JVM: what every Spark executor of {@code akorn score} and {@code akorn eval
 * --spark} builds for itself, since the class compiled in the driver's JVM exists nowhere else.
 * The checkpoint must be readable at the same absolute path on every executor.
 *
 * @param checkpoint the checkpoint's absolute path
 */
record SourceCompiledModels(String checkpoint) implements ModelFactory {
  private static final long serialVersionUID = 1L;
  private static final Map<String, CompiledModel> COMPILED = new ConcurrentHashMap<>();

  static SourceCompiledModels of(Path checkpoint) {
    return new SourceCompiledModels(checkpoint.toAbsolutePath().toString());
  }

  /**
   * The compiled model of this JVM (compiled on first use).
   *
   * @param err where compiler diagnostics go if the source does not compile
   */
  CompiledModel compiled(PrintWriter err) {
    return COMPILED.computeIfAbsent(checkpoint, c -> CompiledModel.fromCheckpoint(Path.of(c), err));
  }

  @Override
  public String key() {
    return "source|" + checkpoint;
  }

  @Override
  public AkornModel newModel() throws IOException {
    return compiled(new PrintWriter(Writer.nullWriter())).load(Path.of(checkpoint));
  }
}
