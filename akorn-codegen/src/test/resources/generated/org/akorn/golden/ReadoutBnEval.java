// Generated from readout_bn_eval.akorn by akorn 0.1.0-SNAPSHOT. Do not edit.
package org.akorn.golden;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.akorn.runtime.AkornResult;
import org.akorn.runtime.GeneratedModel;
import org.akorn.runtime.ModelSupport;
import org.akorn.runtime.RunOptions;
import org.akorn.runtime.nn.FeatureNorm;
import org.akorn.runtime.nn.KuramotoResult;
import org.akorn.runtime.nn.NormReluConv;
import org.akorn.runtime.nn.OpChain;
import org.akorn.runtime.nn.ReadOutConv;
import org.akorn.runtime.nn.ResidualFeedForward;
import org.akorn.runtime.weights.WeightMapping;

/**
 * Golden fixture readout_bn_eval: a read-out stack alone (ReadOutConv N = 2, k = 3; residual
 * feed-forward with BatchNorm; BatchNorm-ReLU-conv), evaluated in eval mode.
 *
 * <p>Inputs (B is the batch):
 * <ul>
 *   <li>{@code x}: {@code [B, 16, 6, 6] float32}, raw oscillator state x; Oscillator state [C, H, W].
 * </ul>
 *
 * <p>Outputs:
 * <ul>
 *   <li>{@code y}: {@code [B, 16, 6, 6]}, the last stimulus c (read-out); The read-out.
 * </ul>
 *
 * <p>Reference weights: {@link #importReferenceWeights} reads a PyTorch {@code state_dict}
 * saved as {@code .npz} with the reference's own key names (read-out-only layout).
 *
 * <p>Generated from readout_bn_eval.akorn by akorn 0.1.0-SNAPSHOT. Do not edit.
 */
public final class ReadoutBnEval extends GeneratedModel {
  /**
   * The model's name as declared in its {@code .akorn} file.
   */
  public static final String MODEL_NAME = "ReadoutBnEval";

  /**
   * Declared inputs, in declaration order.
   */
  public static final List<String> INPUT_NAMES = List.of("x");

  /**
   * Declared outputs, in declaration order.
   */
  public static final List<String> OUTPUT_NAMES = List.of("y");

  private final OpChain readOut;

  private ReadoutBnEval(Builder builder) {
    super(MODEL_NAME, INPUT_NAMES, OUTPUT_NAMES);
    this.readOut = initialize(this::createReadOut, new Shape(1, 16, 6, 6));
  }

  /**
   * A builder with every hyper-parameter at its default.
   */
  public static Builder builder() {
    return new Builder();
  }

  private OpChain createReadOut() {
    return new OpChain(List.of(
        new ReadOutConv(16, 16, 2, 3),
        new ResidualFeedForward(16, 16, 3, FeatureNorm.BATCH),
        new NormReluConv(16, 16, 3, FeatureNorm.BATCH)));
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
    NDArray state = input.x();
    NDArray stimulus = readOut.apply(new ParameterStore(manager(), false), state, options.training());
    Map<String, NDArray> outputs = new LinkedHashMap<>();
    outputs.put("y", stimulus);
    return new AkornResult(outputs, List.of());
  }

  private void checkInput(Input input) {
    ModelSupport.checkInput("x", input.x(), ModelSupport.ElementKind.FLOAT, 16, 6, 6);
  }

  @Override
  public Map<String, String> hyperParameters() {
    return Map.of();
  }

  /**
   * The read-out chain, the model's only block.
   */
  public OpChain readOut() {
    return readOut;
  }

  @Override
  public WeightMapping referenceMapping() {
    return WeightMapping.builder().add("", readOut).build();
  }

  /**
   * Builds the model with the hyper-parameters a checkpoint of this class records, then loads its
   * weights (e.g. once per executor).
   */
  public static ReadoutBnEval fromCheckpoint(Path file) throws IOException {
    Builder builder = builder();
    ModelSupport.checkpointMetadata(file, MODEL_NAME);
    return ModelSupport.loadOrClose(builder.build(), file);
  }

  /**
   * Builds a {@link ReadoutBnEval}; every hyper-parameter starts at its default.
   */
  public static final class Builder {
    private Builder() {
    }

    /**
     * Builds the model and initialises its parameters (call {@link ReadoutBnEval#close()} when done).
     */
    public ReadoutBnEval build() {
      return new ReadoutBnEval(this);
    }
  }

  /**
   * The model's inputs, each with a leading batch axis B.
   *
   * @param x {@code [B, 16, 6, 6] float32}: raw oscillator state x; Oscillator state [C, H, W].
   */
  public record Input(NDArray x) {
    /**
     * The inputs by their declared names; rejects a missing or unknown name.
     */
    public static Input of(Map<String, NDArray> inputs) {
      return new Input(
            ModelSupport.require(inputs, "x", INPUT_NAMES));
    }
  }

  /**
   * The model's declared outputs and every Kuramoto layer's result.
   *
   * @param y {@code [B, 16, 6, 6]}: the last stimulus c (read-out); The read-out.
   * @param layers per Kuramoto layer: its states (all when kept, else the last) and
   *     energies e_0..e_T
   */
  public record Output(NDArray y, List<KuramotoResult> layers) {
    /**
     * The typed view of a run's result.
     */
    public static Output of(AkornResult result) {
      return new Output(
            result.output("y"),
            result.layers());
    }
  }
}
