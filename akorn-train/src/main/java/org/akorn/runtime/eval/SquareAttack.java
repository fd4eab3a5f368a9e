package org.akorn.runtime.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Locale;
import java.util.Random;

/**
 * The Square attack under the L-infinity norm (Andriushchenko et al. 2020): a black-box random
 * search that sees only the logits, never a gradient, so gradient masking cannot stop it. It
 * starts from vertical stripes of {@code +-epsilon}, then, once per query, moves one random
 * square window of every example not yet fooled to a random corner of the ball (one sign per
 * channel) and keeps the change when the margin {@code z_y - max_{i != y} z_i} falls. The window
 * covers a share p of the image that shrinks on the published schedule (p_init 0.8, halving at
 * 10, 50, 200, 500, 1000, 2000, 4000, 6000 and 8000 of 10,000 queries, rescaled to the budget).
 * Unlike the published code, a window may also sit on the last row and column.
 */
public final class SquareAttack implements Attack {
  private final int queries;
  private final double pInit;

  /**
   * @param queries queries per example after the first (published: 5000)
   * @param pInit the initial share of the image a window covers (published: 0.8)
   */
  public SquareAttack(int queries, double pInit) {
    if (queries < 1 || !(pInit > 0 && pInit <= 1)) {
      throw new IllegalArgumentException("the Square attack needs at least 1 query and p_init"
          + " in (0, 1], got " + queries + " and " + pInit);
    }
    this.queries = queries;
    this.pInit = pInit;
  }

  @Override
  public String name() {
    return "Square";
  }

  @Override
  public String settings() {
    return String.format(Locale.ROOT, "%d queries, p_init %s, margin loss", queries,
        RobustnessSuite.trim(pInit));
  }

  /** The share of the image a window covers at query {@code i} of {@code total}. */
  public static double windowShare(int i, int total, double pInit) {
    int it = (int) ((double) i / total * 10000);
    int[] bounds = {10, 50, 200, 500, 1000, 2000, 4000, 6000, 8000};
    double p = pInit;
    for (int bound : bounds) {
      if (it > bound) {
        p /= 2;
      }
    }
    return p;
  }

  @Override
  public Outcome run(Classifier classifier, NDArray x, int[] labels, float epsilon, long seed) {
    if (x.getShape().dimension() != 4) {
      throw new IllegalArgumentException("the Square attack needs images [B, C, H, W], got "
          + x.getShape());
    }
    HostBatch batch = HostBatch.of(x);
    int n = batch.rows();
    int c = (int) x.getShape().get(1);
    int h = (int) x.getShape().get(2);
    int w = (int) x.getShape().get(3);
    int size = c * h * w;
    float[] clean = batch.values();
    float[] lower = new float[clean.length];
    float[] upper = new float[clean.length];
    for (int i = 0; i < clean.length; i++) {
      lower[i] = Math.max(clean[i] - epsilon, 0f);
      upper[i] = Math.min(clean[i] + epsilon, 1f);
    }
    Random random = new Random(seed);
    float[] best = new float[clean.length];
    for (int b = 0; b < n; b++) {
      for (int ch = 0; ch < c; ch++) {
        for (int col = 0; col < w; col++) {
          float sign = random.nextBoolean() ? 1f : -1f;
          for (int row = 0; row < h; row++) {
            int j = b * size + (ch * h + row) * w + col;
            best[j] = Apgd.clip(clean[j] + sign * epsilon, lower[j], upper[j]);
          }
        }
      }
    }
    long modelSeed = seed + 1;
    float[] margin = margins(classifier, batch, best, labels, x.getManager(), modelSeed++);
    long passes = 1;
    for (int q = 0; q < queries; q++) {
      int[] open = openRows(margin);
      if (open.length == 0) {
        break;
      }
      int s = (int) Math.max(Math.round(Math.sqrt(windowShare(q, queries, pInit) * h * w)), 1);
      s = Math.min(s, Math.min(h, w));
      HostBatch part = batch.rows(open);
      float[] candidate = new float[open.length * size];
      for (int i = 0; i < open.length; i++) {
        System.arraycopy(best, open[i] * size, candidate, i * size, size);
        int top = random.nextInt(h - s + 1);
        int left = random.nextInt(w - s + 1);
        for (int ch = 0; ch < c; ch++) {
          float step = (random.nextBoolean() ? 2f : -2f) * epsilon;
          for (int row = top; row < top + s; row++) {
            for (int col = left; col < left + s; col++) {
              int k = (ch * h + row) * w + col;
              int j = open[i] * size + k;
              candidate[i * size + k] = Apgd.clip(candidate[i * size + k] + step, lower[j],
                  upper[j]);
            }
          }
        }
      }
      float[] tried = margins(classifier, part, candidate, HostBatch.select(labels, open),
          x.getManager(), modelSeed++);
      passes++;
      for (int i = 0; i < open.length; i++) {
        if (tried[i] < margin[open[i]]) {
          margin[open[i]] = tried[i];
          System.arraycopy(candidate, i * size, best, open[i] * size, size);
        }
      }
    }
    boolean[] fooled = new boolean[n];
    for (int b = 0; b < n; b++) {
      fooled[b] = margin[b] <= 0;
    }
    return new Outcome(batch.toArray(best, x.getManager()), fooled, passes);
  }

  private static int[] openRows(float[] margin) {
    boolean[] open = new boolean[margin.length];
    for (int b = 0; b < margin.length; b++) {
      open[b] = margin[b] > 0;
    }
    return HostBatch.indicesOf(open, true);
  }

  private static float[] margins(Classifier classifier, HostBatch shape, float[] values,
      int[] labels, NDManager owner, long seed) {
    try (NDManager m = owner.newSubManager()) {
      float[] logits = classifier.logits(shape.toArray(values, m), seed).toFloatArray();
      return AttackLoss.margins(logits, labels);
    }
  }
}
