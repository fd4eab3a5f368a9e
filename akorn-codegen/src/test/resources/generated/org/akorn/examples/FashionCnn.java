// Generated from fashion_cnn.akorn by akorn 0.1.0-SNAPSHOT. Do not edit.
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
import org.akorn.runtime.RunOptions;
import org.akorn.runtime.nn.ConvStem;
import org.akorn.runtime.nn.FeatureNorm;
import org.akorn.runtime.nn.InitialState;
import org.akorn.runtime.nn.KuramotoResult;
import org.akorn.runtime.nn.NormReluConv;
import org.akorn.runtime.nn.OpChain;
import org.akorn.runtime.nn.PooledLinearHead;
import org.akorn.runtime.nn.Pooling;
import org.akorn.runtime.nn.ResidualFeedForward;
import org.akorn.runtime.nn.Stage;
import org.akorn.runtime.weights.WeightMapping;

/**
 * The baseline of the classification demo: a plain convolutional network without oscillators, of
 * about the parameter count of fashion.akorn's FashionAkorn: the same 2x2 patch stem, two strided
 * pre-activation units (batch norm, ReLU, conv) that halve the grid twice, a residual pair of
 * units, and the same head. Most of its parameters work on the 4x4 grid, so a step costs far
 * fewer operations than the AKOrN model's.
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
 *
 * <p>Hyper-parameters (set them with {@link #builder()}):
 * <ul>
 *   <li>{@code ch} = {@code 32} Channels after the stem; each strided unit doubles them.
 *   <li>{@code classes} = {@code 10}
 * </ul>
 *
 * <p>Reference weights: {@link #importReferenceWeights} reads a PyTorch {@code state_dict}
 * saved as {@code .npz} with the reference's own key names (native layout).
 *
 * <p>Generated from fashion_cnn.akorn by akorn 0.1.0-SNAPSHOT. Do not edit.
 */
public final class FashionCnn extends GeneratedModel {
  /**
   * The model's name as declared in its {@code .akorn} file.
   */
  public static final String MODEL_NAME = "FashionCnn";

  /**
   * Declared inputs, in declaration order.
   */
  public static final List<String> INPUT_NAMES = List.of("image");

  /**
   * Declared outputs, in declaration order.
   */
  public static final List<String> OUTPUT_NAMES = List.of("logits");

  private final int ch;

  private final int classes;

  private final AkornNetwork network;

  private FashionCnn(Builder builder) {
    super(MODEL_NAME, INPUT_NAMES, OUTPUT_NAMES);
    this.ch = builder.ch;
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
    OpChain features = new OpChain(List.of(
        new NormReluConv(this.ch, 2 * this.ch, 3, FeatureNorm.BATCH, 2),
        new NormReluConv(2 * this.ch, 4 * this.ch, 3, FeatureNorm.BATCH, 2),
        new ResidualFeedForward(4 * this.ch, 2 * this.ch, 3, FeatureNorm.BATCH)));
    builder.addStage(Stage.builder()
        .optReadOut(features)
        .build());
    return builder
        .optHead(new PooledLinearHead(Pooling.AVG, 4 * this.ch, this.classes))
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
    values.put("classes", String.valueOf(this.classes));
    return Collections.unmodifiableMap(values);
  }

  @Override
  public WeightMapping referenceMapping() {
    return WeightMapping.builder().add("", network).build();
  }

  /**
   * Builds the model with the hyper-parameters a checkpoint of this class records, then loads its
   * weights (e.g. once per executor).
   */
  public static FashionCnn fromCheckpoint(Path file) throws IOException {
    Builder builder = builder();
    Map<String, String> values = ModelSupport.checkpointMetadata(file, MODEL_NAME).hyperParameters();
    ModelSupport.ifPresent(values, "ch", v -> builder.ch(Integer.parseInt(v)));
    ModelSupport.ifPresent(values, "classes", v -> builder.classes(Integer.parseInt(v)));
    return ModelSupport.loadOrClose(builder.build(), file);
  }

  /**
   * Builds a {@link FashionCnn}; every hyper-parameter starts at its default.
   */
  public static final class Builder {
    private int ch = 32;

    private int classes = 10;

    private Builder() {
    }

    /**
     * Channels after the stem; each strided unit doubles them.
     *
     * <p>Default: {@code 32}.
     */
    public Builder ch(int ch) {
      this.ch = ch;
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
     * Builds the model and initialises its parameters (call {@link FashionCnn#close()} when done).
     */
    public FashionCnn build() {
      return new FashionCnn(this);
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
