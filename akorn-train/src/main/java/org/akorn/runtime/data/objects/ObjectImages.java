package org.akorn.runtime.data.objects;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.akorn.runtime.io.BadFileException;

/**
 * The images object discovery trains and evaluates on: a generator ({@code tetrominoes} or
 * {@code shapes}, fresh images for training and a fixed held-out set of another seed) or a folder
 * read by {@link ImageFolder} (its last images held out when it has masks).
 *
 * @param source the data set's name or folder (for messages and reports)
 * @param generator the training images' generator, or null for a fixed list
 * @param training the fixed training images (empty with a generator)
 * @param heldOut images with masks for validation and evaluation (may be empty without masks)
 * @param clusters k for clustering: the most objects an image holds, plus one for background
 * @param seed the generator's training seed
 */
public record ObjectImages(String source, ObjectImageGenerator generator,
    List<SegmentedImage> training, List<SegmentedImage> heldOut, int clusters, long seed) {

  /** What {@code --data} names besides a folder. */
  public static final List<String> GENERATED = List.of("tetrominoes", "shapes");

  /**
   * Opens {@code spec}: {@code tetrominoes}, {@code shapes} or a folder of PNG images.
   *
   * @param size the image side the model takes
   * @param heldOut held-out images: generated, or taken from the end of the folder
   */
  public static ObjectImages open(String spec, int size, int heldOut, long seed)
      throws IOException {
    if (spec.equals("tetrominoes") || spec.equals("shapes")) {
      ObjectImageGenerator g = spec.equals("tetrominoes")
          ? new TetrominoesGenerator(size) : new ShapesGenerator(size, 2, 4, false);
      List<SegmentedImage> held = g.images(seed + 1_000_003L, 0, heldOut);
      return new ObjectImages(spec, g, List.of(), held, spec.equals("tetrominoes") ? 4 : 5, seed);
    }
    Path dir = Path.of(spec);
    ImageFolder.Contents c = ImageFolder.read(dir);
    SegmentedImage first = c.images().get(0);
    if (first.height() != size || first.width() != size) {
      throw new BadFileException(dir.resolve("images").toString(), "holds " + first.height() + "x"
          + first.width() + " images, but the model takes " + size + "x" + size);
    }
    int held = c.hasMasks() ? Math.min(heldOut, c.images().size() - 1) : 0;
    List<SegmentedImage> train = c.images().subList(0, c.images().size() - held);
    List<SegmentedImage> test = c.images().subList(c.images().size() - held, c.images().size());
    int objects = 1;
    for (SegmentedImage image : test) {
      objects = Math.max(objects, image.objectCount());
    }
    return new ObjectImages(dir.toString(), null, List.copyOf(train), List.copyOf(test),
        objects + 1, seed);
  }
}
