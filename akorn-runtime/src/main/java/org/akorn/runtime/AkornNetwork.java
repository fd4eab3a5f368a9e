package org.akorn.runtime;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.akorn.runtime.nn.AkornBlock;
import org.akorn.runtime.nn.ArrayOp;
import org.akorn.runtime.nn.InitialState;
import org.akorn.runtime.nn.IteratedSelfAttention;
import org.akorn.runtime.nn.Inits;
import org.akorn.runtime.nn.KuramotoLayer;
import org.akorn.runtime.nn.KuramotoResult;
import org.akorn.runtime.nn.Stacks;
import org.akorn.runtime.nn.OpChain;
import org.akorn.runtime.nn.Stage;
import org.akorn.runtime.weights.WeightMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A composable AKOrN network: {@code stem -> initial state -> stages -> head}.
 *
 * <p>The stem turns the input into the first stimulus {@code c}; the initial-state strategy makes
 * the first state {@code x} from {@code c} (noise, clamped noise, learned). Each {@link Stage}
 * optionally transforms x and c by a shared transition conv, runs its {@link KuramotoLayer} from x
 * with stimulus c, and reads its last state out into the next stimulus; the next stage starts
 * from that last state. The head maps the final read-out to the output. An optional model-level
 * step size {@code gamma} (fixed or learnable) is shared by all layers.
 *
 * <p>{@link #run} is the typed entry point; {@link #forward} takes {@code NDList(input[, mask[,
 * noise]])} (a missing noise is drawn with seed 0) and returns {@code NDList(output, x_last,
 * c_last)}.
 *
 * <p>The network holds no global state: create one per thread or executor.
 */
public final class AkornNetwork extends AkornBlock {
  private static final Logger LOG = LoggerFactory.getLogger(AkornNetwork.class);

  private final ArrayOp stem;
  private final InitialState initialState;
  private final List<Stage> stages;
  private final ArrayOp head;
  private final Parameter gamma;
  private final String outputName;
  private final AtomicBoolean deviceLogged = new AtomicBoolean();

  private AkornNetwork(Builder b) {
    this.stem = b.stem == null ? null : addChildBlock("stem", b.stem);
    this.initialState = addChildBlock("init", b.initialState);
    List<Stage> list = new ArrayList<>();
    for (int i = 0; i < b.stages.size(); i++) {
      list.add(addChildBlock("stage" + i, b.stages.get(i)));
    }
    this.stages = List.copyOf(list);
    this.head = b.head == null ? null : addChildBlock("head", b.head);
    this.gamma =
        b.gamma == null
            ? null
            : addParameter(
                Parameter.builder()
                    .setName("gamma")
                    .setType(Parameter.Type.OTHER)
                    .optShape(new Shape(1))
                    .optInitializer(Inits.constant(b.gamma))
                    .optRequiresGrad(b.learnableGamma)
                    .build());
    this.outputName = b.outputName;
  }

  /** Runs the network. */
  public AkornResult run(ParameterStore ps, AkornInput in, RunOptions options) {
    NDArray input = in.input();
    if (deviceLogged.compareAndSet(false, true)) {
      LOG.info("AKOrN network running on device {}", input.getDevice());
    }
    // Every temporary of the run is closed at its end; outputs, states and energies survive.
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      boolean training = options.training();
      NDArray c = stem == null ? input : stem.apply(ps, input, training);
      NDArray mask = in.mask() == null ? null : maskLike(in.mask(), c);
      boolean oscillators = stages.stream().anyMatch(st -> st.layer() != null);
      NDArray noise = null;
      if (initialState.usesNoise() && oscillators) {
        noise =
            in.noise() != null
                ? in.noise().toDevice(c.getDevice(), false)
                : InitialState.gaussian(c.getManager(), c.getShape(), options.seed())
                    .toDevice(c.getDevice(), false)
                    .toType(c.getDataType(), false);
      }
      NDArray x = oscillators ? initialState.create(ps, c, mask, noise, training) : c;
      NDArray g = gamma == null ? null : ps.getValue(gamma, c.getDevice(), training);
      List<KuramotoResult> layers = new ArrayList<>();
      for (int i = 0; i < stages.size(); i++) {
        Stage stage = stages.get(i);
        if (stage.transition() != null) {
          x = stage.transition().applyToState(ps, x, training);
          c = stage.transition().applyToStimulus(ps, c, training);
        }
        KuramotoLayer layer = stage.layer();
        if (layer == null) {
          c = features(ps, stage.readOut(), c, in.noise(), options, training);
          continue;
        }
        int steps = options.stepsFor(i, layer.getDefaultSteps());
        KuramotoResult r = layer.run(ps, x, c, steps, g, options.keepStates(), training);
        layers.add(r);
        x = r.last();
        c = stage.readOut().apply(ps, x, training);
      }
      Map<String, NDArray> outputs = new LinkedHashMap<>();
      outputs.put(outputName, head == null ? c : head.apply(ps, c, training));
      outputs.put("x_last", x);
      outputs.put("c_last", c);
      outputs.values().forEach(NDScope::unregister);
      for (KuramotoResult r : layers) {
        r.states().forEach(NDScope::unregister);
        r.energies().forEach(NDScope::unregister);
      }
      return new AkornResult(outputs, layers);
    }
  }

  /**
   * Applies a chain of ordinary units to c. Iterated attention runs the steps of {@code options}
   * (the i-th iterated attention of the chain is "stage" i, as layers are otherwise) and, with a
   * random latent, starts from the input's noise when it is shaped like c, else from Gaussian noise
   * drawn with {@code options.seed() + i}.
   */
  private static NDArray features(
      ParameterStore ps, OpChain chain, NDArray c, NDArray noise, RunOptions options, boolean training) {
    int attention = 0;
    for (ArrayOp op : chain.ops()) {
      if (op instanceof IteratedSelfAttention a) {
        int steps = options.stepsFor(attention, a.getDefaultSteps());
        NDArray latent = null;
        if (a.hasRandomLatent()) {
          latent = noise != null && noise.getShape().equals(c.getShape())
              ? noise.toDevice(c.getDevice(), false)
              : InitialState.gaussian(c.getManager(), c.getShape(), options.seed() + attention)
                  .toDevice(c.getDevice(), false);
        }
        c = a.apply(ps, c, training, steps, latent);
        attention++;
      } else {
        c = op.apply(ps, c, training);
      }
    }
    return c;
  }

  /** Brings a mask to {@code [B, 1, spatial...]} like {@code c}. */
  private static NDArray maskLike(NDArray mask, NDArray c) {
    Shape cs = c.getShape();
    long[] dims = cs.getShape().clone();
    dims[1] = 1;
    Shape target = new Shape(dims);
    NDArray m = mask.toType(c.getDataType(), false).toDevice(c.getDevice(), false);
    if (m.getShape().equals(target)) {
      return m;
    }
    if (m.getShape().size() == target.size()) {
      // [B, H, W] or channels-last [B, H, W, 1]: same element order as [B, 1, H, W]
      return m.reshape(target);
    }
    throw new IllegalArgumentException("mask " + m.getShape() + " does not fit stimulus " + cs);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    AkornInput in =
        new AkornInput(
            inputs.get(0),
            inputs.size() > 1 ? inputs.get(1) : null,
            inputs.size() > 2 ? inputs.get(2) : null);
    AkornResult r = run(ps, in, RunOptions.defaults().withTraining(training));
    NDArray out = r.output(outputName);
    out.setName(outputName);
    return new NDList(out, r.output("x_last"), r.output("c_last"));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape c = stem == null ? inputShapes[0] : stem.getOutputShapes(inputShapes)[0];
    Shape x = c;
    for (Stage s : stages) {
      Shape[] o = s.getOutputShapes(new Shape[] {x, c});
      x = o[0];
      c = o[1];
    }
    Shape out = head == null ? c : head.getOutputShapes(new Shape[] {c})[0];
    return new Shape[] {out, x, c};
  }

  @Override
  public void collectReferenceKeys(String prefix, WeightMapping.Builder mapping) {
    if (stem != null) {
      stem.collectReferenceKeys(prefix + "stem.", mapping);
    }
    initialState.collectReferenceKeys(prefix + "init.", mapping);
    for (int i = 0; i < stages.size(); i++) {
      stages.get(i).collectReferenceKeys(prefix + "stage" + i + ".", mapping);
    }
    if (head != null) {
      head.collectReferenceKeys(prefix + "head.", mapping);
    }
    if (gamma != null) {
      mapping.map(prefix + "gamma", gamma);
    }
  }

  /**
   * Whether a run starts from a random state: a Kuramoto layer from noise, or iterated attention
   * from a random latent. Only then do runs with different seeds differ, and voting applies.
   */
  public boolean hasRandomInitialState() {
    for (Stage s : stages) {
      if (s.layer() != null && initialState.usesNoise()) {
        return true;
      }
      if (s.layer() == null
          && s.readOut().ops().stream().anyMatch(op -> op instanceof IteratedSelfAttention a && a.hasRandomLatent())) {
        return true;
      }
    }
    return false;
  }

  public ArrayOp stem() {
    return stem;
  }

  public InitialState initialState() {
    return initialState;
  }

  public List<Stage> stages() {
    return stages;
  }

  public ArrayOp head() {
    return head;
  }

  /** The model-level step size, or null when each layer uses its own. */
  public Parameter gamma() {
    return gamma;
  }

  public String outputName() {
    return outputName;
  }

  /** Energies of stage {@code i} as {@code [T+1, B]}. */
  public static NDArray energies(AkornResult r, int stage) {
    return Stacks.stack(r.layers().get(stage).energies());
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder. Required: at least one stage ({@link #addStage}). Optional: {@link #optStem}
   * (default identity: the input is the stimulus), {@link #optInitialState} (default noise),
   * {@link #optHead} (default identity), {@link #optGamma} (default: layers use their own gamma),
   * {@link #optOutputName} (default {@code "output"}).
   */
  public static final class Builder {
    private ArrayOp stem;
    private InitialState initialState;
    private final List<Stage> stages = new ArrayList<>();
    private ArrayOp head;
    private Float gamma;
    private boolean learnableGamma;
    private String outputName = "output";

    public Builder optStem(ArrayOp stem) {
      this.stem = stem;
      return this;
    }

    public Builder optInitialState(InitialState initialState) {
      this.initialState = initialState;
      return this;
    }

    public Builder addStage(Stage stage) {
      this.stages.add(stage);
      return this;
    }

    /** Convenience: a stage of one layer and a read-out chain (null for identity). */
    public Builder addStage(KuramotoLayer layer, OpChain readOut) {
      return addStage(Stage.builder().setLayer(layer).optReadOut(readOut).build());
    }

    public Builder optHead(ArrayOp head) {
      this.head = head;
      return this;
    }

    /** A model-level step size shared by every layer (reference key {@code gamma}). */
    public Builder optGamma(float value, boolean learnable) {
      this.gamma = value;
      this.learnableGamma = learnable;
      return this;
    }

    public Builder optOutputName(String name) {
      this.outputName = name;
      return this;
    }

    public AkornNetwork build() {
      if (stages.isEmpty()) {
        throw new IllegalArgumentException("an AKOrN network needs at least one stage");
      }
      if (outputName == null
          || outputName.isEmpty()
          || outputName.equals("x_last")
          || outputName.equals("c_last")) {
        throw new IllegalArgumentException("invalid output name: " + outputName);
      }
      if (initialState == null) {
        initialState = InitialState.noise();
      }
      return new AkornNetwork(this);
    }
  }
}
