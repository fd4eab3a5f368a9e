package org.akorn.runtime.djl;

import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;

/** Turns one example's output (the runner's, without the batch axis) into the result type. */
@FunctionalInterface
interface OutputConverter<O> {

  O fromOutput(NDArray output);

  /** Logits {@code [K]} to class probabilities (softmax) under {@code names} (null: "0".."K-1"). */
  static OutputConverter<Classifications> classifications(List<String> names) {
    return logits -> {
      if (logits.getShape().dimension() != 1) {
        throw new IllegalArgumentException(
            "a classifier's output is [B, classes], got [B, " + logits.getShape() + "]");
      }
      int k = Math.toIntExact(logits.size());
      List<String> classes = names;
      if (classes == null) {
        classes = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
          classes.add(Integer.toString(i));
        }
      } else if (classes.size() != k) {
        throw new IllegalArgumentException("Criteria argument classes names " + classes.size()
            + " classes; the model has " + k);
      }
      List<Double> probabilities = new ArrayList<>(k);
      for (float p : logits.softmax(0).toFloatArray()) {
        probabilities.add((double) p);
      }
      return new Classifications(classes, probabilities);
    };
  }

  /** Per-cell logits {@code [S, S, D]} to the board of the most likely digits 1..D. */
  static OutputConverter<int[][]> board() {
    return logits -> {
      if (logits.getShape().dimension() != 3) {
        throw new IllegalArgumentException(
            "a cell classifier's output is [B, S, S, digits], got [B, " + logits.getShape() + "]");
      }
      int rows = Math.toIntExact(logits.getShape().get(0));
      int cols = Math.toIntExact(logits.getShape().get(1));
      int[] flat = logits.argMax(-1).add(1).toType(DataType.INT32, false).toIntArray();
      int[][] board = new int[rows][cols];
      for (int r = 0; r < rows; r++) {
        System.arraycopy(flat, r * cols, board[r], 0, cols);
      }
      return board;
    };
  }

  /** Any output, flattened row-major to floats. */
  static OutputConverter<float[]> features() {
    return output -> output.toType(DataType.FLOAT32, false).toFloatArray();
  }
}
