package org.akorn.dsl.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A tensor shape without the batch axis: {@code [C, H, W]} for feature maps on a grid,
 * {@code [C, N]} for tokens without a grid, {@code [H, W]} for grids and masks, {@code [K]} for
 * pooled features, {@code [H, W, K]} for per-cell logits.
 */
public record Shape(List<Long> dims) {
  public Shape {
    dims = List.copyOf(dims);
  }

  public static Shape of(long... dims) {
    return new Shape(java.util.Arrays.stream(dims).boxed().toList());
  }

  public int rank() {
    return dims.size();
  }

  public long dim(int i) {
    return dims.get(i);
  }

  /** For a feature map: the first axis. */
  public long channels() {
    return dims.get(0);
  }

  /** For a feature map: true when it is {@code [C, H, W]}. */
  public boolean hasGrid() {
    return dims.size() == 3;
  }

  /** For a feature map: the spatial part ({@code [H, W]} or {@code [N]}). */
  public Shape spatial() {
    return new Shape(dims.subList(1, dims.size()));
  }

  /** For a feature map: H * W (or N). */
  public long positions() {
    long p = 1;
    for (int i = 1; i < dims.size(); i++) {
      p *= dims.get(i);
    }
    return p;
  }

  /** The same spatial layout with another channel count. */
  public Shape withChannels(long channels) {
    List<Long> d = new java.util.ArrayList<>(dims);
    d.set(0, channels);
    return new Shape(d);
  }

  public long elements() {
    long p = 1;
    for (long d : dims) {
      p *= d;
    }
    return p;
  }

  @Override
  public String toString() {
    return dims.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
  }
}
