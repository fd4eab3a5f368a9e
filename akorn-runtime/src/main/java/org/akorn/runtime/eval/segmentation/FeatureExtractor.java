package org.akorn.runtime.eval.segmentation;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import java.util.Map;
import org.akorn.runtime.AkornInput;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.AkornNetwork;
import org.akorn.runtime.RunOptions;

/** Per-patch features of a batch of images: what object discovery clusters. */
@FunctionalInterface
public interface FeatureExtractor {

  /**
   * Features of {@code images [B, 3, H, W]} (values in [0, 1]): {@code [B, C, h, w]}.
   */
  NDArray extract(NDArray images);

  /** The last read-out ({@code c_last}) of a network, as the reference clusters it. */
  static FeatureExtractor lastReadOut(AkornNetwork network, ParameterStore ps, RunOptions options) {
    return images -> network.run(ps, AkornInput.of(images), options).output("c_last");
  }

  /** The last read-out of a generated model whose image input is named {@code input}. */
  static FeatureExtractor lastReadOut(AkornModel model, String input, RunOptions options) {
    return images -> model.forward(Map.of(input, images), options).output("c_last");
  }
}
