package org.akorn.runtime;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What every generated model class offers to tools (the command line, trainers, benchmarks,
 * distributed executors): run it by input and output names, reach its DJL block, move its
 * weights. A model owns its parameters in {@link #manager()}; close it when done. Models hold no
 * global state: create one per thread or executor.
 */
public interface AkornModel extends AutoCloseable {

  /** The model's name as declared in its {@code .akorn} file. */
  String modelName();

  /** Declared inputs, in declaration order. */
  List<String> inputNames();

  /** Declared outputs, in declaration order. */
  List<String> outputNames();

  /** The hyper-parameters this instance was built with (name to value text), in declaration order. */
  Map<String, String> hyperParameters();

  /** The network block (a DJL block, initialised), e.g. for a trainer. */
  AkornNetwork network();

  /** The manager that owns the parameters. */
  NDManager manager();

  /**
   * Runs the model on named inputs (each with a leading batch axis). The result holds every
   * declared output by name and, per Kuramoto layer, its states (when {@link
   * RunOptions#keepStates()}) and energies. Throws {@link IllegalArgumentException} with a clear
   * message for a missing input or a wrong shape or type.
   */
  AkornResult forward(Map<String, NDArray> inputs, RunOptions options);

  /**
   * Like {@link #forward(Map, RunOptions)}, from an explicit initial oscillator state of the first
   * layer (shaped like its stimulus; clamped under the model's mask where it has one), or from
   * seeded noise when {@code initialState} is null. Models whose first state is not noise reject
   * an explicit one.
   */
  default AkornResult forward(Map<String, NDArray> inputs, NDArray initialState, RunOptions options) {
    if (initialState != null) {
      throw new IllegalArgumentException(
          modelName() + " does not start from noise, so it takes no initial state");
    }
    return forward(inputs, options);
  }

  /** Imports a reference PyTorch {@code state_dict} saved as {@code .npz}; all or nothing. */
  void importReferenceWeights(Path npz) throws IOException;

  /** Saves weights and hyper-parameters atomically. */
  void saveCheckpoint(Path file) throws IOException;

  /** Loads a checkpoint saved by this model's class; validated before anything changes. */
  void loadCheckpoint(Path file) throws IOException;

  @Override
  void close();
}
