package org.akorn.examples.demo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.akorn.runtime.AkornInput;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.AkornNetwork;
import org.akorn.runtime.AkornResult;
import org.akorn.runtime.ReferenceLayouts;
import org.akorn.runtime.RunOptions;
import org.akorn.runtime.checkpoint.CheckpointMetadata;
import org.akorn.runtime.checkpoint.Checkpoints;
import org.akorn.runtime.nn.CellHead;
import org.akorn.runtime.nn.EmbeddingStem;
import org.akorn.runtime.nn.FeatureNorm;
import org.akorn.runtime.nn.InitialState;
import org.akorn.runtime.nn.KuramotoLayer;
import org.akorn.runtime.nn.OmegaTerm;
import org.akorn.runtime.nn.ReadOuts;
import org.akorn.runtime.weights.StateDict;

/**
 * The Sudoku architecture of {@code examples/models/sudoku4.akorn} (and {@code sudoku.akorn} for
 * 9x9) assembled from runtime builders, behind the {@link AkornModel} interface that the generated
 * classes implement. It stands in for the generated class until the code generator provides it;
 * {@link SudokuModels} is the only place that knows which one is used.
 *
 * <p>Architecture: digits embedded as the stimulus c ({@code vocab = size + 1}); clue cells start
 * at c, the rest as Gaussian noise; one attention layer with GTA on the board, global Omega 0.1
 * (fixed), no c-norm, projection on, learnable model-level gamma; read-out {@code ReadOutConv ->
 * residual FF -> ReLU conv}; per-cell classifier over the digits 1..size.
 */
final class RuntimeSudokuModel implements AkornModel {
  private final String name;
  private final int size;
  private final Map<String, String> hyperParameters;
  private final NDManager manager;
  private final AkornNetwork network;
  private final ParameterStore parameterStore;

  RuntimeSudokuModel(String name, int size, SudokuHyperParameters hp, long initSeed) {
    this.name = name;
    this.size = size;
    this.hyperParameters = Collections.unmodifiableMap(new LinkedHashMap<>(hp.asMap()));
    this.manager = NDManager.newBaseManager();
    manager.setName(name);
    KuramotoLayer layer =
        KuramotoLayer.builder()
            .setChannels(hp.ch())
            .setOscillatorDim(hp.n())
            .optSteps(hp.steps())
            .setGtaAttentionConnectivity(hp.heads(), size, size)
            .optOmega(OmegaTerm.Scope.GLOBAL, 0.1f, false)
            .optProjection(true)
            .build();
    this.network =
        AkornNetwork.builder()
            .optStem(new EmbeddingStem(size + 1, hp.ch()))
            .optInitialState(InitialState.clampedNoise())
            .addStage(layer, ReadOuts.full(hp.ch(), hp.n(), 1, FeatureNorm.NONE))
            .optHead(new CellHead(hp.ch(), size))
            .optGamma(hp.gamma(), true)
            .optOutputName("logits")
            .build();
    manager.getEngine().setRandomSeed((int) initSeed);
    network.initialize(manager, DataType.FLOAT32, new Shape(1, size, size));
    this.parameterStore = new ParameterStore(manager, false);
  }

  @Override
  public String modelName() {
    return name;
  }

  @Override
  public List<String> inputNames() {
    return List.of("digits", "given");
  }

  @Override
  public List<String> outputNames() {
    return List.of("logits", "energies");
  }

  @Override
  public Map<String, String> hyperParameters() {
    return hyperParameters;
  }

  @Override
  public AkornNetwork network() {
    return network;
  }

  @Override
  public NDManager manager() {
    return manager;
  }

  @Override
  public AkornResult forward(Map<String, NDArray> inputs, RunOptions options) {
    NDArray digits = require(inputs, "digits");
    NDArray given = require(inputs, "given");
    Shape board = new Shape(digits.getShape().get(0), size, size);
    if (!digits.getShape().equals(board) || !given.getShape().equals(board)) {
      throw new IllegalArgumentException(
          "digits and given must be [B, " + size + ", " + size + "], got " + digits.getShape()
              + " and " + given.getShape());
    }
    AkornResult r =
        network.run(parameterStore, AkornInput.of(digits).withMask(given), options);
    Map<String, NDArray> outputs = new LinkedHashMap<>(r.outputs());
    outputs.put("energies", AkornNetwork.energies(r, 0));
    return new AkornResult(outputs, r.layers());
  }

  private static NDArray require(Map<String, NDArray> inputs, String key) {
    NDArray a = inputs.get(key);
    if (a == null) {
      throw new IllegalArgumentException("missing input '" + key + "'; have " + inputs.keySet());
    }
    return a;
  }

  @Override
  public void importReferenceWeights(Path npz) throws IOException {
    if (size != 9) {
      throw new UnsupportedOperationException("reference weights exist only for the 9x9 model");
    }
    try (NDManager scratch = NDManager.newBaseManager()) {
      ReferenceLayouts.sudoku(network).importFrom(StateDict.load(scratch, npz));
    }
  }

  @Override
  public void saveCheckpoint(Path file) throws IOException {
    Checkpoints.save(file, network, CheckpointMetadata.of(name, hyperParameters, 0));
  }

  @Override
  public void loadCheckpoint(Path file) throws IOException {
    Checkpoints.load(file, network, name, hyperParameters, null);
  }

  @Override
  public void close() {
    manager.close();
  }
}
