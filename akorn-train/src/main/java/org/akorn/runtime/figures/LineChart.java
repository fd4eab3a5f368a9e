package org.akorn.runtime.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small line chart (e.g. energy per Kuramoto step, loss per training step, accuracy against a
 * perturbation budget) rendered to PNG: axes with ticks, a title, axis labels and a legend.
 * Series share the x axis (x = index of the value, or one label per index); long series are drawn
 * as lines without point markers.
 */
public final class LineChart {
  private static final Color[] PALETTE = {
    new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
    new Color(0x9467bd), new Color(0x8c564b)
  };
  private static final int WIDTH = 640;
  private static final int HEIGHT = 400;
  private static final int LEFT = 80;
  private static final int RIGHT = 20;
  private static final int TOP = 40;
  private static final int BOTTOM = 50;

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final List<String> names = new ArrayList<>();
  private final List<double[]> series = new ArrayList<>();
  private int firstX;
  private String[] xLabels;
  private Double fixedMinY;
  private Double fixedMaxY;

  public LineChart(String title, String xLabel, String yLabel) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
  }

  /** The x value of every series' first point (default 0); e.g. 1 for steps counted from 1. */
  public LineChart optFirstX(int value) {
    firstX = value;
    return this;
  }

  /** One tick label per index (e.g. budgets 0, 1, 2, 4, 8 drawn equally spaced). */
  public LineChart optXLabels(String... labels) {
    xLabels = labels.clone();
    return this;
  }

  /** A fixed y range (default: the data's range with a margin). */
  public LineChart optYRange(double min, double max) {
    fixedMinY = min;
    fixedMaxY = max;
    return this;
  }

  public LineChart add(String name, double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("series '" + name + "' is empty");
    }
    names.add(name);
    series.add(values.clone());
    return this;
  }

  public void writePng(Path file) throws IOException {
    PngFiles.write(render(), file);
  }

  BufferedImage render() {
    if (series.isEmpty()) {
      throw new IllegalStateException("no series to draw");
    }
    double minY = Double.POSITIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    int maxX = 1;
    for (double[] s : series) {
      maxX = Math.max(maxX, s.length - 1);
      for (double v : s) {
        minY = Math.min(minY, v);
        maxY = Math.max(maxY, v);
      }
    }
    if (maxY - minY < 1e-12) {
      maxY = minY + 1;
    }
    double pad = 0.05 * (maxY - minY);
    minY -= pad;
    maxY += pad;
    if (fixedMinY != null) {
      minY = fixedMinY;
      maxY = fixedMaxY;
    }

    BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;

    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    FontMetrics fm = g.getFontMetrics();
    for (int i = 0; i <= 5; i++) {
      double v = minY + (maxY - minY) * i / 5;
      int y = TOP + plotH - (int) Math.round(plotH * i / 5.0);
      g.setColor(new Color(0xeeeeee));
      g.drawLine(LEFT, y, LEFT + plotW, y);
      g.setColor(Color.DARK_GRAY);
      String label = String.format(Locale.ROOT, "%.4g", v);
      g.drawString(label, LEFT - 6 - fm.stringWidth(label), y + 4);
    }
    int xTicks = Math.min(maxX, 10);
    for (int i = 0; i <= xTicks; i++) {
      int xv = (int) Math.round((double) maxX * i / xTicks);
      int x = LEFT + (int) Math.round((double) plotW * xv / maxX);
      g.setColor(Color.DARK_GRAY);
      g.drawLine(x, TOP + plotH, x, TOP + plotH + 4);
      String label = xLabels != null && xv < xLabels.length ? xLabels[xv]
          : Integer.toString(xv + firstX);
      g.drawString(label, x - fm.stringWidth(label) / 2, TOP + plotH + 16);
    }
    g.setColor(Color.BLACK);
    g.drawRect(LEFT, TOP, plotW, plotH);
    g.drawString(xLabel, LEFT + plotW / 2 - fm.stringWidth(xLabel) / 2, HEIGHT - 12);
    Graphics2D rotated = (Graphics2D) g.create();
    rotated.rotate(-Math.PI / 2);
    rotated.drawString(yLabel, -(TOP + plotH / 2) - fm.stringWidth(yLabel) / 2, 16);
    rotated.dispose();
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString(title, LEFT, TOP - 14);

    g.setStroke(new BasicStroke(2f));
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    for (int s = 0; s < series.size(); s++) {
      double[] values = series.get(s);
      g.setColor(PALETTE[s % PALETTE.length]);
      int px = -1;
      int py = -1;
      for (int i = 0; i < values.length; i++) {
        int x = LEFT + (int) Math.round((double) plotW * i / maxX);
        int y = TOP + plotH - (int) Math.round(plotH * (values[i] - minY) / (maxY - minY));
        if (px >= 0) {
          g.drawLine(px, py, x, y);
        }
        if (values.length <= 200) {
          g.fillOval(x - 2, y - 2, 5, 5);
        }
        px = x;
        py = y;
      }
      int ly = TOP + 14 + 16 * s;
      g.fillRect(LEFT + plotW - 150, ly - 8, 14, 4);
      g.setColor(Color.BLACK);
      g.drawString(names.get(s), LEFT + plotW - 130, ly - 2);
    }
    g.dispose();
    return img;
  }
}
