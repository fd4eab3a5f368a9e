package org.akorn.runtime.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Locale;

/**
 * What a convolution's verification depends on: its geometry (batch included: kernels have been
 * measured right at batch 1 and wrong at batch 2 for the same shapes), the data type, the device,
 * and whether gradients flow through it.
 *
 * @param geometry sizes, stride and padding
 * @param dataType the element type of input and weight
 * @param device the device the convolution runs on
 * @param gradients true when the result takes part in a backward pass
 */
public record ConvKey(ConvGeometry geometry, DataType dataType, Device device, boolean gradients) {

  /** The key of {@code conv(x, w)} with the given stride and padding, as called now. */
  public static ConvKey of(NDArray x, NDArray w, int stride, int padding) {
    Shape xs = x.getShape();
    Shape ws = w.getShape();
    if (xs.dimension() != 4 || ws.dimension() != 4) {
      throw new IllegalArgumentException(
          "conv2d needs [B, C, H, W] input and [Cout, Cin, k, k] weight, got " + xs + " and " + ws);
    }
    if (ws.get(2) != ws.get(3) || ws.get(1) != xs.get(1)) {
      throw new IllegalArgumentException(
          "conv2d needs a square kernel over every input channel, got input " + xs
              + " and weight " + ws);
    }
    ConvGeometry g =
        new ConvGeometry(
            (int) xs.get(0),
            (int) xs.get(1),
            (int) ws.get(0),
            (int) ws.get(2),
            (int) xs.get(2),
            (int) xs.get(3),
            stride,
            padding);
    return new ConvKey(g, x.getDataType(), x.getDevice(), tracksGradient(x, w));
  }

  /** The key on the engine's default device, float32. */
  public static ConvKey cpuFloat(ConvGeometry geometry, boolean gradients) {
    return new ConvKey(geometry, DataType.FLOAT32, Device.cpu(), gradients);
  }

  private static boolean tracksGradient(NDArray x, NDArray w) {
    if (x instanceof PtNDArray px && w instanceof PtNDArray pw) {
      return JniUtils.isGradMode() && (JniUtils.requiresGrad(px) || JniUtils.requiresGrad(pw));
    }
    return x.hasGradient() || w.hasGradient();
  }

  /** A seed that depends on nothing but the key's content (not on identity hash codes). */
  long seed() {
    return ((long) geometry.toString().hashCode() << 32)
        ^ (dataType.name().hashCode() * 31L + device.toString().hashCode()) * 2 + (gradients ? 1 : 0);
  }

  /** For example {@code B2 40->24 k3 16x16 s2 p1 float32 cpu() with gradients}. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s %s %s%s",
        geometry,
        dataType.toString().toLowerCase(Locale.ROOT),
        device,
        gradients ? " with gradients" : "");
  }
}
