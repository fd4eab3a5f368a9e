package org.akorn.runtime.eval.segmentation;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
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

  /**
   * The last read-out of a model's network, whether or not the model declares it as an output.
   */
  static FeatureExtractor lastReadOut(AkornModel model, RunOptions options) {
    ParameterStore ps = new ParameterStore(model.manager(), false);
    return lastReadOut(model.network(), ps, options);
  }
}
