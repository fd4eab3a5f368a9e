package org.akorn.runtime.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.akorn.runtime.io.BadFileException;
import org.akorn.runtime.io.NpyArray;
import org.akorn.runtime.io.NpzFiles;
import org.akorn.runtime.train.BlockParameters;

/**
 * Saves and loads checkpoints of any DJL {@link Block} (format: see the package documentation).
 *
 * <pre>{@code
 * Checkpoints.save(path, block, CheckpointMetadata.of("sudoku", hyper, step));
 * CheckpointMetadata meta = Checkpoints.readMetadata(path);      // build the model from this
 * Checkpoints.load(path, block, "sudoku", hyper);                // all-or-nothing
 * }</pre>
 *
 * <p>The EMA and optimizer entries of a training checkpoint are written and restored through a
 * {@link TrainingState} (akorn-train's {@code TrainingCheckpoints}); without one they are skipped.
 */
public final class Checkpoints {

  static final String WEIGHTS = "weights.npz";
  static final String EMA = "ema.npz";
  static final String OPTIMIZER = "optimizer.npz";

  private Checkpoints() {}

  /** Saves the block's parameters and {@code meta}, atomically replacing {@code file}. */
  public static void save(Path file, Block block, CheckpointMetadata meta) throws IOException {
    save(file, block, meta, null);
  }

  /**
   * Saves the block's parameters, {@code meta} and, when {@code state} is not null, its EMA
   * averages and optimizer state (each where present), atomically replacing {@code file}.
   */
  public static void save(Path file, Block block, CheckpointMetadata meta, TrainingState state)
      throws IOException {
    Map<String, Parameter> params = BlockParameters.all(block);
    Map<String, NDArray> weights = new LinkedHashMap<>();
    params.forEach((name, p) -> weights.put(name, p.getArray()));
    try (NDManager scratch = NDManager.newBaseManager()) {
      Map<String, NDArray> ema = state == null ? null : state.emaAverages();
      Map<String, NDArray> optimizer = state == null ? null : state.optimizerState(scratch);
      Map<String, byte[]> entries = new LinkedHashMap<>();
      entries.put(MetadataCodec.ENTRY,
          MetadataCodec.encode(meta, ema != null, optimizer != null, weights.size()));
      entries.put(WEIGHTS, npz(weights));
      if (ema != null) {
        entries.put(EMA, npz(ema));
      }
      if (optimizer != null) {
        entries.put(OPTIMIZER, npz(optimizer));
      }
      CheckpointArchive.writeAtomically(file, entries);
    }
  }

  /**
   * Reads and verifies a checkpoint's metadata (checksums included) without touching a model, so
   * the model can be built from the checkpoint alone.
   */
  public static CheckpointMetadata readMetadata(Path file) throws InvalidCheckpointException {
    Map<String, byte[]> entries = CheckpointArchive.readVerified(file);
    return decodeMetadata(file, entries).metadata();
  }

  /**
   * Loads a checkpoint's weights into {@code block}, after checking that it was written for this
   * model. Nothing is changed unless every check passes.
   *
   * @param architecture the expected architecture name
   * @param hyperParameters the expected hyper-parameters (compared as strings, all keys)
   * @return the checkpoint's metadata
   * @throws InvalidCheckpointException listing every problem, the model unchanged
   */
  public static CheckpointMetadata load(
      Path file, Block block, String architecture, Map<String, String> hyperParameters)
      throws InvalidCheckpointException {
    return load(file, block, architecture, hyperParameters, null);
  }

  /**
   * Like {@link #load(Path, Block, String, Map)}, and, when {@code state} is not null, checks the
   * stored EMA and optimizer entries against it and hands them over once every check passed.
   */
  public static CheckpointMetadata load(
      Path file, Block block, String architecture, Map<String, String> hyperParameters,
      TrainingState state) throws InvalidCheckpointException {
    Map<String, byte[]> entries = CheckpointArchive.readVerified(file);
    MetadataCodec.Decoded decoded = decodeMetadata(file, entries);
    CheckpointMetadata meta = decoded.metadata();
    List<String> problems = new ArrayList<>();
    if (!meta.architecture().equals(architecture)) {
      problems.add("architecture: expected " + architecture + ", found " + meta.architecture());
    }
    TreeSet<String> keys = new TreeSet<>(hyperParameters.keySet());
    keys.addAll(meta.hyperParameters().keySet());
    for (String key : keys) {
      String want = hyperParameters.get(key);
      String have = meta.hyperParameters().get(key);
      if (want == null) {
        problems.add("hyper-parameter " + key + ": not expected, found " + have);
      } else if (have == null) {
        problems.add("hyper-parameter " + key + ": expected " + want + ", missing");
      } else if (!want.equals(have)) {
        problems.add("hyper-parameter " + key + ": expected " + want + ", found " + have);
      }
    }
    Map<String, Parameter> params = BlockParameters.all(block);
    try (NDManager scratch = NDManager.newBaseManager()) {
      Map<String, NDArray> weights = decodeNpz(file, entries.get(WEIGHTS), WEIGHTS, scratch);
      if (weights.size() != decoded.weightCount()) {
        throw CheckpointArchive.corrupt(file, WEIGHTS + " holds " + weights.size()
            + " arrays, the metadata says " + decoded.weightCount());
      }
      Map<String, NDArray> current = new LinkedHashMap<>();
      params.forEach((name, p) -> current.put(name, p.getArray()));
      compare("parameter", current, weights, problems);
      Map<String, NDArray> averages = null;
      Map<String, NDArray> emaTemplate = state == null ? null : state.emaAverages();
      if (emaTemplate != null && decoded.hasEma()) {
        averages = decodeNpz(file, entries.get(EMA), EMA, scratch);
        compare("EMA entry", emaTemplate, averages, problems);
      }
      Map<String, NDArray> optimizer = null;
      Map<String, NDArray> optimizerTemplate =
          state == null ? null : state.optimizerTemplate(scratch);
      if (optimizerTemplate != null && decoded.hasOptimizer()) {
        optimizer = decodeNpz(file, entries.get(OPTIMIZER), OPTIMIZER, scratch);
        compare("optimizer entry", optimizerTemplate, optimizer, problems);
      }
      if (!problems.isEmpty()) {
        throw new InvalidCheckpointException("checkpoint " + file + " does not fit this model ("
            + architecture + "); nothing was loaded:\n  " + String.join("\n  ", problems));
      }
      params.forEach((name, p) -> BlockParameters.copyInto(p.getArray(), weights.get(name)));
      if (state != null) {
        state.restore(averages, optimizer);
      }
    }
    return meta;
  }

  private static MetadataCodec.Decoded decodeMetadata(Path file, Map<String, byte[]> entries)
      throws InvalidCheckpointException {
    byte[] bytes = entries.get(MetadataCodec.ENTRY);
    if (bytes == null) {
      throw new InvalidCheckpointException("checkpoint " + file + " is not an AKOrN checkpoint"
          + " (no " + MetadataCodec.ENTRY + ")");
    }
    MetadataCodec.Decoded decoded = MetadataCodec.decode(file, bytes);
    List<String> expected = new ArrayList<>(List.of(MetadataCodec.ENTRY, WEIGHTS));
    if (decoded.hasEma()) {
      expected.add(EMA);
    }
    if (decoded.hasOptimizer()) {
      expected.add(OPTIMIZER);
    }
    if (!new ArrayList<>(entries.keySet()).equals(expected)) {
      throw CheckpointArchive.corrupt(file, "expected the entries " + expected + ", found "
          + entries.keySet());
    }
    return decoded;
  }

  private static void compare(String what, Map<String, NDArray> model,
      Map<String, NDArray> stored, List<String> problems) {
    for (Map.Entry<String, NDArray> e : model.entrySet()) {
      NDArray have = stored.get(e.getKey());
      NDArray want = e.getValue();
      if (have == null) {
        problems.add(what + " " + e.getKey() + ": missing from the checkpoint");
      } else if (!have.getShape().equals(want.getShape())
          || have.getDataType() != want.getDataType()) {
        problems.add(what + " " + e.getKey() + ": expected " + want.getDataType()
            + want.getShape() + ", found " + have.getDataType() + have.getShape());
      }
    }
    for (String name : stored.keySet()) {
      if (!model.containsKey(name)) {
        problems.add(what + " " + name + ": in the checkpoint but not in the model");
      }
    }
  }

  private static byte[] npz(Map<String, NDArray> arrays) throws IOException {
    try (NDManager scratch = NDManager.newBaseManager()) {
      NDList list = new NDList(arrays.size());
      for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
        NDArray copy = e.getValue().toDevice(ai.djl.Device.cpu(), true);
        copy.attach(scratch);
        copy.setName(e.getKey());
        list.add(copy);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      list.encode(out, NDList.Encoding.NPZ);
      return out.toByteArray();
    }
  }

  private static Map<String, NDArray> decodeNpz(Path file, byte[] bytes, String entry,
      NDManager manager) throws InvalidCheckpointException {
    List<NpyArray> arrays;
    try {
      arrays = NpzFiles.decode(bytes, "checkpoint " + file + " entry " + entry);
      NpzFiles.requireFinite(arrays, "checkpoint " + file + " entry " + entry, "tensor");
    } catch (BadFileException e) {
      throw new InvalidCheckpointException(e.getMessage(), e);
    }
    Map<String, NDArray> out = new LinkedHashMap<>();
    for (NpyArray array : arrays) {
      out.put(array.name(), array.toNDArray(manager));
    }
    return out;
  }
}
