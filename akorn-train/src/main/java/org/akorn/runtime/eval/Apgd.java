package org.akorn.runtime.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Auto-PGD under the L-infinity norm (Croce and Hein 2020, Algorithm 1), untargeted with the
 * cross-entropy or the DLR loss, or targeted (APGD-T) with the targeted DLR loss towards each of
 * the {@code targets} classes ranked next after the top one. A run starts at a uniformly random
 * point of the epsilon-ball, takes a first step of {@code 2 epsilon} along the gradient's sign,
 * then steps with momentum 0.75; at the checkpoints of {@link ApgdSchedule} the step size halves
 * and the search returns to its best point. Every gradient is averaged over {@code eotDraws}
 * forward passes (expectation over transformation, for a model with a random initial state).
 * Each restart attacks only the examples not yet fooled, with a fresh random start.
 */
public final class Apgd implements Attack {

  /** The loss an untargeted APGD climbs. */
  public enum Loss {
    CE("APGD-CE"),
    DLR("APGD-DLR");

    private final String attackName;

    Loss(String attackName) {
      this.attackName = attackName;
    }
  }

  /**
   * Settings of a run.
   *
   * @param iterations gradient steps per run (published: 100)
   * @param restarts runs with fresh random starts (published: 1 for AutoAttack)
   * @param eotDraws forward passes averaged per gradient (published: 20 for randomized models)
   * @param rho the share of rising steps below which the step size halves (0.75)
   * @param momentum the weight of the new step against the last one (0.75)
   */
  public record Settings(int iterations, int restarts, int eotDraws, double rho,
      double momentum) {
    public Settings {
      if (iterations < 1 || restarts < 1 || eotDraws < 1) {
        throw new IllegalArgumentException("APGD needs at least 1 iteration, restart and EOT"
            + " draw, got " + iterations + ", " + restarts + ", " + eotDraws);
      }
    }

    /** {@code iterations} steps, {@code restarts} restarts, {@code eotDraws} draws, rho and momentum 0.75. */
    public static Settings of(int iterations, int restarts, int eotDraws) {
      return new Settings(iterations, restarts, eotDraws, 0.75, 0.75);
    }
  }

  private final Loss loss;
  private final int targets;
  private final Settings settings;

  private Apgd(Loss loss, int targets, Settings settings) {
    this.loss = loss;
    this.targets = targets;
    this.settings = settings;
  }

  /** APGD-CE or APGD-DLR. */
  public static Apgd untargeted(Loss loss, Settings settings) {
    return new Apgd(loss, 0, settings);
  }

  /** APGD-T: the targeted DLR loss towards each of the {@code targets} next-ranked classes. */
  public static Apgd targeted(int targets, Settings settings) {
    if (targets < 1) {
      throw new IllegalArgumentException("APGD-T needs at least 1 target class, got " + targets);
    }
    return new Apgd(null, targets, settings);
  }

  @Override
  public String name() {
    return loss != null ? loss.attackName : "APGD-T";
  }

  @Override
  public String settings() {
    return String.format(Locale.ROOT, "%d iterations, %d restart(s), EOT %d, momentum %s,"
        + " rho %s%s", settings.iterations(), settings.restarts(), settings.eotDraws(),
        RobustnessSuite.trim(settings.momentum()), RobustnessSuite.trim(settings.rho()),
        loss == null ? ", " + targets + " target classes" : "");
  }

  @Override
  public Outcome run(Classifier classifier, NDArray x, int[] labels, float epsilon, long seed) {
    HostBatch batch = HostBatch.of(x);
    float[] adversarial = batch.values().clone();
    boolean[] fooled = new boolean[labels.length];
    long passes = 0;
    int rounds = loss != null ? 1 : targets;
    long runSeed = seed;
    for (int round = 0; round < rounds; round++) {
      int[] targetOf = null;
      if (loss == null) {
        targetOf = rankedClass(classifier, batch, x.getManager(), round + 2, runSeed);
        passes++;
        if (targetOf == null) {
          break;
        }
      }
      for (int r = 0; r < settings.restarts(); r++) {
        int[] open = HostBatch.indicesOf(fooled, false);
        if (open.length == 0) {
          break;
        }
        HostBatch part = batch.rows(open);
        int[] partLabels = HostBatch.select(labels, open);
        int[] partTargets = targetOf == null ? null : HostBatch.select(targetOf, open);
        Run result = singleRun(classifier, part, partLabels, partTargets, epsilon, runSeed,
            x.getManager());
        passes += result.passes();
        for (int i = 0; i < open.length; i++) {
          batch.copyRow(result.adversarial(), i, adversarial, open[i]);
          fooled[open[i]] = result.fooled()[i];
        }
        runSeed += 1_000_003L;
      }
    }
    return new Outcome(batch.toArray(adversarial, x.getManager()), fooled, passes);
  }

  /** The class ranked {@code rank} (1 = top) by one forward pass, or null if there is none. */
  private static int[] rankedClass(Classifier classifier, HostBatch batch, NDManager owner,
      int rank, long seed) {
    try (NDManager m = owner.newSubManager()) {
      float[] logits = classifier.logits(batch.toArray(batch.values(), m), seed).toFloatArray();
      int classes = logits.length / batch.rows();
      if (rank > classes) {
        return null;
      }
      int[] out = new int[batch.rows()];
      for (int b = 0; b < out.length; b++) {
        Integer[] order = new Integer[classes];
        for (int k = 0; k < classes; k++) {
          order[k] = k;
        }
        int row = b;
        Arrays.sort(order, (p, q) -> Float.compare(logits[row * classes + q],
            logits[row * classes + p]));
        out[b] = order[rank - 1];
      }
      return out;
    }
  }

  /** One run of Algorithm 1 on every row of {@code part}. */
  private Run singleRun(Classifier classifier, HostBatch part, int[] labels, int[] targetOf,
      float epsilon, long seed, NDManager owner) {
    int n = part.rows();
    int size = part.rowSize();
    float[] x = part.values();
    float[] lower = new float[x.length];
    float[] upper = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      lower[i] = Math.max(x[i] - epsilon, 0f);
      upper[i] = Math.min(x[i] + epsilon, 1f);
    }
    Random random = new Random(seed);
    float[] adv = new float[x.length];
    for (int b = 0; b < n; b++) {
      float[] t = new float[size];
      float max = 0;
      for (int i = 0; i < size; i++) {
        t[i] = (float) (2 * random.nextDouble() - 1);
        max = Math.max(max, Math.abs(t[i]));
      }
      for (int i = 0; i < size; i++) {
        int j = b * size + i;
        adv[j] = clip(x[j] + epsilon * t[i] / (max + 1e-12f), lower[j], upper[j]);
      }
    }
    Gradients gradients = new Gradients(classifier, owner, part.shape(), labels, targetOf,
        settings.eotDraws(), seed + 1);
    Step at = gradients.at(adv);
    float[] grad = at.gradient();
    float[] loss = at.loss();
    boolean[] fooled = new boolean[n];
    float[] bestAdversarial = adv.clone();
    markFooled(at.predicted(), labels, fooled, adv, bestAdversarial, size);
    float[] best = adv.clone();
    float[] bestGrad = grad.clone();
    float[] bestLoss = loss.clone();
    float[] lastLoss = loss.clone();
    double[] step = new double[n];
    Arrays.fill(step, 2.0 * epsilon);
    int[] checkpoints = ApgdSchedule.checkpoints(settings.iterations());
    int nextCheck = 0;
    int intervalStart = 0;
    int[] rises = new int[n];
    boolean[] reducedLast = new boolean[n];
    Arrays.fill(reducedLast, true);
    float[] bestAtLast = bestLoss.clone();
    float[] previous = adv.clone();
    for (int it = 0; it < settings.iterations(); it++) {
      double a = it == 0 ? 1.0 : settings.momentum();
      float[] next = new float[x.length];
      for (int b = 0; b < n; b++) {
        for (int i = b * size; i < (b + 1) * size; i++) {
          float z = clip((float) (adv[i] + step[b] * Math.signum(grad[i])), lower[i], upper[i]);
          next[i] = clip((float) (adv[i] + a * (z - adv[i]) + (1 - a) * (adv[i] - previous[i])),
              lower[i], upper[i]);
        }
      }
      previous = adv;
      adv = next;
      at = gradients.at(adv);
      grad = at.gradient();
      loss = at.loss();
      markFooled(at.predicted(), labels, fooled, adv, bestAdversarial, size);
      for (int b = 0; b < n; b++) {
        if (loss[b] > lastLoss[b]) {
          rises[b]++;
        }
        if (loss[b] > bestLoss[b]) {
          bestLoss[b] = loss[b];
          System.arraycopy(adv, b * size, best, b * size, size);
          System.arraycopy(grad, b * size, bestGrad, b * size, size);
        }
      }
      lastLoss = loss;
      if (nextCheck < checkpoints.length && it + 1 == checkpoints[nextCheck]) {
        int interval = checkpoints[nextCheck] - intervalStart;
        for (int b = 0; b < n; b++) {
          boolean halve = ApgdSchedule.halve(rises[b], interval, settings.rho(), reducedLast[b],
              bestAtLast[b], bestLoss[b]);
          reducedLast[b] = halve;
          bestAtLast[b] = bestLoss[b];
          rises[b] = 0;
          if (halve) {
            step[b] /= 2;
            System.arraycopy(best, b * size, adv, b * size, size);
            System.arraycopy(bestGrad, b * size, grad, b * size, size);
          }
        }
        intervalStart = checkpoints[nextCheck];
        nextCheck++;
      }
    }
    for (int b = 0; b < n; b++) {
      if (!fooled[b]) {
        System.arraycopy(best, b * size, bestAdversarial, b * size, size);
      }
    }
    return new Run(bestAdversarial, fooled, gradients.passes());
  }

  private static void markFooled(int[] predicted, int[] labels, boolean[] fooled, float[] adv,
      float[] bestAdversarial, int size) {
    for (int b = 0; b < labels.length; b++) {
      if (predicted[b] != labels[b]) {
        fooled[b] = true;
        System.arraycopy(adv, b * size, bestAdversarial, b * size, size);
      }
    }
  }

  static float clip(float v, float lower, float upper) {
    return Math.min(Math.max(v, lower), upper);
  }

  private record Run(float[] adversarial, boolean[] fooled, long passes) {}

  private record Step(float[] gradient, float[] loss, int[] predicted) {}

  /** Gradients of the run's loss, each with fresh seeds for its draws. */
  private final class Gradients {
    private final Classifier classifier;
    private final NDManager owner;
    private final Shape shape;
    private final int[] labels;
    private final int[] targetOf;
    private final int draws;
    private long seed;
    private long passes;

    Gradients(Classifier classifier, NDManager owner, Shape shape, int[] labels, int[] targetOf,
        int draws, long seed) {
      this.classifier = classifier;
      this.owner = owner;
      this.shape = shape;
      this.labels = labels;
      this.targetOf = targetOf;
      this.draws = draws;
      this.seed = seed;
    }

    Step at(float[] input) {
      try (NDManager m = owner.newSubManager()) {
        NDArray y = m.create(toLong(labels));
        AttackLoss l = targetOf != null ? AttackLoss.targetedDlr(m.create(toLong(targetOf)))
            : loss == Loss.CE ? AttackLoss::crossEntropy : AttackLoss::dlr;
        InputGradients.PerExample g = InputGradients.ofLoss(classifier, l,
            m.create(input, shape), y, seed, draws);
        seed += draws;
        passes += draws;
        return new Step(g.gradient().toFloatArray(), g.loss(), g.predicted());
      }
    }

    long passes() {
      return passes;
    }
  }

  static long[] toLong(int[] v) {
    long[] out = new long[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i];
    }
    return out;
  }
}
