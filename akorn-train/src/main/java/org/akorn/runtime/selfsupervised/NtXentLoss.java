package org.akorn.runtime.selfsupervised;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.akorn.runtime.nn.Sphere;
import org.akorn.runtime.train.TrainingLoss;

/**
 * The SimCLR (NT-Xent) loss as the paper's reference trains its object models (akorn
 * {@code train_obj.py}, {@code simclr(zs, temperature, normalize=True, loss_type="ip")}).
 *
 * <p>The batch holds 2B feature rows, the two views of image i at rows 2i and 2i + 1 (the order
 * {@link SimclrAugmentation#pairs} makes, as the reference's pair dataset stacks them). Each row
 * is divided by max(L2 norm, 1e-12); with z the 2B rows ordered first views then second views,
 * the logits are {@code z z^T / temperature} with -1e8 added on the diagonal, and the loss is the
 * mean over the 2B rows of the cross-entropy whose target for row r is row {@code (r + B) mod
 * 2B}, the other view of the same image. The reference's default temperature is 0.1.
 */
public final class NtXentLoss implements TrainingLoss {

  /** The reference's default temperature ({@code --temp 0.1}). */
  public static final float DEFAULT_TEMPERATURE = 0.1f;

  /** What the reference adds to the self-similarity logits. */
  public static final float SELF_LOGIT_OFFSET = -1e8f;

  private final float temperature;

  /** A loss with the given temperature. */
  public NtXentLoss(float temperature) {
    if (!(temperature > 0) || !Float.isFinite(temperature)) {
      throw new IllegalArgumentException("temperature must be positive, got " + temperature);
    }
    this.temperature = temperature;
  }

  /** The loss at the reference's temperature 0.1. */
  public static NtXentLoss reference() {
    return new NtXentLoss(DEFAULT_TEMPERATURE);
  }

  public float temperature() {
    return temperature;
  }

  /** The loss of the first prediction, {@code [2B, d]} features; labels are not used. */
  @Override
  public NDArray compute(NDList predictions, NDList labels) {
    return compute(predictions.head());
  }

  /**
   * The scalar loss of {@code features [2B, d]}, views of one image in consecutive rows.
   */
  public NDArray compute(NDArray features) {
    Shape s = features.getShape();
    if (s.dimension() != 2 || s.get(0) < 2 || s.get(0) % 2 != 0) {
      throw new IllegalArgumentException(
          "NT-Xent needs features [2B, d] with B >= 1, got " + s);
    }
    long rows = s.get(0);
    long b = rows / 2;
    long d = s.get(1);
    NDManager m = features.getManager();
    NDArray z = Sphere.normalize(features, (int) d) // [2B, d], rows on the unit sphere
        .reshape(b, 2, d).transpose(1, 0, 2).reshape(rows, d); // first views, then second
    NDArray logits;
    try (NDArray invTemperature = scalar(features, 1f / temperature);
        NDArray offset = scalar(features, SELF_LOGIT_OFFSET)) {
      NDArray eye = m.eye((int) rows).toType(features.getDataType(), false)
          .toDevice(features.getDevice(), false);
      logits = z.matMul(z.transpose()).mul(invTemperature).add(eye.mul(offset));
    }
    float[] target = new float[(int) (rows * rows)];
    for (long r = 0; r < rows; r++) {
      target[(int) (r * rows + (r + b) % rows)] = 1f;
    }
    NDArray positives;
    try (NDArray wrapped = m.create(target, new Shape(rows, rows))) {
      positives = wrapped.duplicate() // engine-owned copy, safe under autograd
          .toType(features.getDataType(), false).toDevice(features.getDevice(), false);
    }
    try (NDArray minusRows = scalar(features, -rows)) {
      return logits.logSoftmax(1).mul(positives).sum().div(minusRows);
    }
  }

  /** A scalar in memory the engine allocated (DJL's Number overloads are unsafe in autograd). */
  private static NDArray scalar(NDArray like, float value) {
    return like.getManager().full(new Shape(), value, DataType.FLOAT32, like.getDevice())
        .toType(like.getDataType(), false);
  }
}
