// Generated from klayer_conv_gn_globalomega.akorn by akorn 0.1.0-SNAPSHOT. Do not edit.
package org.akorn.golden;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.akorn.runtime.AkornInput;
import org.akorn.runtime.AkornNetwork;
import org.akorn.runtime.AkornResult;
import org.akorn.runtime.GeneratedModel;
import org.akorn.runtime.ModelSupport;
import org.akorn.runtime.RunOptions;
import org.akorn.runtime.nn.InitialState;
import org.akorn.runtime.nn.KuramotoLayer;
import org.akorn.runtime.nn.KuramotoResult;
import org.akorn.runtime.nn.OmegaTerm;
import org.akorn.runtime.nn.Stage;
import org.akorn.runtime.weights.WeightMapping;

/**
 * Golden fixture klayer_conv_gn_globalomega: 3x3 conv coupling, GroupNorm stimulus, global Omega.
 * The input is the raw stimulus c; x starts as noise (the fixture's x0).
 *
 * <p>Inputs (B is the batch):
 * <ul>
 *   <li>{@code c}: {@code [B, 16, 6, 6] float32}, raw stimulus c; Conditional stimulus [C, H, W].
 * </ul>
 *
 * <p>Outputs:
 * <ul>
 *   <li>{@code xs}: {@code [T, B, 16, 6, 6]}, every state of the last layer, x_1..x_T; Every oscillator state, one per step.
 *   <li>{@code es}: {@code [T + 1, B]}, energies per step, e_0 = 0 then e_1..e_T; Energy per step (es.0 = 0).
 * </ul>
 * Every run also returns, per Kuramoto layer, its energies and (when kept) states; raise the
 * steps T at test time with {@code Builder.steps(...)} or {@code RunOptions.withSteps(...)}.
 *
 * <p>Reference weights: {@link #importReferenceWeights} reads a PyTorch {@code state_dict}
 * saved as {@code .npz} with the reference's own key names (single-layer layout).
 *
 * <p>Generated from klayer_conv_gn_globalomega.akorn by akorn 0.1.0-SNAPSHOT. Do not edit.
 */
public final class KlayerConvGnGlobalOmega extends GeneratedModel {
  /**
   * The model's name as declared in its {@code .akorn} file.
   */
  public static final String MODEL_NAME = "KlayerConvGnGlobalOmega";

  /**
   * Declared inputs, in declaration order.
   */
  public static final List<String> INPUT_NAMES = List.of("c");

  /**
   * Declared outputs, in declaration order.
   */
  public static final List<String> OUTPUT_NAMES = List.of("xs", "es");

  /**
   * Steps per layer from {@link Builder#steps}, or null for the declared ones.
   */
  private final int[] steps;

  private final AkornNetwork network;

  private KlayerConvGnGlobalOmega(Builder builder) {
    super(MODEL_NAME, INPUT_NAMES, OUTPUT_NAMES);
    this.steps = builder.steps == null ? null : builder.steps.clone();
    this.network = initialize(this::createNetwork, new Shape(1, 16, 6, 6));
  }

  /**
   * A builder with every hyper-parameter at its default.
   */
  public static Builder builder() {
    return new Builder();
  }

  private AkornNetwork createNetwork() {
    AkornNetwork.Builder builder = AkornNetwork.builder()
        .optInitialState(InitialState.noise());
    KuramotoLayer layer0 = KuramotoLayer.builder()
        .setChannels(16)
        .setOscillatorDim(4)
        .optSteps(stepsOf(0, 3))
        .setConvConnectivity(3)
        .optOmega(OmegaTerm.Scope.GLOBAL, 1.0f, true)
        .optStimulusNorm(KuramotoLayer.StimulusNorm.GROUP)
        .optProjection(true)
        .optGamma(1.0f)
        .build();
    builder.addStage(Stage.builder()
        .setLayer(layer0)
        .build());
    return builder.build();
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
   * its stimulus.
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
    AkornInput in = AkornInput.of(input.c())
            .withNoise(initialState);
    AkornResult result = network.run(new ParameterStore(manager(), false), in, options.withKeepStates(true));
    Map<String, NDArray> outputs = new LinkedHashMap<>();
    outputs.put("xs", ModelSupport.states(result.layers().get(0)));
    outputs.put("es", ModelSupport.energies(result.layers()));
    return new AkornResult(outputs, result.layers());
  }

  private void checkInput(Input input) {
    ModelSupport.checkInput("c", input.c(), ModelSupport.ElementKind.FLOAT, 16, 6, 6);
  }

  @Override
  public Map<String, String> hyperParameters() {
    return Map.of();
  }

  @Override
  public WeightMapping referenceMapping() {
    return WeightMapping.builder().add("", network.stages().get(0).layer()).build();
  }

  /**
   * Builds the model with the hyper-parameters a checkpoint of this class records, then loads its
   * weights (e.g. once per executor).
   */
  public static KlayerConvGnGlobalOmega fromCheckpoint(Path file) throws IOException {
    Builder builder = builder();
    ModelSupport.checkpointMetadata(file, MODEL_NAME);
    return ModelSupport.loadOrClose(builder.build(), file);
  }

  /**
   * Builds a {@link KlayerConvGnGlobalOmega}; every hyper-parameter starts at its default.
   */
  public static final class Builder {
    private int[] steps;

    private Builder() {
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
     * Builds the model and initialises its parameters (call {@link KlayerConvGnGlobalOmega#close()} when done).
     */
    public KlayerConvGnGlobalOmega build() {
      ModelSupport.checkSteps(steps, 1);
      return new KlayerConvGnGlobalOmega(this);
    }
  }

  /**
   * The model's inputs, each with a leading batch axis B.
   *
   * @param c {@code [B, 16, 6, 6] float32}: raw stimulus c; Conditional stimulus [C, H, W].
   */
  public record Input(NDArray c) {
    /**
     * The inputs by their declared names; rejects a missing or unknown name.
     */
    public static Input of(Map<String, NDArray> inputs) {
      return new Input(
            ModelSupport.require(inputs, "c", INPUT_NAMES));
    }
  }

  /**
   * The model's declared outputs and every Kuramoto layer's result.
   *
   * @param xs {@code [T, B, 16, 6, 6]}: every state of the last layer, x_1..x_T; Every oscillator state, one per step.
   * @param es {@code [T + 1, B]}: energies per step, e_0 = 0 then e_1..e_T; Energy per step (es.0 = 0).
   * @param layers per Kuramoto layer: its states (all when kept, else the last) and
   *     energies e_0..e_T
   */
  public record Output(NDArray xs, NDArray es, List<KuramotoResult> layers) {
    /**
     * The typed view of a run's result.
     */
    public static Output of(AkornResult result) {
      return new Output(
            result.output("xs"),
            result.output("es"),
            result.layers());
    }
  }
}
