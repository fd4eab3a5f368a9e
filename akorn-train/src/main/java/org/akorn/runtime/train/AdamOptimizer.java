package org.akorn.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Adam with the arithmetic of {@code torch.optim.Adam} (single-tensor path, L2 weight decay, no
 * AMSGrad). Per parameter, with step count t:
 *
 * <pre>
 *   g = grad + weightDecay * w
 *   m = m + (1 - beta1) * (g - m)                  (torch's lerp_)
 *   v = beta2 * v + (1 - beta2) * g * g
 *   w = w - lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * </pre>
 *
 * <p>Operations are ordered as PyTorch's CPU kernels order them and scalars are rounded to float
 * once, from double, as PyTorch does with Python floats; results agree with PyTorch to within an
 * ulp or so (PyTorch's vectorised {@code lerp_} may use fused multiply-add, which DJL cannot).
 *
 * <p>DJL's own {@code Optimizer.adam()} folds the bias correction into the learning rate and adds
 * {@code eps} to {@code sqrt(v)} before correcting it, which changes the effective epsilon in the
 * first thousands of steps; this class matches the reference's PyTorch training instead.
 *
 * <p>The moments live in a manager owned by this optimizer (closed by {@link #close()}); every
 * temporary of an update is closed before {@link #update} returns. Weights are changed in place
 * through a detached view, so the update is never recorded for autograd.
 */
public final class AdamOptimizer implements AutoCloseable {

  private final double learningRate;
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final double weightDecay;
  private final NDManager stateManager;
  private final Map<String, State> states = new HashMap<>();

  private AdamOptimizer(Builder b, NDManager parent) {
    this.learningRate = b.learningRate;
    this.beta1 = b.beta1;
    this.beta2 = b.beta2;
    this.epsilon = b.epsilon;
    this.weightDecay = b.weightDecay;
    this.stateManager = parent.newSubManager();
    this.stateManager.setName("adam-state");
  }

  /** A builder with PyTorch's defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, no decay. */
  public static Builder builder() {
    return new Builder();
  }

  /** The learning rate. */
  public double learningRate() {
    return learningRate;
  }

  /** How many updates the named parameter has received. */
  public int stepCount(String name) {
    State s = states.get(name);
    return s == null ? 0 : s.step;
  }

  /**
   * A parameter's optimizer state as exported for checkpoints.
   *
   * @param mean the first moment ({@code exp_avg}); live array owned by the optimizer
   * @param variance the second moment ({@code exp_avg_sq}); live array owned by the optimizer
   * @param step the number of updates applied
   */
  public record Moments(NDArray mean, NDArray variance, int step) {}

  /** The named parameter's state, or empty before its first update. Do not close the arrays. */
  public Optional<Moments> state(String name) {
    State s = states.get(name);
    return s == null ? Optional.empty() : Optional.of(new Moments(s.mean, s.variance, s.step));
  }

  /**
   * Creates the named parameter's state (zero moments, step 0) now rather than at its first
   * update, so that all optimizer memory is allocated up front. Does nothing if it exists.
   */
  public void prepare(String name, NDArray weight) {
    states.computeIfAbsent(name, k -> new State(weight));
  }

  /**
   * Replaces the named parameter's state (e.g. from a checkpoint); the moments are copied.
   *
   * @param weight the parameter (fixes shape, data type and device of the state)
   * @throws IllegalArgumentException if a moment does not match the weight or step is negative
   */
  public void restore(String name, NDArray weight, NDArray mean, NDArray variance, int step) {
    if (step < 0) {
      throw new IllegalArgumentException("step must not be negative, got " + step);
    }
    State s = states.get(name);
    if (s == null) {
      s = new State(weight);
      states.put(name, s);
    }
    BlockParameters.copyInto(s.mean, mean);
    BlockParameters.copyInto(s.variance, variance);
    s.step = step;
  }

  /**
   * Applies one Adam update to {@code weight} (in place) from {@code gradient}. The moments of a
   * parameter are created, as zeros, on its first update.
   *
   * @param name a stable name for the parameter (keys the optimizer state)
   * @param weight the parameter array, changed in place
   * @param gradient its gradient (not modified)
   */
  public void update(String name, NDArray weight, NDArray gradient) {
    State s = states.get(name);
    if (s == null) {
      s = new State(weight);
      states.put(name, s);
    }
    s.step++;
    double correction1 = 1.0 - Math.pow(beta1, s.step);
    double correction2Sqrt = Math.sqrt(1.0 - Math.pow(beta2, s.step));
    // Scalars are formed in double and rounded once to float, as PyTorch passes Python floats.
    float stepSize = (float) (learningRate / correction1);
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDArray view = weight.stopGradient();
      NDArray g = weightDecay == 0 ? gradient : gradient.add(view.mul((float) weightDecay));
      s.mean.addi(g.sub(s.mean).muli((float) (1 - beta1)));
      s.variance.muli((float) beta2).addi(g.mul((float) (1 - beta2)).muli(g));
      NDArray denominator = s.variance.sqrt().divi((float) correction2Sqrt).addi((float) epsilon);
      view.subi(s.mean.mul(stepSize).divi(denominator));
    }
  }

  /** Frees the moments. */
  @Override
  public void close() {
    states.clear();
    stateManager.close();
  }

  /** The moments of one parameter. */
  private final class State {
    final NDArray mean;
    final NDArray variance;
    int step;

    State(NDArray weight) {
      mean = stateManager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice());
      variance = stateManager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice());
      // Created outside any caller's scope on purpose: the moments outlive the step.
      NDScope.unregister(mean, variance);
    }
  }

  /** Options of {@link AdamOptimizer}; {@code optX} setters, checked in {@link #build}. */
  public static final class Builder {
    private double learningRate = 1e-3;
    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private double epsilon = 1e-8;
    private double weightDecay;

    private Builder() {}

    /** Learning rate, default 1e-3. */
    public Builder optLearningRate(double value) {
      learningRate = value;
      return this;
    }

    /** First and second moment decay, default 0.9 and 0.999. */
    public Builder optBetas(double b1, double b2) {
      beta1 = b1;
      beta2 = b2;
      return this;
    }

    /** Denominator epsilon, default 1e-8. */
    public Builder optEpsilon(double value) {
      epsilon = value;
      return this;
    }

    /** L2 weight decay added to the gradient (torch's {@code weight_decay}), default 0. */
    public Builder optWeightDecay(double value) {
      weightDecay = value;
      return this;
    }

    /**
     * Builds the optimizer; its moments live in a sub-manager of {@code manager}.
     *
     * @throws IllegalArgumentException for a non-positive learning rate or epsilon, betas outside
     *     [0, 1) or a negative weight decay
     */
    public AdamOptimizer build(NDManager manager) {
      check(learningRate > 0, "learning rate must be positive, got " + learningRate);
      check(beta1 >= 0 && beta1 < 1, "beta1 must be in [0, 1), got " + beta1);
      check(beta2 >= 0 && beta2 < 1, "beta2 must be in [0, 1), got " + beta2);
      check(epsilon > 0, "epsilon must be positive, got " + epsilon);
      check(weightDecay >= 0, "weight decay must not be negative, got " + weightDecay);
      return new AdamOptimizer(this, manager);
    }

    private static void check(boolean ok, String message) {
      if (!ok) {
        throw new IllegalArgumentException(message);
      }
    }
  }
}
