package org.akorn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.akorn.runtime.AkornModel;
import org.akorn.spark.CheckpointFiles;
import org.akorn.spark.ModelFactory;

/**
 * The model of a checkpoint of {@code akorn train}, compiled from the source the checkpoint
 * carries, once per JVM: what every Spark executor of {@code akorn score} and {@code akorn eval
 * --spark} builds for itself, since the class compiled in the driver's JVM exists nowhere else.
 * The checkpoint is a path every executor can read at the same place (a shared mount) or a URI
 * of Hadoop's file systems ({@code hdfs:}, {@code s3a:}, ...), copied to a local file once per JVM.
 *
 * @param checkpoint the checkpoint's absolute path or URI
 */
record SourceCompiledModels(String checkpoint) implements ModelFactory {
  private static final long serialVersionUID = 1L;
  private static final Map<String, CompiledModel> COMPILED = new ConcurrentHashMap<>();
  private static final Map<String, Path> LOCAL = new ConcurrentHashMap<>();

  static SourceCompiledModels of(Path checkpoint) {
    return new SourceCompiledModels(checkpoint.toAbsolutePath().toString());
  }

  /** A path (made absolute) or a URI of Hadoop's file systems. */
  static SourceCompiledModels of(String checkpoint) {
    return CheckpointFiles.isRemote(checkpoint)
        ? new SourceCompiledModels(checkpoint) : of(local(checkpoint));
  }

  /** The checkpoint as a local file of this JVM (remote ones copied once). */
  Path localFile() {
    return LOCAL.computeIfAbsent(checkpoint, SourceCompiledModels::local);
  }

  private static Path local(String checkpoint) {
    try {
      return CheckpointFiles.local(checkpoint);
    } catch (IOException | IllegalArgumentException e) {
      throw new UserException("cannot read checkpoint " + checkpoint + ": " + e.getMessage());
    }
  }

  /**
   * The compiled model of this JVM (compiled on first use).
   *
   * @param err where compiler diagnostics go if the source does not compile
   */
  CompiledModel compiled(PrintWriter err) {
    return COMPILED.computeIfAbsent(checkpoint, c -> CompiledModel.fromCheckpoint(localFile(),
        err));
  }

  @Override
  public String key() {
    return "source|" + checkpoint;
  }

  @Override
  public AkornModel newModel() throws IOException {
    return compiled(new PrintWriter(Writer.nullWriter())).load(localFile());
  }
}
