// Generated from sudoku_itrsa.akorn by akorn 0.1.0-SNAPSHOT. Do not edit.
package org.akorn.golden;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.akorn.runtime.AkornInput;
import org.akorn.runtime.AkornNetwork;
import org.akorn.runtime.AkornResult;
import org.akorn.runtime.GeneratedModel;
import org.akorn.runtime.ModelSupport;
import org.akorn.runtime.ReferenceLayouts;
import org.akorn.runtime.RunOptions;
import org.akorn.runtime.nn.EmbeddingStem;
import org.akorn.runtime.nn.GeluMlp;
import org.akorn.runtime.nn.InitialState;
import org.akorn.runtime.nn.IteratedSelfAttention;
import org.akorn.runtime.nn.KuramotoResult;
import org.akorn.runtime.nn.LayerNormCellHead;
import org.akorn.runtime.nn.OpChain;
import org.akorn.runtime.nn.SinCosPosition;
import org.akorn.runtime.nn.Stage;
import org.akorn.runtime.weights.WeightMapping;

/**
 * The reference's iterated self-attention baseline, ItrSA (source/models/sudoku/transformer.py,
 * SudokuTransformer with ch 32, blocks 1, heads 4, mlp_dim 64, T 4, no GTA): one block whose
 * attention sub-layer runs T times with the same weights.
 *
 * <p>Inputs (B is the batch):
 * <ul>
 *   <li>{@code digits}: {@code [B, 9, 9] int}, integer grid, values 0..9
 *   <li>{@code given}: {@code [B, 9, 9] bool}, boolean mask
 * </ul>
 *
 * <p>Outputs:
 * <ul>
 *   <li>{@code logits}: {@code [B, 9, 9, 9]}, the head 'logits'
 * </ul>
 *
 * <p>Hyper-parameters (set them with {@link #builder()}):
 * <ul>
 *   <li>{@code ch} = {@code 32}
 *   <li>{@code heads} = {@code 4}
 *   <li>{@code mlp} = {@code 64}
 *   <li>{@code T} = {@code 4}
 * </ul>
 *
 * <p>Reference weights: {@link #importReferenceWeights} reads a PyTorch {@code state_dict}
 * saved as {@code .npz} with the reference's own key names (sudoku-transformer layout).
 *
 * <p>Generated from sudoku_itrsa.akorn by akorn 0.1.0-SNAPSHOT. Do not edit.
 */
public final class SudokuItrsa extends GeneratedModel {
  /**
   * The model's name as declared in its {@code .akorn} file.
   */
  public static final String MODEL_NAME = "SudokuItrsa";

  /**
   * Declared inputs, in declaration order.
   */
  public static final List<String> INPUT_NAMES = List.of("digits", "given");

  /**
   * Declared outputs, in declaration order.
   */
  public static final List<String> OUTPUT_NAMES = List.of("logits");

  private final int ch;

  private final int heads;

  private final int mlp;

  private final int T;

  private final AkornNetwork network;

  private SudokuItrsa(Builder builder) {
    super(MODEL_NAME, INPUT_NAMES, OUTPUT_NAMES);
    this.ch = builder.ch;
    this.heads = builder.heads;
    this.mlp = builder.mlp;
    this.T = builder.T;
    this.network = initialize(this::createNetwork, new Shape(1, 9, 9));
  }

  /**
   * A builder with every hyper-parameter at its default.
   */
  public static Builder builder() {
    return new Builder();
  }

  private AkornNetwork createNetwork() {
    AkornNetwork.Builder builder = AkornNetwork.builder()
        .optStem(new EmbeddingStem(10, this.ch))
        .optInitialState(InitialState.noise());
    OpChain features = new OpChain(List.of(
        new SinCosPosition(this.ch, 9, 9, true),
        new IteratedSelfAttention(this.ch, this.heads, this.T, true, 0, 0),
        new GeluMlp(this.ch, this.mlp, true)));
    builder.addStage(Stage.builder()
        .optReadOut(features)
        .build());
    return builder
        .optHead(new LayerNormCellHead(this.ch, 9))
        .optOutputName("logits")
        .build();
  }

  /**
   * Runs the model in inference mode with the declared steps.
   */
  public Output forward(Input input) {
    return forward(input, RunOptions.defaults());
  }

  /**
   * Runs the model; {@code options} set the steps per layer (raise them for test-time
   * extension), whether every state is kept, training mode and the noise seed.
   */
  public Output forward(Input input, RunOptions options) {
    return Output.of(run(input, null, options));
  }

  @Override
  public AkornResult forward(Map<String, NDArray> inputs, RunOptions options) {
    return run(Input.of(inputs), null, options);
  }

  private AkornResult run(Input input, NDArray initialState, RunOptions options) {
    checkInput(input);
    AkornInput in = AkornInput.of(input.digits())
            .withNoise(initialState);
    AkornResult result = network.run(new ParameterStore(manager(), false), in, options);
    Map<String, NDArray> outputs = new LinkedHashMap<>();
    outputs.put("logits", result.output("logits"));
    return new AkornResult(outputs, result.layers());
  }

  private void checkInput(Input input) {
    ModelSupport.checkInput("digits", input.digits(), ModelSupport.ElementKind.INT, 9, 9);
    ModelSupport.checkInput("given", input.given(), ModelSupport.ElementKind.BOOL, 9, 9);
  }

  @Override
  public Map<String, String> hyperParameters() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("ch", String.valueOf(this.ch));
    values.put("heads", String.valueOf(this.heads));
    values.put("mlp", String.valueOf(this.mlp));
    values.put("T", String.valueOf(this.T));
    return Collections.unmodifiableMap(values);
  }

  @Override
  public WeightMapping referenceMapping() {
    return ReferenceLayouts.sudokuTransformer(network);
  }

  /**
   * Builds the model with the hyper-parameters a checkpoint of this class records, then loads its
   * weights (e.g. once per executor).
   */
  public static SudokuItrsa fromCheckpoint(Path file) throws IOException {
    Builder builder = builder();
    Map<String, String> values = ModelSupport.checkpointMetadata(file, MODEL_NAME).hyperParameters();
    ModelSupport.ifPresent(values, "ch", v -> builder.ch(Integer.parseInt(v)));
    ModelSupport.ifPresent(values, "heads", v -> builder.heads(Integer.parseInt(v)));
    ModelSupport.ifPresent(values, "mlp", v -> builder.mlp(Integer.parseInt(v)));
    ModelSupport.ifPresent(values, "T", v -> builder.T(Integer.parseInt(v)));
    return ModelSupport.loadOrClose(builder.build(), file);
  }

  /**
   * Builds a {@link SudokuItrsa}; every hyper-parameter starts at its default.
   */
  public static final class Builder {
    private int ch = 32;

    private int heads = 4;

    private int mlp = 64;

    private int T = 4;

    private Builder() {
    }

    /**
     * Sets {@code ch}.
     *
     * <p>Default: {@code 32}.
     */
    public Builder ch(int ch) {
      this.ch = ch;
      return this;
    }

    /**
     * Sets {@code heads}.
     *
     * <p>Default: {@code 4}.
     */
    public Builder heads(int heads) {
      this.heads = heads;
      return this;
    }

    /**
     * Sets {@code mlp}.
     *
     * <p>Default: {@code 64}.
     */
    public Builder mlp(int mlp) {
      this.mlp = mlp;
      return this;
    }

    /**
     * Sets {@code T}.
     *
     * <p>Default: {@code 4}.
     */
    public Builder T(int T) {
      this.T = T;
      return this;
    }

    /**
     * Builds the model and initialises its parameters (call {@link SudokuItrsa#close()} when done).
     */
    public SudokuItrsa build() {
      return new SudokuItrsa(this);
    }
  }

  /**
   * The model's inputs, each with a leading batch axis B.
   *
   * @param digits {@code [B, 9, 9] int}: integer grid, values 0..9
   * @param given {@code [B, 9, 9] bool}: boolean mask
   */
  public record Input(NDArray digits, NDArray given) {
    /**
     * The inputs by their declared names; rejects a missing or unknown name.
     */
    public static Input of(Map<String, NDArray> inputs) {
      return new Input(
            ModelSupport.require(inputs, "digits", INPUT_NAMES),
            ModelSupport.require(inputs, "given", INPUT_NAMES));
    }
  }

  /**
   * The model's declared outputs and every Kuramoto layer's result.
   *
   * @param logits {@code [B, 9, 9, 9]}: the head 'logits'
   * @param layers per Kuramoto layer: its states (all when kept, else the last) and
   *     energies e_0..e_T
   */
  public record Output(NDArray logits, List<KuramotoResult> layers) {
    /**
     * The typed view of a run's result.
     */
    public static Output of(AkornResult result) {
      return new Output(
            result.output("logits"),
            result.layers());
    }
  }
}
