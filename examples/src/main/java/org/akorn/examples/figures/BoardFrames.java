package org.akorn.examples.figures;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.akorn.runtime.figures.PngFiles;

/**
 * Oscillator dynamics on a board: one frame per Kuramoto step, side by side. Each cell is filled
 * with the colour of its oscillator state (already projected to RGB in [0, 1] by the caller) and
 * may carry a digit (the clue or the prediction).
 */
public final class BoardFrames {
  private static final int CELL = 28;
  private static final int GAP = 14;
  private static final int HEADER = 22;

  private BoardFrames() {}

  /**
   * @param rgb {@code [frame][cell][3]} colours in [0, 1], cells row-major on a {@code size x size}
   *     board
   * @param digits digit per cell drawn on every frame (0 = none); may be null
   * @param frameLabels a caption above each frame (e.g. "t=1")
   */
  public static void writePng(float[][][] rgb, int size, int[] digits, String[] frameLabels, Path file)
      throws IOException {
    PngFiles.write(render(rgb, size, digits, frameLabels), file);
  }

  static BufferedImage render(float[][][] rgb, int size, int[] digits, String[] frameLabels) {
    int frames = rgb.length;
    if (frames == 0 || frameLabels.length != frames) {
      throw new IllegalArgumentException("need one label per frame and at least one frame");
    }
    int board = size * CELL;
    int width = frames * board + (frames + 1) * GAP;
    int height = board + HEADER + GAP;
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    int box = size == 4 ? 2 : (size == 9 ? 3 : size);
    Font digitFont = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    for (int f = 0; f < frames; f++) {
      int x0 = GAP + f * (board + GAP);
      int y0 = HEADER;
      g.setFont(labelFont);
      g.setColor(Color.BLACK);
      FontMetrics lm = g.getFontMetrics();
      g.drawString(frameLabels[f], x0 + board / 2 - lm.stringWidth(frameLabels[f]) / 2, HEADER - 6);
      for (int cell = 0; cell < size * size; cell++) {
        float[] c = rgb[f][cell];
        Color colour = new Color(clamp(c[0]), clamp(c[1]), clamp(c[2]));
        int x = x0 + (cell % size) * CELL;
        int y = y0 + (cell / size) * CELL;
        g.setColor(colour);
        g.fillRect(x, y, CELL, CELL);
        if (digits != null && digits[cell] != 0) {
          float luminance = 0.299f * c[0] + 0.587f * c[1] + 0.114f * c[2];
          g.setColor(luminance > 0.5f ? Color.BLACK : Color.WHITE);
          g.setFont(digitFont);
          FontMetrics dm = g.getFontMetrics();
          String d = Integer.toString(digits[cell]);
          g.drawString(d, x + CELL / 2 - dm.stringWidth(d) / 2, y + CELL / 2 + dm.getAscent() / 2 - 2);
        }
      }
      g.setColor(Color.GRAY);
      for (int i = 0; i <= size; i++) {
        g.setColor(i % box == 0 ? Color.BLACK : Color.LIGHT_GRAY);
        g.drawLine(x0 + i * CELL, y0, x0 + i * CELL, y0 + board);
        g.drawLine(x0, y0 + i * CELL, x0 + board, y0 + i * CELL);
      }
    }
    g.dispose();
    return img;
  }

  private static float clamp(float v) {
    return Math.max(0f, Math.min(1f, Float.isNaN(v) ? 0f : v));
  }
}
