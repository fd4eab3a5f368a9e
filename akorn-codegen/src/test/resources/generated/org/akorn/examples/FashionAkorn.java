// Generated from fashion.akorn by akorn 0.1.0-SNAPSHOT. Do not edit.
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
import org.akorn.runtime.nn.Conv2dBlock;
import org.akorn.runtime.nn.ConvStem;
import org.akorn.runtime.nn.FeatureNorm;
import org.akorn.runtime.nn.InitialState;
import org.akorn.runtime.nn.KuramotoLayer;
import org.akorn.runtime.nn.KuramotoResult;
import org.akorn.runtime.nn.NormReluConv;
import org.akorn.runtime.nn.OmegaTerm;
import org.akorn.runtime.nn.OpChain;
import org.akorn.runtime.nn.PooledLinearHead;
import org.akorn.runtime.nn.Pooling;
import org.akorn.runtime.nn.ReadOutConv;
import org.akorn.runtime.nn.SharedTransition;
import org.akorn.runtime.nn.Stage;
import org.akorn.runtime.weights.WeightMapping;

/**
 * A Fashion-MNIST classifier (DESIGN.md family 3 at CPU scale): a 2x2 patch stem, then L
 * convolutional Kuramoto layers with doubling channels and a strided conv between them applied to
 * both x and c; each layer's last state is read out into the next stimulus; the head averages the
 * last read-out and maps it to the class logits.
 *
 * <p>Inputs (B is the batch):
 * <ul>
 *   <li>{@code image}: {@code [B, 1, 28, 28] float32}, image in [0, 1]; Grey-scale image in [0, 1].
 * </ul>
 *
 * <p>Outputs:
 * <ul>
 *   <li>{@code logits}: {@code [B, 10]}, the head 'logits'; Class logits.
 * </ul>
 * Every run also returns, per Kuramoto layer, its energies and (when kept) states; raise the
 * steps T at test time with {@code Builder.steps(...)} or {@code RunOptions.withSteps(...)}.
 *
 * <p>Hyper-parameters (set them with {@link #builder()}):
 * <ul>
 *   <li>{@code ch} = {@code 32} Channels of the first layer; layer i has ch * 2^i.
 *   <li>{@code L} = {@code 2} Number of Kuramoto layers.
 *   <li>{@code T} = {@code 3} Kuramoto steps per layer.
 *   <li>{@code n} = {@code 4} Components per oscillator.
 *   <li>{@code ksizes} = {@code [5, 3]} Coupling kernel per layer.
 *   <li>{@code classes} = {@code 10}
 * </ul>
 *
 * <p>Reference weights: {@link #importReferenceWeights} reads a PyTorch {@code state_dict}
 * saved as {@code .npz} with the reference's own key names (objects layout).
 *
 * <p>Generated from fashion.akorn by akorn 0.1.0-SNAPSHOT. Do not edit.
 */
public final class FashionAkorn extends GeneratedModel {
  /**
   * The model's name as declared in its {@code .akorn} file.
   */
  public static final String MODEL_NAME = "FashionAkorn";

  /**
   * Declared inputs, in declaration order.
   */
  public static final List<String> INPUT_NAMES = List.of("image");

  /**
   * Declared outputs, in declaration order.
   */
  public static final List<String> OUTPUT_NAMES = List.of("logits");

  private final int ch;

  private final int L;

  private final int T;

  private final int n;

  private final List<Integer> ksizes;

  private final int classes;

  /**
   * Steps per layer from {@link Builder#steps}, or null for the declared ones.
   */
  private final int[] steps;

  private final AkornNetwork network;

  private FashionAkorn(Builder builder) {
    super(MODEL_NAME, INPUT_NAMES, OUTPUT_NAMES);
    this.steps = builder.steps == null ? null : builder.steps.clone();
    this.ch = builder.ch;
    this.L = builder.L;
    this.T = builder.T;
    this.n = builder.n;
    this.ksizes = builder.ksizes;
    this.classes = builder.classes;
    this.network = initialize(this::createNetwork, new Shape(1, 1, 28, 28));
  }

  /**
   * A builder with every hyper-parameter at its default.
   */
  public static Builder builder() {
    return new Builder();
  }

  private AkornNetwork createNetwork() {
    AkornNetwork.Builder builder = AkornNetwork.builder()
        .optStem(ConvStem.patchify(1, this.ch, 2))
        .optInitialState(InitialState.noise());
    KuramotoLayer layer0 = KuramotoLayer.builder()
        .setChannels(this.ch)
        .setOscillatorDim(this.n)
        .optSteps(stepsOf(0, this.T))
        .setConvConnectivity(this.ksizes.get(0))
        .optOmega(OmegaTerm.Scope.GLOBAL, 1.0f, true)
        .optStimulusNorm(KuramotoLayer.StimulusNorm.GROUP)
        .optProjection(true)
        .build();
    OpChain readOut0 = new OpChain(List.of(
        new ReadOutConv(this.ch, this.ch, 2, 3),
        new NormReluConv(this.ch, this.ch, 3, FeatureNorm.BATCH)));
    builder.addStage(Stage.builder()
        .setLayer(layer0)
        .optReadOut(readOut0)
        .build());
    SharedTransition transition1 = new SharedTransition(Conv2dBlock.builder()
        .setChannels(this.ch, this.ch * 2)
        .setKernel(3)
        .optStride(2)
        .build());
    KuramotoLayer layer1 = KuramotoLayer.builder()
        .setChannels(this.ch * 2)
        .setOscillatorDim(this.n)
        .optSteps(stepsOf(1, this.T))
        .setConvConnectivity(this.ksizes.get(1))
        .optOmega(OmegaTerm.Scope.GLOBAL, 1.0f, true)
        .optStimulusNorm(KuramotoLayer.StimulusNorm.GROUP)
        .optProjection(true)
        .build();
    OpChain readOut1 = new OpChain(List.of(
        new ReadOutConv(this.ch * 2, this.ch * 2, 2, 3),
        new NormReluConv(this.ch * 2, this.ch * 2, 3, FeatureNorm.BATCH)));
    builder.addStage(Stage.builder()
        .optTransition(transition1)
        .setLayer(layer1)
        .optReadOut(readOut1)
        .build());
    return builder
        .optHead(new PooledLinearHead(Pooling.AVG, this.ch * 2, this.classes))
        .optOutputName("logits")
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
    outputs.put("logits", result.output("logits"));
    return new AkornResult(outputs, result.layers());
  }

  private void checkInput(Input input) {
    ModelSupport.checkInput("image", input.image(), ModelSupport.ElementKind.FLOAT, 1, 28, 28);
  }

  @Override
  public Map<String, String> hyperParameters() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("ch", String.valueOf(this.ch));
    values.put("L", String.valueOf(this.L));
    values.put("T", String.valueOf(this.T));
    values.put("n", String.valueOf(this.n));
    values.put("ksizes", String.valueOf(this.ksizes));
    values.put("classes", String.valueOf(this.classes));
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
  public static FashionAkorn fromCheckpoint(Path file) throws IOException {
    Builder builder = builder();
    Map<String, String> values = ModelSupport.checkpointMetadata(file, MODEL_NAME).hyperParameters();
    ModelSupport.ifPresent(values, "ch", v -> builder.ch(Integer.parseInt(v)));
    ModelSupport.ifPresent(values, "L", v -> builder.L(Integer.parseInt(v)));
    ModelSupport.ifPresent(values, "T", v -> builder.T(Integer.parseInt(v)));
    ModelSupport.ifPresent(values, "n", v -> builder.n(Integer.parseInt(v)));
    ModelSupport.ifPresent(values, "ksizes", v -> builder.ksizes(ModelSupport.parseIntList(v)));
    ModelSupport.ifPresent(values, "classes", v -> builder.classes(Integer.parseInt(v)));
    return ModelSupport.loadOrClose(builder.build(), file);
  }

  /**
   * Builds a {@link FashionAkorn}; every hyper-parameter starts at its default.
   */
  public static final class Builder {
    private int ch = 32;

    private int L = 2;

    private int T = 3;

    private int n = 4;

    private List<Integer> ksizes = List.of(5, 3);

    private int classes = 10;

    private int[] steps;

    private Builder() {
    }

    /**
     * Channels of the first layer; layer i has ch * 2^i.
     *
     * <p>Default: {@code 32}.
     */
    public Builder ch(int ch) {
      this.ch = ch;
      return this;
    }

    /**
     * Number of Kuramoto layers.
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
     * Kuramoto steps per layer.
     *
     * <p>Default: {@code 3}.
     */
    public Builder T(int T) {
      this.T = T;
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
     * Coupling kernel per layer.
     *
     * <p>Default: {@code [5, 3]}.
     */
    public Builder ksizes(List<Integer> ksizes) {
      this.ksizes = List.copyOf(ksizes);
      return this;
    }

    /**
     * Sets {@code classes}.
     *
     * <p>Default: {@code 10}.
     */
    public Builder classes(int classes) {
      this.classes = classes;
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
     * Builds the model and initialises its parameters (call {@link FashionAkorn#close()} when done).
     */
    public FashionAkorn build() {
      if (L != 2) {
        throw new IllegalStateException("L is fixed at generation time to 2; got " + L + ". Regenerate the model with -P L=<value>");
      }
      ModelSupport.checkSteps(steps, 2);
      return new FashionAkorn(this);
    }
  }

  /**
   * The model's inputs, each with a leading batch axis B.
   *
   * @param image {@code [B, 1, 28, 28] float32}: image in [0, 1]; Grey-scale image in [0, 1].
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
   * @param logits {@code [B, 10]}: the head 'logits'; Class logits.
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
