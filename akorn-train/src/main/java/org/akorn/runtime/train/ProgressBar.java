package org.akorn.runtime.train;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar for long work, on stderr: redrawn in place ({@code \r}) on a terminal,
 * one line every so often otherwise (logs, CI), so that neither floods.
 */
public final class ProgressBar {
  private static final int WIDTH = 24;

  private final PrintWriter out;
  private final boolean interactive;
  private final long minIntervalNanos;
  private long lastDraw = Long.MIN_VALUE;
  private boolean drawnInPlace;

  /**
   * @param interactive redraw in place (a terminal) or print lines
   */
  public ProgressBar(PrintWriter out, boolean interactive) {
    this.out = out;
    this.interactive = interactive;
    this.minIntervalNanos = interactive ? 250_000_000L : 15_000_000_000L;
  }

  /** Whether stderr looks like a terminal. */
  public static boolean stderrIsTerminal() {
    return System.console() != null && System.getenv("CI") == null;
  }

  /**
   * Draws the bar if enough time has passed since the last draw (or {@code force}).
   *
   * @param fraction done, in [0, 1]
   * @param text what follows the bar (step, loss, speed)
   */
  public void update(double fraction, String text, boolean force) {
    long now = System.nanoTime();
    if (!force && lastDraw != Long.MIN_VALUE && now - lastDraw < minIntervalNanos) {
      return;
    }
    lastDraw = now;
    String line = bar(fraction) + " " + text;
    if (interactive) {
      out.print("\r" + line + "\u001b[K");
      drawnInPlace = true;
    } else {
      out.println(line);
    }
    out.flush();
  }

  /** Prints a message on its own line (ending an in-place bar first). */
  public void message(String text) {
    if (drawnInPlace) {
      out.println();
      drawnInPlace = false;
    }
    out.println(text);
    out.flush();
    lastDraw = Long.MIN_VALUE;
  }

  /** Ends the in-place line. */
  public void finish() {
    if (drawnInPlace) {
      out.println();
      drawnInPlace = false;
    }
    out.flush();
  }

  public static String bar(double fraction) {
    double f = Math.max(0, Math.min(1, Double.isNaN(fraction) ? 0 : fraction));
    int filled = (int) Math.round(f * WIDTH);
    return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] "
        + String.format(Locale.ROOT, "%3d%%", Math.round(f * 100));
  }

  /** {@code m:ss}. */
  public static String clock(double seconds) {
    long s = Math.round(Math.max(0, seconds));
    return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
