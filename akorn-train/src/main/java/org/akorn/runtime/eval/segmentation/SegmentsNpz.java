package org.akorn.runtime.eval.segmentation;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.akorn.runtime.data.objects.SegmentedImage;
import org.akorn.runtime.io.AtomicFiles;

/**
 * Writes segmentations as {@code .npz}: {@code true} (the ground truth, background 0) and {@code
 * pred} (predicted segment labels), int32 arrays {@code [N, H, W]}, written atomically.
 */
public final class SegmentsNpz {
  private SegmentsNpz() {}

  /** Writes {@code file} from the images' masks and the predictions, image by image. */
  public static void write(Path file, List<SegmentedImage> images, List<int[]> predicted)
      throws IOException {
    if (images.isEmpty() || images.size() != predicted.size()) {
      throw new IllegalArgumentException(
          images.size() + " images but " + predicted.size() + " predictions");
    }
    int h = images.get(0).height();
    int w = images.get(0).width();
    int[] truth = new int[images.size() * h * w];
    int[] pred = new int[truth.length];
    for (int i = 0; i < images.size(); i++) {
      System.arraycopy(images.get(i).mask(), 0, truth, i * h * w, h * w);
      System.arraycopy(predicted.get(i), 0, pred, i * h * w, h * w);
    }
    try (NDManager m = NDManager.newBaseManager()) {
      Shape shape = new Shape(images.size(), h, w);
      NDList list = new NDList(m.create(truth, shape), m.create(pred, shape));
      list.get(0).setName("true");
      list.get(1).setName("pred");
      AtomicFiles.write(file, out -> list.encode(out, NDList.Encoding.NPZ));
    }
  }
}
