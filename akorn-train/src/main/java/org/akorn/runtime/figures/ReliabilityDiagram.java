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
import java.util.List;
import java.util.Locale;
import org.akorn.runtime.eval.Calibration;

/**
 * A reliability diagram: per confidence bin, a bar of the accuracy of the predictions in it, the
 * diagonal of perfect calibration, and the gap to it shaded; the title carries the ECE.
 */
public final class ReliabilityDiagram {
  private static final int SIZE = 420;
  private static final int LEFT = 60;
  private static final int RIGHT = 20;
  private static final int TOP = 40;
  private static final int BOTTOM = 50;

  private ReliabilityDiagram() {}

  /** Draws {@code result}'s bins for the model {@code name} to {@code file}. */
  public static void writePng(String name, Calibration.Result result, Path file)
      throws IOException {
    PngFiles.write(render(name, result), file);
  }

  static BufferedImage render(String name, Calibration.Result result) {
    int w = SIZE;
    int h = SIZE;
    int plot = SIZE - LEFT - RIGHT;
    int plotH = SIZE - TOP - BOTTOM;
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    List<Calibration.Bin> bins = result.bins();
    for (Calibration.Bin b : bins) {
      int x0 = LEFT + (int) Math.round(plot * b.lower());
      int x1 = LEFT + (int) Math.round(plot * b.upper());
      if (b.count() == 0) {
        continue;
      }
      int yAcc = TOP + plotH - (int) Math.round(plotH * b.accuracy());
      int yConf = TOP + plotH - (int) Math.round(plotH * b.confidence());
      g.setColor(new Color(0x1f77b4));
      g.fillRect(x0 + 1, yAcc, x1 - x0 - 2, TOP + plotH - yAcc);
      g.setColor(new Color(255, 127, 14, 110));
      g.fillRect(x0 + 1, Math.min(yAcc, yConf), x1 - x0 - 2, Math.abs(yAcc - yConf));
    }
    g.setColor(Color.GRAY);
    g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
        new float[] {6f, 4f}, 0f));
    g.drawLine(LEFT, TOP + plotH, LEFT + plot, TOP);
    g.setStroke(new BasicStroke(1f));
    g.setColor(Color.BLACK);
    g.drawRect(LEFT, TOP, plot, plotH);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    FontMetrics fm = g.getFontMetrics();
    for (int i = 0; i <= 5; i++) {
      String label = String.format(Locale.ROOT, "%.1f", i / 5.0);
      int x = LEFT + plot * i / 5;
      int y = TOP + plotH - plotH * i / 5;
      g.drawLine(x, TOP + plotH, x, TOP + plotH + 4);
      g.drawString(label, x - fm.stringWidth(label) / 2, TOP + plotH + 16);
      g.drawLine(LEFT - 4, y, LEFT, y);
      g.drawString(label, LEFT - 8 - fm.stringWidth(label), y + 4);
    }
    String xLabel = "confidence";
    g.drawString(xLabel, LEFT + plot / 2 - fm.stringWidth(xLabel) / 2, h - 12);
    Graphics2D rotated = (Graphics2D) g.create();
    rotated.rotate(-Math.PI / 2);
    rotated.drawString("accuracy", -(TOP + plotH / 2) - fm.stringWidth("accuracy") / 2, 16);
    rotated.dispose();
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString(String.format(Locale.ROOT, "%s: ECE %.4f", name, result.ece()), LEFT, TOP - 14);
    g.dispose();
    return img;
  }
}
