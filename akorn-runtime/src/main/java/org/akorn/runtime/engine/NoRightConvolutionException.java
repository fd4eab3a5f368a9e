package org.akorn.runtime.engine;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown instead of a result when every convolution path computes wrong values for a geometry on
 * this machine: a wrong number is never returned.
 */
public final class NoRightConvolutionException extends IllegalStateException {
  private static final long serialVersionUID = 1L;
  private final transient ConvKey key;
  private final transient List<PathVerdict> tried;

  NoRightConvolutionException(ConvKey key, List<PathVerdict> tried) {
    super(
        "no convolution path computes right values for "
            + key
            + " on this machine: "
            + tried.stream().map(PathVerdict::toString).collect(Collectors.joining("; "))
            + " (`akorn doctor` shows the engine's checks; include its output in a bug report)");
    this.key = key;
    this.tried = List.copyOf(tried);
  }

  /** The geometry that has no right path. */
  public ConvKey key() {
    return key;
  }

  /** The verdicts of every path tried. */
  public List<PathVerdict> tried() {
    return tried;
  }
}
