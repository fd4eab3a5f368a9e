package org.akorn.runtime.data.objects;

import java.util.SplittableRandom;

/**
 * Tetrominoes-like images, as DeepMind's multi-object datasets define the set: a 35x35 black
 * canvas with three tetrominoes, each one of the 19 fixed orientations ({@link Tetromino#ALL}) in
 * one of six saturated colours, built from square blocks of 5x5 pixels, placed at any pixel
 * position inside the canvas without overlapping. Pieces may touch and may share a colour.
 *
 * <p>Size 32 is the 35x35 canvas cropped to rows and columns 1..32, as the paper's reference code
 * crops the original data set; the piece placement (and so the image for a given random stream)
 * is the same for both sizes.
 */
public final class TetrominoesGenerator implements ObjectImageGenerator {

  /** Pieces per image. */
  public static final int PIECES = 3;

  /** Side of one block of a piece, in pixels. */
  public static final int BLOCK = 5;

  /** Side of the canvas pieces are placed on. */
  public static final int CANVAS = 35;

  /** Red, green, blue, yellow, magenta, cyan. */
  public static final float[][] COLOURS = {
    {1f, 0f, 0f}, {0f, 1f, 0f}, {0f, 0f, 1f}, {1f, 1f, 0f}, {1f, 0f, 1f}, {0f, 1f, 1f}
  };

  private final int size;

  /**
   * @param size 35 (the canvas) or 32 (the canvas cropped by one pixel on each side)
   */
  public TetrominoesGenerator(int size) {
    if (size != 32 && size != CANVAS) {
      throw new IllegalArgumentException("tetrominoes images are 32 or 35 pixels, got " + size);
    }
    this.size = size;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public SegmentedImage sample(SplittableRandom random) {
    int[] canvasMask;
    int[][] colours = new int[PIECES + 1][];
    do {
      canvasMask = tryPlace(random, colours);
    } while (canvasMask == null);
    int offset = size == CANVAS ? 0 : 1; // the reference keeps rows and columns 1..32
    float[] rgb = new float[3 * size * size];
    int[] mask = new int[size * size];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int id = canvasMask[(y + offset) * CANVAS + x + offset];
        mask[y * size + x] = id;
        if (id > 0) {
          float[] colour = COLOURS[colours[id][0]];
          for (int c = 0; c < 3; c++) {
            rgb[(c * size + y) * size + x] = colour[c];
          }
        }
      }
    }
    return new SegmentedImage(size, size, rgb, mask);
  }

  /** Places the pieces on the canvas; null when a piece found no free place (draw again). */
  private static int[] tryPlace(SplittableRandom random, int[][] colours) {
    int[] mask = new int[CANVAS * CANVAS];
    for (int id = 1; id <= PIECES; id++) {
      Tetromino piece = Tetromino.ALL.get(random.nextInt(Tetromino.ALL.size()));
      colours[id] = new int[] {random.nextInt(COLOURS.length)};
      boolean placed = false;
      for (int attempt = 0; attempt < 100 && !placed; attempt++) {
        int top = random.nextInt(CANVAS - piece.rows() * BLOCK + 1);
        int left = random.nextInt(CANVAS - piece.columns() * BLOCK + 1);
        if (isFree(mask, piece, top, left)) {
          paint(mask, piece, top, left, id);
          placed = true;
        }
      }
      if (!placed) {
        return null;
      }
    }
    return mask;
  }

  private static boolean isFree(int[] mask, Tetromino piece, int top, int left) {
    for (int[] cell : piece.cells()) {
      for (int dy = 0; dy < BLOCK; dy++) {
        for (int dx = 0; dx < BLOCK; dx++) {
          int y = top + cell[0] * BLOCK + dy;
          int x = left + cell[1] * BLOCK + dx;
          if (mask[y * CANVAS + x] != 0) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private static void paint(int[] mask, Tetromino piece, int top, int left, int id) {
    for (int[] cell : piece.cells()) {
      for (int dy = 0; dy < BLOCK; dy++) {
        for (int dx = 0; dx < BLOCK; dx++) {
          mask[(top + cell[0] * BLOCK + dy) * CANVAS + left + cell[1] * BLOCK + dx] = id;
        }
      }
    }
  }
}
