package org.akorn.runtime.nn;

/** The normalisation inside read-out blocks. */
public enum FeatureNorm {
  /** BatchNorm2d (eps 1e-5, momentum 0.1). */
  BATCH,
  /** GroupNorm with 8 groups, affine. */
  GROUP8,
  /** No normalisation. */
  NONE;

  ArrayOp create(int channels) {
    return switch (this) {
      case BATCH -> new BatchNorm2d(channels);
      case GROUP8 -> new GroupNorm(8, channels, true);
      case NONE -> null;
    };
  }
}
