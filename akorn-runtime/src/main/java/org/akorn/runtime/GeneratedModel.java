package org.akorn.runtime;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.akorn.runtime.checkpoint.CheckpointMetadata;
import org.akorn.runtime.checkpoint.Checkpoints;
import org.akorn.runtime.weights.StateDict;
import org.akorn.runtime.weights.WeightMapping;

/**
 * What every generated model class shares: its names, the manager that owns its parameters, its
 * one block (an {@link AkornNetwork}, or a read-out chain for a model without a stem), reference
 * weight import, checkpoints and closing. A generated class adds only what differs between
 * models: hyper-parameters, the block's assembly, typed inputs and outputs, and the forward pass.
 */
public abstract class GeneratedModel implements AkornModel {
  private final String name;
  private final List<String> inputNames;
  private final List<String> outputNames;
  private final NDManager manager;
  private Block block;

  protected GeneratedModel(String name, List<String> inputNames, List<String> outputNames) {
    this.name = name;
    this.inputNames = inputNames;
    this.outputNames = outputNames;
    this.manager = NDManager.newBaseManager();
  }

  /**
   * Creates the model's block and initialises its parameters for {@code inputShape} (batch 1);
   * closes the manager if that fails, so a failed constructor leaks nothing.
   */
  protected final <B extends Block> B initialize(Supplier<B> create, Shape inputShape) {
    try {
      B created = create.get();
      created.initialize(manager, DataType.FLOAT32, inputShape);
      block = created;
      return created;
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /** How the reference {@code state_dict} keys map onto this model's parameters. */
  public abstract WeightMapping referenceMapping();

  @Override
  public final String modelName() {
    return name;
  }

  @Override
  public final List<String> inputNames() {
    return inputNames;
  }

  @Override
  public final List<String> outputNames() {
    return outputNames;
  }

  /**
   * The network; a model without a stem (a read-out chain on a given state) has none.
   *
   * @throws UnsupportedOperationException for a read-out-only model
   */
  @Override
  public AkornNetwork network() {
    if (block instanceof AkornNetwork network) {
      return network;
    }
    throw new UnsupportedOperationException(name + " has no Kuramoto layer; use readOut()");
  }

  @Override
  public final NDManager manager() {
    return manager;
  }

  @Override
  public final void importReferenceWeights(Path npz) throws IOException {
    try (NDManager scratch = manager.newSubManager()) {
      referenceMapping().importFrom(StateDict.load(scratch, npz));
    }
  }

  @Override
  public final void saveCheckpoint(Path file) throws IOException {
    Checkpoints.save(file, block, CheckpointMetadata.of(name, hyperParameters(), 0));
  }

  @Override
  public final void loadCheckpoint(Path file) throws IOException {
    Checkpoints.load(file, block, name, hyperParameters(), null);
  }

  @Override
  public final void close() {
    manager.close();
  }
}
