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
import org.akorn.runtime.train.BlockTrainer;
import org.akorn.runtime.train.WeightEma;

/**
 * Saves and loads checkpoints of any DJL {@link Block} (format: see the package documentation).
 *
 * <pre>{@code
 * Checkpoints.save(path, block, CheckpointMetadata.of("sudoku", hyper, step), trainer.ema().orElse(null));
 * CheckpointMetadata meta = Checkpoints.readMetadata(path);      // build the model from this
 * Checkpoints.load(path, block, "sudoku", hyper, ema);           // all-or-nothing
 * Checkpoints.save(path, trainer, meta);                         // + Adam state and step
 * Checkpoints.resume(path, trainer, "sudoku", hyper);            // continue training exactly
 * }</pre>
 */
public final class Checkpoints {

  static final String WEIGHTS = "weights.npz";
  static final String EMA = "ema.npz";
  static final String OPTIMIZER = "optimizer.npz";

  private Checkpoints() {}

  /** Saves the block's parameters and {@code meta} (no EMA). */
  public static void save(Path file, Block block, CheckpointMetadata meta) throws IOException {
    save(file, block, meta, null);
  }

  /**
   * Saves the block's parameters, {@code meta} and, when {@code ema} is not null, the EMA
   * averages, atomically replacing {@code file}.
   *
   * @throws IllegalStateException if the EMA weights are swapped in (save the raw weights)
   */
  public static void save(Path file, Block block, CheckpointMetadata meta, WeightEma ema)
      throws IOException {
    write(file, block, meta, ema, null);
  }

  /**
   * Saves everything needed to resume training: the block's parameters, the EMA (if the trainer
   * keeps one), the Adam state and the trainer's step count (which replaces {@code meta}'s step).
   */
  public static void save(Path file, BlockTrainer trainer, CheckpointMetadata meta)
      throws IOException {
    write(file, trainer.block(), meta.withStep(trainer.stepCount()), trainer.ema().orElse(null),
        trainer);
  }

  private static void write(Path file, Block block, CheckpointMetadata meta, WeightEma ema,
      BlockTrainer trainer) throws IOException {
    if (ema != null && ema.isSwappedIn()) {
      throw new IllegalStateException("swap the EMA weights out before saving a checkpoint");
    }
    Map<String, Parameter> params = BlockParameters.all(block);
    Map<String, NDArray> weights = new LinkedHashMap<>();
    params.forEach((name, p) -> weights.put(name, p.getArray()));
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put(MetadataCodec.ENTRY,
        MetadataCodec.encode(meta, ema != null, trainer != null, weights.size()));
    entries.put(WEIGHTS, npz(weights));
    if (ema != null) {
      entries.put(EMA, npz(ema.averages()));
    }
    if (trainer != null) {
      try (NDManager scratch = NDManager.newBaseManager()) {
        entries.put(OPTIMIZER, npz(OptimizerState.export(block, trainer.optimizer(), scratch)));
      }
    }
    CheckpointArchive.writeAtomically(file, entries);
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
   * Loads a checkpoint into {@code block} (and {@code ema}, when not null), after checking that it
   * was written for this model. Nothing is changed unless every check passes.
   *
   * <p>When {@code ema} is given but the checkpoint holds no EMA, the averages restart from the
   * loaded weights.
   *
   * @param architecture the expected architecture name
   * @param hyperParameters the expected hyper-parameters (compared as strings, all keys)
   * @return the checkpoint's metadata (e.g. to resume from its step)
   * @throws InvalidCheckpointException listing every problem, the model unchanged
   */
  public static CheckpointMetadata load(
      Path file, Block block, String architecture, Map<String, String> hyperParameters,
      WeightEma ema) throws InvalidCheckpointException {
    return read(file, block, architecture, hyperParameters, ema, null);
  }

  /**
   * Restores a trainer from a checkpoint: weights, EMA (restarted from the weights when the
   * checkpoint has none), Adam state (left as it is when the checkpoint has none, e.g. imported
   * weights) and step count. All-or-nothing, like {@link #load}.
   *
   * @return the checkpoint's metadata
   */
  public static CheckpointMetadata resume(
      Path file, BlockTrainer trainer, String architecture, Map<String, String> hyperParameters)
      throws InvalidCheckpointException {
    CheckpointMetadata meta = read(file, trainer.block(), architecture, hyperParameters,
        trainer.ema().orElse(null), trainer);
    trainer.restoreStepCount(meta.step());
    return meta;
  }

  private static CheckpointMetadata read(
      Path file, Block block, String architecture, Map<String, String> hyperParameters,
      WeightEma ema, BlockTrainer trainer) throws InvalidCheckpointException {
    if (ema != null && ema.isSwappedIn()) {
      throw new IllegalStateException("swap the EMA weights out before loading a checkpoint");
    }
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
      if (ema != null && decoded.hasEma()) {
        averages = decodeNpz(file, entries.get(EMA), EMA, scratch);
        compare("EMA entry", ema.averages(), averages, problems);
      }
      Map<String, NDArray> optimizer = null;
      if (trainer != null && decoded.hasOptimizer()) {
        optimizer = decodeNpz(file, entries.get(OPTIMIZER), OPTIMIZER, scratch);
        compare("optimizer entry", OptimizerState.template(block, scratch), optimizer, problems);
      }
      if (!problems.isEmpty()) {
        throw new InvalidCheckpointException("checkpoint " + file + " does not fit this model ("
            + architecture + "); nothing was loaded:\n  " + String.join("\n  ", problems));
      }
      params.forEach((name, p) -> BlockParameters.copyInto(p.getArray(), weights.get(name)));
      if (ema != null) {
        if (averages != null) {
          ema.load(averages);
        } else {
          ema.resetToWeights();
        }
      }
      if (optimizer != null) {
        OptimizerState.restore(block, trainer.optimizer(), optimizer);
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
