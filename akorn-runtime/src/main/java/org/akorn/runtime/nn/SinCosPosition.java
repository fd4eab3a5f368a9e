package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import org.akorn.runtime.weights.WeightMapping;

/**
 * {@code x + P} on {@code [B, C, H, W]} with a table {@code P [H*W, C]} (position-major, as the
 * reference's {@code pos_embed}), learnable or fixed, initialised with the 2-D sin/cos encoding:
 * with {@code D = C/2} and {@code f_k = exp(-2k ln(10000) / D)}, channel {@code 2k} holds
 * {@code sin(col f_k)}, {@code 2k+1} {@code cos(col f_k)}, {@code D+2k} {@code sin(row f_k)} and
 * {@code D+2k+1} {@code cos(row f_k)}. Reference key {@code pos_embed}.
 */
public final class SinCosPosition extends ArrayOpBlock {
  private final int channels;
  private final int height;
  private final int width;
  private final Parameter table;

  public SinCosPosition(int channels, int height, int width, boolean learnable) {
    if (channels <= 0 || channels % 4 != 0 || height <= 0 || width <= 0) {
      throw new IllegalArgumentException(
          "a sin/cos position table needs channels divisible by 4 and a positive grid, got "
              + channels + " channels on " + height + "x" + width);
    }
    this.channels = channels;
    this.height = height;
    this.width = width;
    table = addParameter(param("pos_embed", Parameter.Type.WEIGHT, new Shape((long) height * width, channels),
        encoding(), learnable));
  }

  /** The table's initial values, {@code [H*W, C]}. */
  static float[] values(int channels, int height, int width) {
    int half = channels / 2;
    float[] data = new float[height * width * channels];
    for (int r = 0; r < height; r++) {
      for (int s = 0; s < width; s++) {
        int base = (r * width + s) * channels;
        for (int k = 0; k < half / 2; k++) {
          double f = Math.exp(2.0 * k * -(Math.log(10000.0) / half));
          data[base + 2 * k] = (float) Math.sin(s * f);
          data[base + 2 * k + 1] = (float) Math.cos(s * f);
          data[base + half + 2 * k] = (float) Math.sin(r * f);
          data[base + half + 2 * k + 1] = (float) Math.cos(r * f);
        }
      }
    }
    return data;
  }

  private Initializer encoding() {
    return (NDManager manager, Shape shape, DataType dataType) ->
        manager.create(values(channels, height, width), shape).toType(dataType, false);
  }

  @Override
  public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    Shape s = x.getShape();
    if (s.dimension() != 4 || s.get(1) != channels || s.get(2) != height || s.get(3) != width) {
      throw new IllegalArgumentException(
          "the position table is for [B, " + channels + ", " + height + ", " + width + "], got " + s);
    }
    NDArray p = ps.getValue(table, x.getDevice(), training);
    return x.add(p.transpose(1, 0).reshape(1, channels, height, width));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  public void collectReferenceKeys(String prefix, WeightMapping.Builder mapping) {
    mapping.map(prefix + "pos_embed", table);
  }
}
