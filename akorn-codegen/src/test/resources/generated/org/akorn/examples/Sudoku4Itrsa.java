// Generated from sudoku4_itrsa.akorn by akorn 0.1.0-SNAPSHOT. Do not edit.
package org.akorn.examples;

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
 * The ItrSA++ baseline for the 4x4 comparison (bin/akorn demo sudoku compare): the reference's
 * iterated self-attention (one block whose attention runs T times with shared weights) with a
 * random initial latent, so that its runs can be voted on like AKOrN's.
 *
 * <p>Inputs (B is the batch):
 * <ul>
 *   <li>{@code digits}: {@code [B, 4, 4] int}, integer grid, values 0..4; The puzzle, 0 = blank.
 *   <li>{@code given}: {@code [B, 4, 4] bool}, boolean mask; True on clue cells.
 * </ul>
 *
 * <p>Outputs:
 * <ul>
 *   <li>{@code logits}: {@code [B, 4, 4, 4]}, the head 'logits'; Per-cell logits over the digits 1..4, [4, 4, 4].
 * </ul>
 *
 * <p>Hyper-parameters (set them with {@link #builder()}):
 * <ul>
 *   <li>{@code ch} = {@code 64} Channels C.
 *   <li>{@code heads} = {@code 8} Attention heads.
 *   <li>{@code T} = {@code 8} Attention iterations; raise at test time.
 *   <li>{@code mlp} = {@code 256} Hidden width of the MLP.
 * </ul>
 *
 * <p>Reference weights: {@link #importReferenceWeights} reads a PyTorch {@code state_dict}
 * saved as {@code .npz} with the reference's own key names (sudoku-transformer layout).
 *
 * <p>Generated from sudoku4_itrsa.akorn by akorn 0.1.0-SNAPSHOT. Do not edit.
 */
public final class Sudoku4Itrsa extends GeneratedModel {
  /**
   * The model's name as declared in its {@code .akorn} file.
   */
  public static final String MODEL_NAME = "Sudoku4Itrsa";

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

  private final int T;

  private final int mlp;

  private final AkornNetwork network;

  private Sudoku4Itrsa(Builder builder) {
    super(MODEL_NAME, INPUT_NAMES, OUTPUT_NAMES);
    this.ch = builder.ch;
    this.heads = builder.heads;
    this.T = builder.T;
    this.mlp = builder.mlp;
    this.network = initialize(this::createNetwork, new Shape(1, 4, 4));
  }

  /**
   * A builder with every hyper-parameter at its default.
   */
  public static Builder builder() {
    return new Builder();
  }

  private AkornNetwork createNetwork() {
    AkornNetwork.Builder builder = AkornNetwork.builder()
        .optStem(new EmbeddingStem(5, this.ch))
        .optInitialState(InitialState.noise());
    OpChain features = new OpChain(List.of(
        new SinCosPosition(this.ch, 4, 4, true),
        new IteratedSelfAttention(this.ch, this.heads, this.T, true, 0, 0, true),
        new GeluMlp(this.ch, this.mlp, true)));
    builder.addStage(Stage.builder()
        .optReadOut(features)
        .build());
    return builder
        .optHead(new LayerNormCellHead(this.ch, 4))
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
    ModelSupport.checkInput("digits", input.digits(), ModelSupport.ElementKind.INT, 4, 4);
    ModelSupport.checkInput("given", input.given(), ModelSupport.ElementKind.BOOL, 4, 4);
  }

  @Override
  public Map<String, String> hyperParameters() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("ch", String.valueOf(this.ch));
    values.put("heads", String.valueOf(this.heads));
    values.put("T", String.valueOf(this.T));
    values.put("mlp", String.valueOf(this.mlp));
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
  public static Sudoku4Itrsa fromCheckpoint(Path file) throws IOException {
    Builder builder = builder();
    Map<String, String> values = ModelSupport.checkpointMetadata(file, MODEL_NAME).hyperParameters();
    ModelSupport.ifPresent(values, "ch", v -> builder.ch(Integer.parseInt(v)));
    ModelSupport.ifPresent(values, "heads", v -> builder.heads(Integer.parseInt(v)));
    ModelSupport.ifPresent(values, "T", v -> builder.T(Integer.parseInt(v)));
    ModelSupport.ifPresent(values, "mlp", v -> builder.mlp(Integer.parseInt(v)));
    return ModelSupport.loadOrClose(builder.build(), file);
  }

  /**
   * Builds a {@link Sudoku4Itrsa}; every hyper-parameter starts at its default.
   */
  public static final class Builder {
    private int ch = 64;

    private int heads = 8;

    private int T = 8;

    private int mlp = 256;

    private Builder() {
    }

    /**
     * Channels C.
     *
     * <p>Default: {@code 64}.
     */
    public Builder ch(int ch) {
      this.ch = ch;
      return this;
    }

    /**
     * Attention heads.
     *
     * <p>Default: {@code 8}.
     */
    public Builder heads(int heads) {
      this.heads = heads;
      return this;
    }

    /**
     * Attention iterations; raise at test time.
     *
     * <p>Default: {@code 8}.
     */
    public Builder T(int T) {
      this.T = T;
      return this;
    }

    /**
     * Hidden width of the MLP.
     *
     * <p>Default: {@code 256}.
     */
    public Builder mlp(int mlp) {
      this.mlp = mlp;
      return this;
    }

    /**
     * Builds the model and initialises its parameters (call {@link Sudoku4Itrsa#close()} when done).
     */
    public Sudoku4Itrsa build() {
      return new Sudoku4Itrsa(this);
    }
  }

  /**
   * The model's inputs, each with a leading batch axis B.
   *
   * @param digits {@code [B, 4, 4] int}: integer grid, values 0..4; The puzzle, 0 = blank.
   * @param given {@code [B, 4, 4] bool}: boolean mask; True on clue cells.
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
   * @param logits {@code [B, 4, 4, 4]}: the head 'logits'; Per-cell logits over the digits 1..4, [4, 4, 4].
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
