package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.akorn.runtime.weights.WeightMapping;

/**
 * One Kuramoto layer: {@code T} coupled oscillator updates driven by a conditional stimulus.
 *
 * <p>Per step: {@code y = J(x) + c}; energy {@code e = -sum(x * y)}; optional tangent projection
 * {@code y -= <y, x>_n x}; {@code dx = Omega(x) + y}; {@code x = normalize(x + gamma dx)}. The
 * stimulus is normalised once ({@code c_norm}) and the initial state once before the first step.
 * With no Omega term the reference adds {@code x} itself ({@link NoOmega#IDENTITY}, the default);
 * {@link NoOmega#ZERO} gives the plain {@code dx = y}.
 *
 * <p>Reference keys (as {@code source/layers/klayer.py KLayer}): {@code connectivity.*},
 * {@code omg.omg_param}, {@code c_norm.*} and, with a learnable own gamma, {@code gamma}.
 *
 * <p>{@link #forward} takes {@code (x0, c)} and returns {@code (x_T, energies [T+1, B])}; the
 * typed entry point is {@link #run}.
 */
public final class KuramotoLayer extends AkornBlock {

  /** What "no Omega" means. */
  public enum NoOmega {
    /** The reference's {@code nn.Identity()} slot: {@code dx = x + y}. */
    IDENTITY,
    /** Plain {@code dx = y}. */
    ZERO
  }

  /** Normalisation applied once to the stimulus. */
  public enum StimulusNorm {
    /** GroupNorm with {@code C / n} groups, affine. */
    GROUP,
    /** Per-channel scale and bias. */
    SCALE_AND_BIAS,
    NONE
  }

  private final int channels;
  private final int n;
  private final int defaultSteps;
  private final boolean projection;
  private final NoOmega noOmega;
  private final float fixedGamma;
  private final ArrayOp connectivity;
  private final OmegaTerm omega;
  private final ArrayOp cNorm;
  private final Parameter gamma;

  private KuramotoLayer(Builder b) {
    this.channels = b.channels;
    this.n = b.n;
    this.defaultSteps = b.steps;
    this.projection = b.projection;
    this.noOmega = b.noOmega;
    this.fixedGamma = b.gamma;
    this.connectivity = addChildBlock("connectivity", b.connectivity);
    this.omega =
        b.omegaScope == null
            ? null
            : addChildBlock(
                "omg", new OmegaTerm(channels, b.omegaScope, b.omegaInit, b.omegaLearnable));
    switch (b.stimulusNorm) {
      case GROUP -> cNorm = addChildBlock("c_norm", new GroupNorm(channels / n, channels, true));
      case SCALE_AND_BIAS -> cNorm = addChildBlock("c_norm", new ScaleAndBias(channels));
      default -> cNorm = null;
    }
    this.gamma =
        b.learnableGamma
            ? addParameter(
                param("gamma", Parameter.Type.OTHER, new Shape(1), Inits.constant(b.gamma), true))
            : null;
  }

  /**
   * Runs the layer.
   *
   * @param ps the parameter store
   * @param x0 initial state {@code [B, C, ...]} (normalised here)
   * @param c stimulus, same shape
   * @param steps number of updates T (may exceed the trained value: test-time extension)
   * @param gammaOverride a step size array of shape {@code [1]} (e.g. a model-level parameter), or
   *     null for the layer's own (fixed or learnable) gamma
   * @param keepStates whether to return every state or only the last one
   * @param training whether the run is part of training
   */
  public KuramotoResult run(
      ParameterStore ps,
      NDArray x0,
      NDArray c,
      int steps,
      NDArray gammaOverride,
      boolean keepStates,
      boolean training) {
    if (steps < 0) {
      throw new IllegalArgumentException("steps must be >= 0, got " + steps);
    }
    if (x0.getShape().get(1) != channels || !x0.getShape().equals(c.getShape())) {
      throw new IllegalArgumentException(
          "x0 "
              + x0.getShape()
              + " and c "
              + c.getShape()
              + " must have the same shape with "
              + channels
              + " channels");
    }
    // Temporaries (normalised stimulus, hoisted coupling terms) are closed at the end of the run;
    // only the returned states and energies survive.
    try (NDScope runScope = new NDScope()) {
      runScope.suppressNotUsedWarning();
      NDArray g =
          gammaOverride != null
              ? gammaOverride
              : gamma != null ? ps.getValue(gamma, x0.getDevice(), training) : null;
      // The loop's arrays row-major: a permuted stimulus or initial state (e.g. from a
      // channels-last stem) would make every step's elementwise ops run on scattered strides.
      NDArray stim = NnUtil.contiguous(cNorm == null ? c : cNorm.apply(ps, c, training));
      UnaryOperator<NDArray> coupling = connectivity.bind(ps, x0, training);
      UnaryOperator<NDArray> omg = omega == null ? null : omega.bind(ps, x0, training);
      Shape groups = NnUtil.groupShape(x0.getShape(), n);

      List<NDArray> states = new ArrayList<>();
      List<NDArray> energies = new ArrayList<>();
      energies.add(
          NnUtil.onDeviceOf(
              x0.getManager().zeros(new Shape(x0.getShape().get(0)), x0.getDataType()), x0));
      NDArray x = NnUtil.contiguous(Sphere.normalize(x0, n));
      for (int t = 0; t < steps; t++) {
        NDArray next;
        NDArray energy;
        try (NDScope scope = new NDScope()) {
          scope.suppressNotUsedWarning();
          NDArray y = coupling.apply(x).add(stim);
          NDArray sim = x.mul(y);
          if (projection) {
            // <x, y>_n per oscillator serves both the projection and (summed) the energy.
            NDArray dot = sim.reshape(groups).sum(new int[] {2}, true);
            energy = NnUtil.sumPerSample(dot).neg();
            y = y.sub(dot.mul(x.reshape(groups)).reshape(x.getShape()));
          } else {
            energy = NnUtil.sumPerSample(sim).neg();
          }
          NDArray dx;
          if (omg != null) {
            dx = omg.apply(x).add(y);
          } else if (noOmega == NoOmega.IDENTITY) {
            dx = x.add(y);
          } else {
            dx = y;
          }
          NDArray step = g != null ? dx.mul(g) : NnUtil.mul(dx, fixedGamma);
          next = Sphere.normalize(x.add(step), n);
          NDScope.unregister(next, energy);
        }
        if (!keepStates && t > 0) {
          x.close();
        }
        if (keepStates) {
          states.add(next);
        }
        energies.add(energy);
        x = next;
      }
      if (!keepStates || steps == 0) {
        states.add(x);
      }
      states.forEach(NDScope::unregister);
      energies.forEach(NDScope::unregister);
      return new KuramotoResult(states, energies);
    }
  }

  /**
   * {@link #run} from seeded standard normal noise (a {@link java.util.Random} with {@code seed},
   * no engine-global state) shaped like {@code c}.
   */
  public KuramotoResult runFromNoise(
      ParameterStore ps,
      NDArray c,
      long seed,
      int steps,
      NDArray gammaOverride,
      boolean keepStates,
      boolean training) {
    NDArray x0 =
        InitialState.gaussian(c.getManager(), c.getShape(), seed).toDevice(c.getDevice(), false);
    try {
      return run(ps, x0, c, steps, gammaOverride, keepStates, training);
    } finally {
      x0.close(); // the states are normalised copies
    }
  }

  /** {@link #run} with the layer's default number of steps, keeping every state. */
  public KuramotoResult run(ParameterStore ps, NDArray x0, NDArray c, boolean training) {
    return run(ps, x0, c, defaultSteps, null, true, training);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    int steps = defaultSteps;
    if (params != null && params.contains("steps")) {
      steps = ((Number) params.get("steps")).intValue();
    }
    KuramotoResult r = run(ps, inputs.get(0), inputs.get(1), steps, null, false, training);
    return new NDList(r.last(), Stacks.stack(r.energies()));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0], new Shape(defaultSteps + 1, inputShapes[0].get(0))};
  }

  @Override
  public void collectReferenceKeys(String prefix, WeightMapping.Builder mapping) {
    connectivity.collectReferenceKeys(prefix + "connectivity.", mapping);
    if (omega != null) {
      omega.collectReferenceKeys(prefix + "omg.", mapping);
    }
    if (cNorm != null) {
      cNorm.collectReferenceKeys(prefix + "c_norm.", mapping);
    }
    if (gamma != null) {
      mapping.map(prefix + "gamma", gamma);
    }
  }

  public int getChannels() {
    return channels;
  }

  public int getOscillatorDim() {
    return n;
  }

  public int getDefaultSteps() {
    return defaultSteps;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder. Required: {@link #setChannels}, {@link #setOscillatorDim} and one connectivity
   * ({@link #setConvConnectivity}, {@link #setAttentionConnectivity}, {@link
   * #setGtaAttentionConnectivity}, {@link #setDenseConnectivity} or {@link #setConnectivity}).
   */
  public static final class Builder {
    private int channels;
    private int n;
    private ArrayOp connectivity;
    private int convKernel;
    private int heads;
    private int gtaH;
    private int gtaW;
    private int denseFeatures;
    private int steps = 1;
    private boolean projection = true;
    private NoOmega noOmega = NoOmega.IDENTITY;
    private OmegaTerm.Scope omegaScope;
    private float omegaInit = 1f;
    private boolean omegaLearnable = true;
    private StimulusNorm stimulusNorm = StimulusNorm.NONE;
    private float gamma = 1f;
    private boolean learnableGamma;

    public Builder setChannels(int channels) {
      this.channels = channels;
      return this;
    }

    /** Oscillator dimension n (channels per oscillator). */
    public Builder setOscillatorDim(int n) {
      this.n = n;
      return this;
    }

    /** Conv2d(C, C, kernel, padding kernel/2) coupling. */
    public Builder setConvConnectivity(int kernel) {
      this.convKernel = kernel;
      return this;
    }

    /** Attention coupling without GTA. */
    public Builder setAttentionConnectivity(int heads) {
      this.heads = heads;
      return this;
    }

    /** Attention coupling with GTA on a {@code height x width} grid. */
    public Builder setGtaAttentionConnectivity(int heads, int height, int width) {
      this.heads = heads;
      this.gtaH = height;
      this.gtaW = width;
      return this;
    }

    /** Dense coupling over all {@code features} = positions x channels (token inputs). */
    public Builder setDenseConnectivity(int features) {
      this.denseFeatures = features;
      return this;
    }

    /** A custom coupling block mapping {@code [B, C, ...]} to the same shape. */
    public Builder setConnectivity(ArrayOp connectivity) {
      this.connectivity = connectivity;
      return this;
    }

    /** Default number of steps T (a run may ask for another). Default 1. */
    public Builder optSteps(int steps) {
      this.steps = steps;
      return this;
    }

    /** Tangent projection on (default) or off. */
    public Builder optProjection(boolean projection) {
      this.projection = projection;
      return this;
    }

    /** Adds a natural-frequency term. */
    public Builder optOmega(OmegaTerm.Scope scope, float init, boolean learnable) {
      this.omegaScope = scope;
      this.omegaInit = init;
      this.omegaLearnable = learnable;
      return this;
    }

    /** What "no Omega" means (default {@link NoOmega#IDENTITY}, as the reference). */
    public Builder optNoOmega(NoOmega noOmega) {
      this.noOmega = noOmega;
      return this;
    }

    public Builder optStimulusNorm(StimulusNorm norm) {
      this.stimulusNorm = norm;
      return this;
    }

    /** A fixed step size (default 1). */
    public Builder optGamma(float gamma) {
      this.gamma = gamma;
      this.learnableGamma = false;
      return this;
    }

    /** A learnable step size owned by this layer, starting at {@code init}. */
    public Builder optLearnableGamma(float init) {
      this.gamma = init;
      this.learnableGamma = true;
      return this;
    }

    public KuramotoLayer build() {
      if (channels <= 0 || n <= 0 || channels % n != 0) {
        throw new IllegalArgumentException(
            "oscillator dim n (" + n + ") must divide channels (" + channels + ")");
      }
      if (steps < 0) {
        throw new IllegalArgumentException("steps must be >= 0");
      }
      int chosen =
          (connectivity != null ? 1 : 0)
              + (convKernel > 0 ? 1 : 0)
              + (heads > 0 ? 1 : 0)
              + (denseFeatures > 0 ? 1 : 0);
      if (chosen != 1) {
        throw new IllegalArgumentException("exactly one connectivity must be set, got " + chosen);
      }
      if (convKernel > 0) {
        connectivity =
            Conv2dBlock.builder().setChannels(channels, channels).setKernel(convKernel).build();
      } else if (heads > 0) {
        GtaAttention.Builder ab = GtaAttention.builder().setChannels(channels).setHeads(heads);
        if (gtaH > 0) {
          ab.optGta(gtaH, gtaW);
        }
        connectivity = ab.build();
      } else if (denseFeatures > 0) {
        connectivity = new DenseConnectivity(denseFeatures);
      }
      return new KuramotoLayer(this);
    }
  }
}
