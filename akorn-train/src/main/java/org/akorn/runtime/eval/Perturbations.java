package org.akorn.runtime.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.Random;

/**
 * Perturbations of images on the [0, 1] pixel scale, as in the paper's classification
 * experiments. Every result is clipped to [0, 1] and attached to the input's manager.
 */
public final class Perturbations {
  private Perturbations() {}

  /** {@code clip(x + sigma * N(0, 1))}, the noise drawn from {@code seed}. */
  public static NDArray gaussianNoise(NDArray x, float sigma, long seed) {
    Random random = new Random(seed);
    float[] noise = new float[Math.toIntExact(x.size())];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = (float) (sigma * random.nextGaussian());
    }
    return x.add(x.getManager().create(noise, x.getShape())).clip(0f, 1f);
  }

  /**
   * FGSM: {@code clip(x + epsilon * sign(gradient))}, one step up the loss (Goodfellow et al.).
   *
   * @param gradient d loss / d x, e.g. from {@link InputGradients}
   */
  public static NDArray fgsm(NDArray x, NDArray gradient, float epsilon) {
    return x.add(gradient.sign().mul(epsilon)).clip(0f, 1f);
  }

  /**
   * PGD under the L-infinity norm (Madry et al.): {@code steps} signed-gradient steps of size
   * {@code stepSize}, each projected back into the epsilon-ball around {@code x} and into [0, 1].
   * Starts at {@code x} itself (no random start), so the attack is deterministic up to the
   * model's own randomness.
   *
   * @param draws forward passes whose gradients are averaged per step (1 = plain PGD)
   * @param seed seed of the model's initial states; step s uses {@code seed + s * draws}
   */
  public static NDArray pgd(Classifier classifier, NDArray x, NDArray labels, float epsilon,
      float stepSize, int steps, int draws, long seed) {
    NDArray lower = x.sub(epsilon).clip(0f, 1f);
    NDArray upper = x.add(epsilon).clip(0f, 1f);
    NDArray adv = x.duplicate();
    for (int s = 0; s < steps; s++) {
      NDArray g = InputGradients.ofCrossEntropy(classifier, adv, labels, seed + (long) s * draws,
          draws);
      NDArray next = adv.add(g.sign().mul(stepSize));
      NDArray projected = next.maximum(lower).minimum(upper);
      g.close();
      next.close();
      adv.close();
      adv = projected;
    }
    lower.close();
    upper.close();
    return adv;
  }

  /** The index of the largest logit per row of {@code [B, K]}, as ints. */
  public static int[] argmax(NDArray logits) {
    return logits.argMax(1).toType(DataType.INT32, false).toIntArray();
  }
}
