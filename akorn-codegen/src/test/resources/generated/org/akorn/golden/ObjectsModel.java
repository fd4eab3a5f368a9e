// Generated from objects_model.akorn by akorn 0.1.0-SNAPSHOT. Do not edit.
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
import org.akorn.runtime.nn.ConvStem;
import org.akorn.runtime.nn.InitialState;
import org.akorn.runtime.nn.KuramotoLayer;
import org.akorn.runtime.nn.KuramotoResult;
import org.akorn.runtime.nn.OpChain;
import org.akorn.runtime.nn.PooledMlpHead;
import org.akorn.runtime.nn.Pooling;
import org.akorn.runtime.nn.ReadOutConv;
import org.akorn.runtime.nn.Stage;
import org.akorn.runtime.weights.WeightMapping;

/**
 * Golden fixture objects_model: object discovery at 32x32, patch 4, ch 32, two GTA layers.
 *
 * <p>Inputs (B is the batch):
 * <ul>
 *   <li>{@code image}: {@code [B, 3, 32, 32] float32}, image in [0, 1]
 * </ul>
 *
 * <p>Outputs:
 * <ul>
 *   <li>{@code features}: {@code [B, 32]}, the head 'features'
 *   <li>{@code c_last}: {@code [B, 32, 8, 8]}, the last stimulus c (read-out)
 *   <li>{@code x_last}: {@code [B, 32, 8, 8]}, the last oscillator state x
 *   <li>{@code es}: {@code [2, T + 1, B]}, energies per step, e_0 = 0 then e_1..e_T
 * </ul>
 * Every run also returns, per Kuramoto layer, its energies and (when kept) states; raise the
 * steps T at test time with {@code Builder.steps(...)} or {@code RunOptions.withSteps(...)}.
 *
 * <p>Hyper-parameters (set them with {@link #builder()}):
 * <ul>
 *   <li>{@code ch} = {@code 32}
 *   <li>{@code n} = {@code 4}
 *   <li>{@code heads} = {@code 4}
 *   <li>{@code L} = {@code 2}
 *   <li>{@code T} = {@code 3}
 *   <li>{@code patch} = {@code 4}
 * </ul>
 *
 * <p>Reference weights: {@link #importReferenceWeights} reads a PyTorch {@code state_dict}
 * saved as {@code .npz} with the reference's own key names (objects layout).
 *
 * <p>Generated from objects_model.akorn by akorn 0.1.0-SNAPSHOT. Do not edit.
 */
public final class ObjectsModel extends GeneratedModel {
  /**
   * The model's name as declared in its {@code .akorn} file.
   */
  public static final String MODEL_NAME = "ObjectsModel";

  /**
   * Declared inputs, in declaration order.
   */
  public static final List<String> INPUT_NAMES = List.of("image");

  /**
   * Declared outputs, in declaration order.
   */
  public static final List<String> OUTPUT_NAMES = List.of("features", "c_last", "x_last", "es");

  private final int ch;

  private final int n;

  private final int heads;

  private final int L;

  private final int T;

  private final int patch;

  /**
   * Steps per layer from {@link Builder#steps}, or null for the declared ones.
   */
  private final int[] steps;

  private final AkornNetwork network;

  private ObjectsModel(Builder builder) {
    super(MODEL_NAME, INPUT_NAMES, OUTPUT_NAMES);
    this.steps = builder.steps == null ? null : builder.steps.clone();
    this.ch = builder.ch;
    this.n = builder.n;
    this.heads = builder.heads;
    this.L = builder.L;
    this.T = builder.T;
    this.patch = builder.patch;
    this.network = initialize(this::createNetwork, new Shape(1, 3, 32, 32));
  }

  /**
   * A builder with every hyper-parameter at its default.
   */
  public static Builder builder() {
    return new Builder();
  }

  private AkornNetwork createNetwork() {
    AkornNetwork.Builder builder = AkornNetwork.builder()
        .optStem(ConvStem.patchify(3, this.ch, this.patch))
        .optInitialState(InitialState.noise());
    KuramotoLayer layer0 = KuramotoLayer.builder()
        .setChannels(this.ch)
        .setOscillatorDim(this.n)
        .optSteps(stepsOf(0, this.T))
        .setGtaAttentionConnectivity(this.heads, 32 / this.patch, 32 / this.patch)
        .optStimulusNorm(KuramotoLayer.StimulusNorm.GROUP)
        .optProjection(true)
        .build();
    OpChain readOut0 = new OpChain(List.of(
        new ReadOutConv(this.ch, this.ch, this.n, 1)));
    builder.addStage(Stage.builder()
        .setLayer(layer0)
        .optReadOut(readOut0)
        .build());
    KuramotoLayer layer1 = KuramotoLayer.builder()
        .setChannels(this.ch)
        .setOscillatorDim(this.n)
        .optSteps(stepsOf(1, this.T))
        .setGtaAttentionConnectivity(this.heads, 32 / this.patch, 32 / this.patch)
        .optStimulusNorm(KuramotoLayer.StimulusNorm.GROUP)
        .optProjection(true)
        .build();
    OpChain readOut1 = new OpChain(List.of(
        new ReadOutConv(this.ch, this.ch, this.n, 1)));
    builder.addStage(Stage.builder()
        .setLayer(layer1)
        .optReadOut(readOut1)
        .build());
    return builder
        .optHead(new PooledMlpHead(Pooling.MAX, this.ch, 4 * this.ch, this.ch))
        .optOutputName("features")
        .optGamma(1.0f, false)
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
    AkornInput in = AkornInput.of(input.image())
            .withNoise(initialState);
    AkornResult result = network.run(new ParameterStore(manager(), false), in, options);
    Map<String, NDArray> outputs = new LinkedHashMap<>();
    outputs.put("features", result.output("features"));
    outputs.put("c_last", result.output("c_last"));
    outputs.put("x_last", result.output("x_last"));
    outputs.put("es", ModelSupport.energies(result.layers()));
    return new AkornResult(outputs, result.layers());
  }

  private void checkInput(Input input) {
    ModelSupport.checkInput("image", input.image(), ModelSupport.ElementKind.FLOAT, 3, 32, 32);
  }

  @Override
  public Map<String, String> hyperParameters() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("ch", String.valueOf(this.ch));
    values.put("n", String.valueOf(this.n));
    values.put("heads", String.valueOf(this.heads));
    values.put("L", String.valueOf(this.L));
    values.put("T", String.valueOf(this.T));
    values.put("patch", String.valueOf(this.patch));
    return Collections.unmodifiableMap(values);
  }

  @Override
  public WeightMapping referenceMapping() {
    return ReferenceLayouts.objects(network);
  }

  /**
   * Builds the model with the hyper-parameters a checkpoint of this class records, then loads its
   * weights (e.g. once per executor).
   */
  public static ObjectsModel fromCheckpoint(Path file) throws IOException {
    Builder builder = builder();
    Map<String, String> values = ModelSupport.checkpointMetadata(file, MODEL_NAME).hyperParameters();
    ModelSupport.ifPresent(values, "ch", v -> builder.ch(Integer.parseInt(v)));
    ModelSupport.ifPresent(values, "n", v -> builder.n(Integer.parseInt(v)));
    ModelSupport.ifPresent(values, "heads", v -> builder.heads(Integer.parseInt(v)));
    ModelSupport.ifPresent(values, "L", v -> builder.L(Integer.parseInt(v)));
    ModelSupport.ifPresent(values, "T", v -> builder.T(Integer.parseInt(v)));
    ModelSupport.ifPresent(values, "patch", v -> builder.patch(Integer.parseInt(v)));
    return ModelSupport.loadOrClose(builder.build(), file);
  }

  /**
   * Builds a {@link ObjectsModel}; every hyper-parameter starts at its default.
   */
  public static final class Builder {
    private int ch = 32;

    private int n = 4;

    private int heads = 4;

    private int L = 2;

    private int T = 3;

    private int patch = 4;

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
     * Sets {@code L}.
     *
     * <p>Default: {@code 2}.
     *
     * <p>Fixed at generation time: it shaped the structure, so {@link #build()}
     * rejects another value.
     */
    public Builder L(int L) {
      this.L = L;
      return this;
    }

    /**
     * Sets {@code T}.
     *
     * <p>Default: {@code 3}.
     */
    public Builder T(int T) {
      this.T = T;
      return this;
    }

    /**
     * Sets {@code patch}.
     *
     * <p>Default: {@code 4}.
     */
    public Builder patch(int patch) {
      this.patch = patch;
      return this;
    }

    /**
     * Kuramoto steps T, one value for every layer or one per layer (2 layers), instead of the
     * declared ones: e.g. raise T at test time. The weights do not depend on T, so this is not a
     * hyper-parameter and checkpoints stay compatible.
     */
    public Builder steps(int... steps) {
      this.steps = steps.clone();
      return this;
    }

    /**
     * Builds the model and initialises its parameters (call {@link ObjectsModel#close()} when done).
     */
    public ObjectsModel build() {
      if (L != 2) {
        throw new IllegalStateException("L is fixed at generation time to 2; got " + L + ". Regenerate the model with -P L=<value>");
      }
      ModelSupport.checkSteps(steps, 2);
      return new ObjectsModel(this);
    }
  }

  /**
   * The model's inputs, each with a leading batch axis B.
   *
   * @param image {@code [B, 3, 32, 32] float32}: image in [0, 1]
   */
  public record Input(NDArray image) {
    /**
     * The inputs by their declared names; rejects a missing or unknown name.
     */
    public static Input of(Map<String, NDArray> inputs) {
      return new Input(
            ModelSupport.require(inputs, "image", INPUT_NAMES));
    }
  }

  /**
   * The model's declared outputs and every Kuramoto layer's result.
   *
   * @param features {@code [B, 32]}: the head 'features'
   * @param c_last {@code [B, 32, 8, 8]}: the last stimulus c (read-out)
   * @param x_last {@code [B, 32, 8, 8]}: the last oscillator state x
   * @param es {@code [2, T + 1, B]}: energies per step, e_0 = 0 then e_1..e_T
   * @param layers per Kuramoto layer: its states (all when kept, else the last) and
   *     energies e_0..e_T
   */
  public record Output(NDArray features, NDArray c_last, NDArray x_last, NDArray es,
      List<KuramotoResult> layers) {
    /**
     * The typed view of a run's result.
     */
    public static Output of(AkornResult result) {
      return new Output(
            result.output("features"),
            result.output("c_last"),
            result.output("x_last"),
            result.output("es"),
            result.layers());
    }
  }
}
