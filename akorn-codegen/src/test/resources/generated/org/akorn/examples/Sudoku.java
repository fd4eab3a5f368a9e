// Generated from sudoku.akorn by akorn 0.1.0-SNAPSHOT. Do not edit.
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
 * The paper's 9x9 Sudoku solver (AKOrN, ICLR 2025, DESIGN.md family 1).
 *
 * The digits are embedded as the stimulus c; clue cells start at c, the rest as noise. One
 * attention layer with geometric transform attention on the 9x9 grid runs T steps; its
 * read-out feeds a per-cell classifier over the digits 1..9.
 *
 * <p>Inputs (B is the batch):
 * <ul>
 *   <li>{@code digits}: {@code [B, 9, 9] int}, integer grid, values 0..9; The puzzle, 0 = blank.
 *   <li>{@code given}: {@code [B, 9, 9] bool}, boolean mask; True on clue cells.
 * </ul>
 *
 * <p>Outputs:
 * <ul>
 *   <li>{@code logits}: {@code [B, 9, 9, 9]}, the head 'logits'; Per-cell logits over the digits 1..9, [9, 9, 9].
 *   <li>{@code energies}: {@code [T + 1, B]}, energies per step, e_0 = 0 then e_1..e_T; Energy per step, for energy-based voting.
 * </ul>
 * Every run also returns, per Kuramoto layer, its energies and (when kept) states; raise the
 * steps T at test time with {@code Builder.steps(...)} or {@code RunOptions.withSteps(...)}.
 *
 * <p>Hyper-parameters (set them with {@link #builder()}):
 * <ul>
 *   <li>{@code ch} = {@code 512} Channels C (C / n oscillators of n components each).
 *   <li>{@code n} = {@code 4} Components per oscillator.
 *   <li>{@code heads} = {@code 8} Attention heads.
 *   <li>{@code T} = {@code 16} Kuramoto steps; raise at test time (16 -> 128).
 *   <li>{@code gamma} = {@code 1.0} Initial step size; learned during training.
 * </ul>
 *
 * <p>Reference weights: {@link #importReferenceWeights} reads a PyTorch {@code state_dict}
 * saved as {@code .npz} with the reference's own key names (sudoku layout).
 *
 * <p>Generated from sudoku.akorn by akorn 0.1.0-SNAPSHOT. Do not edit.
 */
public final class Sudoku extends GeneratedModel {
  /**
   * The model's name as declared in its {@code .akorn} file.
   */
  public static final String MODEL_NAME = "Sudoku";

  /**
   * Declared inputs, in declaration order.
   */
  public static final List<String> INPUT_NAMES = List.of("digits", "given");

  /**
   * Declared outputs, in declaration order.
   */
  public static final List<String> OUTPUT_NAMES = List.of("logits", "energies");

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

  private Sudoku(Builder builder) {
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
    AkornResult result = network.run(new ParameterStore(manager(), false), in, options);
    Map<String, NDArray> outputs = new LinkedHashMap<>();
    outputs.put("logits", result.output("logits"));
    outputs.put("energies", ModelSupport.energies(result.layers()));
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
  public static Sudoku fromCheckpoint(Path file) throws IOException {
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
   * Builds a {@link Sudoku}; every hyper-parameter starts at its default.
   */
  public static final class Builder {
    private int ch = 512;

    private int n = 4;

    private int heads = 8;

    private int T = 16;

    private double gamma = 1.0;

    private int[] steps;

    private Builder() {
    }

    /**
     * Channels C (C / n oscillators of n components each).
     *
     * <p>Default: {@code 512}.
     */
    public Builder ch(int ch) {
      this.ch = ch;
      return this;
    }

    /**
     * Components per oscillator.
     *
     * <p>Default: {@code 4}.
     */
    public Builder n(int n) {
      this.n = n;
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
     * Kuramoto steps; raise at test time (16 -> 128).
     *
     * <p>Default: {@code 16}.
     */
    public Builder T(int T) {
      this.T = T;
      return this;
    }

    /**
     * Initial step size; learned during training.
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
     * Builds the model and initialises its parameters (call {@link Sudoku#close()} when done).
     */
    public Sudoku build() {
      ModelSupport.checkSteps(steps, 1);
      return new Sudoku(this);
    }
  }

  /**
   * The model's inputs, each with a leading batch axis B.
   *
   * @param digits {@code [B, 9, 9] int}: integer grid, values 0..9; The puzzle, 0 = blank.
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
   * @param logits {@code [B, 9, 9, 9]}: the head 'logits'; Per-cell logits over the digits 1..9, [9, 9, 9].
   * @param energies {@code [T + 1, B]}: energies per step, e_0 = 0 then e_1..e_T; Energy per step, for energy-based voting.
   * @param layers per Kuramoto layer: its states (all when kept, else the last) and
   *     energies e_0..e_T
   */
  public record Output(NDArray logits, NDArray energies, List<KuramotoResult> layers) {
    /**
     * The typed view of a run's result.
     */
    public static Output of(AkornResult result) {
      return new Output(
            result.output("logits"),
            result.output("energies"),
            result.layers());
    }
  }
}
