package org.akorn.runtime.djl;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Turns one example into the model's inputs, without a batch axis (DJL's batchifier adds it). */
@FunctionalInterface
interface InputConverter<I> {

  NDList toInputs(NDManager manager, I input);

  /** The arrays as given, one per declared input. */
  static InputConverter<NDList> arrays() {
    return (manager, input) -> input;
  }

  /** A float image {@code [C][H][W]} as the model's one input. */
  static InputConverter<float[][][]> image() {
    return (manager, image) -> {
      int c = image.length;
      int h = image[0].length;
      int w = image[0][0].length;
      float[] flat = new float[c * h * w];
      for (int i = 0; i < c; i++) {
        for (int y = 0; y < h; y++) {
          if (image[i][y].length != w) {
            throw new IllegalArgumentException("the image rows differ in length: " + w + " and "
                + image[i][y].length);
          }
          System.arraycopy(image[i][y], 0, flat, (i * h + y) * w, w);
        }
      }
      return new NDList(manager.create(flat, new Shape(c, h, w)));
    };
  }

  /** A Sudoku board ({@code 0} = blank) as the inputs digits (int32) and given (its clues). */
  static InputConverter<int[][]> board() {
    return (manager, board) -> {
      var digits = manager.create(board);
      return new NDList(digits, digits.gt(0));
    };
  }
}
