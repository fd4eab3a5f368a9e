// Generated from tetrominoes.akorn by akorn 0.1.0-SNAPSHOT. Do not edit.
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
 * Object discovery on 32x32 Tetrominoes-like images with the reference's Tetrominoes settings:
 * patch 4 (an 8x8 grid), one attention layer with GTA, no c_norm, T 8, ch 128; a max-pooled MLP
 * head gives the features of the self-supervised (SimCLR) loss. Objects are found by clustering
 * the last read-out. `akorn demo objects run` trains it at ch 64, T 4 on a CPU.
 *
 * <p>Inputs (B is the batch):
 * <ul>
 *   <li>{@code image}: {@code [B, 3, 32, 32] float32}, image in [0, 1]; RGB image in [0, 1].
 * </ul>
 *
 * <p>Outputs:
 * <ul>
 *   <li>{@code features}: {@code [B, 128]}, the head 'features'; Features for the contrastive loss.
 *   <li>{@code c_last}: {@code [B, 128, 8, 8]}, the last stimulus c (read-out); The last read-out per patch: what clustering uses.
 * </ul>
 * Every run also returns, per Kuramoto layer, its energies and (when kept) states; raise the
 * steps T at test time with {@code Builder.steps(...)} or {@code RunOptions.withSteps(...)}.
 *
 * <p>Hyper-parameters (set them with {@link #builder()}):
 * <ul>
 *   <li>{@code ch} = {@code 128}
 *   <li>{@code n} = {@code 4}
 *   <li>{@code heads} = {@code 8}
 *   <li>{@code T} = {@code 8}
 *   <li>{@code patch} = {@code 4} Patch size: kernel and stride of the patchify conv.
 * </ul>
 *
 * <p>Reference weights: {@link #importReferenceWeights} reads a PyTorch {@code state_dict}
 * saved as {@code .npz} with the reference's own key names (objects layout).
 *
 * <p>Generated from tetrominoes.akorn by akorn 0.1.0-SNAPSHOT. Do not edit.
 */
public final class Tetrominoes extends GeneratedModel {
  /**
   * The model's name as declared in its {@code .akorn} file.
   */
  public static final String MODEL_NAME = "Tetrominoes";

  /**
   * Declared inputs, in declaration order.
   */
  public static final List<String> INPUT_NAMES = List.of("image");

  /**
   * Declared outputs, in declaration order.
   */
  public static final List<String> OUTPUT_NAMES = List.of("features", "c_last");

  private final int ch;

  private final int n;

  private final int heads;

  private final int T;

  private final int patch;

  /**
   * Steps per layer from {@link Builder#steps}, or null for the declared ones.
   */
  private final int[] steps;

  private final AkornNetwork network;

  private Tetrominoes(Builder builder) {
    super(MODEL_NAME, INPUT_NAMES, OUTPUT_NAMES);
    this.steps = builder.steps == null ? null : builder.steps.clone();
    this.ch = builder.ch;
    this.n = builder.n;
    this.heads = builder.heads;
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
        .optStimulusNorm(KuramotoLayer.StimulusNorm.NONE)
        .optProjection(true)
        .build();
    OpChain readOut0 = new OpChain(List.of(
        new ReadOutConv(this.ch, this.ch, this.n, 1)));
    builder.addStage(Stage.builder()
        .setLayer(layer0)
        .optReadOut(readOut0)
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
  public static Tetrominoes fromCheckpoint(Path file) throws IOException {
    Builder builder = builder();
    Map<String, String> values = ModelSupport.checkpointMetadata(file, MODEL_NAME).hyperParameters();
    ModelSupport.ifPresent(values, "ch", v -> builder.ch(Integer.parseInt(v)));
    ModelSupport.ifPresent(values, "n", v -> builder.n(Integer.parseInt(v)));
    ModelSupport.ifPresent(values, "heads", v -> builder.heads(Integer.parseInt(v)));
    ModelSupport.ifPresent(values, "T", v -> builder.T(Integer.parseInt(v)));
    ModelSupport.ifPresent(values, "patch", v -> builder.patch(Integer.parseInt(v)));
    return ModelSupport.loadOrClose(builder.build(), file);
  }

  /**
   * Builds a {@link Tetrominoes}; every hyper-parameter starts at its default.
   */
  public static final class Builder {
    private int ch = 128;

    private int n = 4;

    private int heads = 8;

    private int T = 8;

    private int patch = 4;

    private int[] steps;

    private Builder() {
    }

    /**
     * Sets {@code ch}.
     *
     * <p>Default: {@code 128}.
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
     * <p>Default: {@code 8}.
     */
    public Builder heads(int heads) {
      this.heads = heads;
      return this;
    }

    /**
     * Sets {@code T}.
     *
     * <p>Default: {@code 8}.
     */
    public Builder T(int T) {
      this.T = T;
      return this;
    }

    /**
     * Patch size: kernel and stride of the patchify conv.
     *
     * <p>Default: {@code 4}.
     */
    public Builder patch(int patch) {
      this.patch = patch;
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
     * Builds the model and initialises its parameters (call {@link Tetrominoes#close()} when done).
     */
    public Tetrominoes build() {
      ModelSupport.checkSteps(steps, 1);
      return new Tetrominoes(this);
    }
  }

  /**
   * The model's inputs, each with a leading batch axis B.
   *
   * @param image {@code [B, 3, 32, 32] float32}: image in [0, 1]; RGB image in [0, 1].
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
   * @param features {@code [B, 128]}: the head 'features'; Features for the contrastive loss.
   * @param c_last {@code [B, 128, 8, 8]}: the last stimulus c (read-out); The last read-out per patch: what clustering uses.
   * @param layers per Kuramoto layer: its states (all when kept, else the last) and
   *     energies e_0..e_T
   */
  public record Output(NDArray features, NDArray c_last, List<KuramotoResult> layers) {
    /**
     * The typed view of a run's result.
     */
    public static Output of(AkornResult result) {
      return new Output(
            result.output("features"),
            result.output("c_last"),
            result.layers());
    }
  }
}
