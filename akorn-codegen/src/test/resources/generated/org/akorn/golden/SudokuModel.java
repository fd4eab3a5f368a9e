// Generated from sudoku_model.akorn by akorn 0.1.0-SNAPSHOT. Do not edit.
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
import org.akorn.runtime.nn.CellHead;
import org.akorn.runtime.nn.EmbeddingStem;
import org.akorn.runtime.nn.FeatureNorm;
import org.akorn.runtime.nn.InitialState;
import org.akorn.runtime.nn.KuramotoLayer;
import org.akorn.runtime.nn.KuramotoResult;
import org.akorn.runtime.nn.NormReluConv;
import org.akorn.runtime.nn.OmegaTerm;
import org.akorn.runtime.nn.OpChain;
import org.akorn.runtime.nn.ReadOutConv;
import org.akorn.runtime.nn.ResidualFeedForward;
import org.akorn.runtime.nn.Stage;
import org.akorn.runtime.weights.WeightMapping;

/**
 * Golden fixture sudoku_model: the Sudoku family at ch 32, heads 4, n 4, T 4.
 *
 * <p>Inputs (B is the batch):
 * <ul>
 *   <li>{@code digits}: {@code [B, 9, 9] int}, integer grid, values 0..9; 0 = blank.
 *   <li>{@code given}: {@code [B, 9, 9] bool}, boolean mask; True on clue cells.
 * </ul>
 *
 * <p>Outputs:
 * <ul>
 *   <li>{@code logits}: {@code [B, 9, 9, 9]}, the head 'logits'
 *   <li>{@code xs}: {@code [T, B, 32, 9, 9]}, every state of the last layer, x_1..x_T
 *   <li>{@code es}: {@code [T + 1, B]}, energies per step, e_0 = 0 then e_1..e_T
 * </ul>
 * Every run also returns, per Kuramoto layer, its energies and (when kept) states; raise the
 * steps T at test time with {@code Builder.steps(...)} or {@code RunOptions.withSteps(...)}.
 *
 * <p>Hyper-parameters (set them with {@link #builder()}):
 * <ul>
 *   <li>{@code ch} = {@code 32}
 *   <li>{@code n} = {@code 4}
 *   <li>{@code heads} = {@code 4}
 *   <li>{@code T} = {@code 4}
 *   <li>{@code gamma} = {@code 1.0}
 * </ul>
 *
 * <p>Reference weights: {@link #importReferenceWeights} reads a PyTorch {@code state_dict}
 * saved as {@code .npz} with the reference's own key names (sudoku layout).
 *
 * <p>Generated from sudoku_model.akorn by akorn 0.1.0-SNAPSHOT. Do not edit.
 */
public final class SudokuModel extends GeneratedModel {
  /**
   * The model's name as declared in its {@code .akorn} file.
   */
  public static final String MODEL_NAME = "SudokuModel";

  /**
   * Declared inputs, in declaration order.
   */
  public static final List<String> INPUT_NAMES = List.of("digits", "given");

  /**
   * Declared outputs, in declaration order.
   */
  public static final List<String> OUTPUT_NAMES = List.of("logits", "xs", "es");

  private final int ch;

  private final int n;

  private final int heads;

  private final int T;

  private final double gamma;

  /**
   * Steps per layer from {@link Builder#steps}, or null for the declared ones.
   */
  private final int[] steps;

  private final AkornNetwork network;

  private SudokuModel(Builder builder) {
    super(MODEL_NAME, INPUT_NAMES, OUTPUT_NAMES);
    this.steps = builder.steps == null ? null : builder.steps.clone();
    this.ch = builder.ch;
    this.n = builder.n;
    this.heads = builder.heads;
    this.T = builder.T;
    this.gamma = builder.gamma;
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
        .optInitialState(InitialState.clampedNoise());
    KuramotoLayer layer0 = KuramotoLayer.builder()
        .setChannels(this.ch)
        .setOscillatorDim(this.n)
        .optSteps(stepsOf(0, this.T))
        .setGtaAttentionConnectivity(this.heads, 9, 9)
        .optOmega(OmegaTerm.Scope.GLOBAL, 0.1f, false)
        .optStimulusNorm(KuramotoLayer.StimulusNorm.NONE)
        .optProjection(true)
        .build();
    OpChain readOut0 = new OpChain(List.of(
        new ReadOutConv(this.ch, this.ch, this.n, 1),
        new ResidualFeedForward(this.ch, this.ch, 1, FeatureNorm.NONE),
        new NormReluConv(this.ch, this.ch, 1, FeatureNorm.NONE)));
    builder.addStage(Stage.builder()
        .setLayer(layer0)
        .optReadOut(readOut0)
        .build());
    return builder
        .optHead(new CellHead(this.ch, 9))
        .optOutputName("logits")
        .optGamma((float) this.gamma, true)
        .build();
  }

  private int stepsOf(int layer, int declared) {
    return steps == null ? declared : steps[steps.length == 1 ? 0 : layer];
  }

  /**
   * Runs the model in inference mode with the declared steps and seed-0 noise as the initial state.
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

  /**
   * Runs the model from the given initial oscillator state of the first layer, shaped like
   * its stimulus (clue cells are clamped to the stimulus under the mask, as the reference does).
   */
  public Output forward(Input input, NDArray initialState) {
    return forward(input, initialState, RunOptions.defaults());
  }

  /**
   * Runs the model from the given initial state with {@code options}.
   */
  public Output forward(Input input, NDArray initialState, RunOptions options) {
    return Output.of(run(input, initialState, options));
  }

  @Override
  public AkornResult forward(Map<String, NDArray> inputs, RunOptions options) {
    return run(Input.of(inputs), null, options);
  }

  @Override
  public AkornResult forward(Map<String, NDArray> inputs, NDArray initialState,
      RunOptions options) {
    return run(Input.of(inputs), initialState, options);
  }

  private AkornResult run(Input input, NDArray initialState, RunOptions options) {
    checkInput(input);
    AkornInput in = AkornInput.of(input.digits())
            .withMask(input.given())
            .withNoise(initialState);
    AkornResult result = network.run(new ParameterStore(manager(), false), in, options.withKeepStates(true));
    Map<String, NDArray> outputs = new LinkedHashMap<>();
    outputs.put("logits", result.output("logits"));
    outputs.put("xs", ModelSupport.states(result.layers().get(0)));
    outputs.put("es", ModelSupport.energies(result.layers()));
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
    values.put("n", String.valueOf(this.n));
    values.put("heads", String.valueOf(this.heads));
    values.put("T", String.valueOf(this.T));
    values.put("gamma", String.valueOf(this.gamma));
    return Collections.unmodifiableMap(values);
  }

  @Override
  public WeightMapping referenceMapping() {
    return ReferenceLayouts.sudoku(network);
  }

  /**
   * Builds the model with the hyper-parameters a checkpoint of this class records, then loads its
   * weights (e.g. once per executor).
   */
  public static SudokuModel fromCheckpoint(Path file) throws IOException {
    Builder builder = builder();
    Map<String, String> values = ModelSupport.checkpointMetadata(file, MODEL_NAME).hyperParameters();
    ModelSupport.ifPresent(values, "ch", v -> builder.ch(Integer.parseInt(v)));
    ModelSupport.ifPresent(values, "n", v -> builder.n(Integer.parseInt(v)));
    ModelSupport.ifPresent(values, "heads", v -> builder.heads(Integer.parseInt(v)));
    ModelSupport.ifPresent(values, "T", v -> builder.T(Integer.parseInt(v)));
    ModelSupport.ifPresent(values, "gamma", v -> builder.gamma(Double.parseDouble(v)));
    return ModelSupport.loadOrClose(builder.build(), file);
  }

  /**
   * Builds a {@link SudokuModel}; every hyper-parameter starts at its default.
   */
  public static final class Builder {
    private int ch = 32;

    private int n = 4;

    private int heads = 4;

    private int T = 4;

    private double gamma = 1.0;

    private int[] steps;

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
     * Sets {@code n}.
     *
     * <p>Default: {@code 4}.
     */
    public Builder n(int n) {
      this.n = n;
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
     * Sets {@code T}.
     *
     * <p>Default: {@code 4}.
     */
    public Builder T(int T) {
      this.T = T;
      return this;
    }

    /**
     * Sets {@code gamma}.
     *
     * <p>Default: {@code 1.0}.
     */
    public Builder gamma(double gamma) {
      this.gamma = gamma;
      return this;
    }

    /**
     * Kuramoto steps T, one value for every layer or one per layer (1 layer), instead of the
     * declared ones: e.g. raise T at test time. The weights do not depend on T, so this is not a
     * hyper-parameter and checkpoints stay compatible.
     */
    public Builder steps(int... steps) {
      this.steps = steps.clone();
      return this;
    }

    /**
     * Builds the model and initialises its parameters (call {@link SudokuModel#close()} when done).
     */
    public SudokuModel build() {
      ModelSupport.checkSteps(steps, 1);
      return new SudokuModel(this);
    }
  }

  /**
   * The model's inputs, each with a leading batch axis B.
   *
   * @param digits {@code [B, 9, 9] int}: integer grid, values 0..9; 0 = blank.
   * @param given {@code [B, 9, 9] bool}: boolean mask; True on clue cells.
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
   * @param xs {@code [T, B, 32, 9, 9]}: every state of the last layer, x_1..x_T
   * @param es {@code [T + 1, B]}: energies per step, e_0 = 0 then e_1..e_T
   * @param layers per Kuramoto layer: its states (all when kept, else the last) and
   *     energies e_0..e_T
   */
  public record Output(NDArray logits, NDArray xs, NDArray es, List<KuramotoResult> layers) {
    /**
     * The typed view of a run's result.
     */
    public static Output of(AkornResult result) {
      return new Output(
            result.output("logits"),
            result.output("xs"),
            result.output("es"),
            result.layers());
    }
  }
}
