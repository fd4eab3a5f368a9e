package org.akorn.examples.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.akorn.runtime.figures.LineChart;
import org.akorn.examples.sudoku.Puzzle;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.io.AtomicFiles;

/**
 * The evaluation half of the demo, shared by {@code eval} and {@code run}: the three settings side
 * by side (trained T, extended T, energy voting), the report and the figures.
 */
public final class SudokuDemo {
  private SudokuDemo() {}

  /** File names in a run folder. */
  public static final String MODEL = "model.ckpt";
  public static final String REPORT = "report.md";
  public static final String ENERGY = "energy.png";
  public static final String RUN_PROPERTIES = "run.properties";

  /** The dynamics figure for {@code steps} steps. */
  public static String dynamicsFile(int steps) {
    return "dynamics-T" + steps + ".png";
  }

  /**
   * Evaluation settings.
   *
   * @param extendedSteps the extended T
   * @param votes K samples of the energy vote (at the extended T)
   * @param voteEnergies which energies rank the samples, one voting row each
   * @param batchSize puzzles per forward pass
   * @param seed seed of the initial noise
   */
  public record EvalSettings(
      int extendedSteps, int votes, List<SudokuEvaluator.VoteEnergy> voteEnergies, int batchSize,
      long seed) {}

  /**
   * Evaluates, prints and writes the report and the figures into {@code outDir}.
   *
   * @param header first lines of the report (what was evaluated)
   */
  public static List<SudokuEvaluator.Outcome> evaluate(AkornModel model, List<Puzzle> test,
      EvalSettings s, Path outDir, String header, PrintWriter out) throws IOException {
    Files.createDirectories(outDir);
    int trainedSteps = SudokuHyperParameters.fromMap(model.hyperParameters()).steps();
    List<SudokuEvaluator.Setting> settings = new java.util.ArrayList<>(List.of(
        new SudokuEvaluator.Setting("trained T", trainedSteps),
        new SudokuEvaluator.Setting("extended T", s.extendedSteps())));
    for (SudokuEvaluator.VoteEnergy energy : s.voteEnergies()) {
      settings.add(new SudokuEvaluator.Setting(energy == SudokuEvaluator.VoteEnergy.CONFIDENCE
          ? "C-voting (mean top-1 probability)"
          : "energy voting (" + energy.name().toLowerCase(Locale.ROOT) + " energy)",
          s.extendedSteps(), s.votes(), energy));
    }
    SudokuEvaluator evaluator = new SudokuEvaluator(s.batchSize(), s.seed());
    List<SudokuEvaluator.Outcome> outcomes = evaluator.evaluate(model, test, settings);
    String report = header + "\n\n" + DemoReport.table(outcomes);
    out.print(report);
    out.flush();
    writeAtomically(outDir.resolve(REPORT), report);

    LineChart energy = new LineChart(
        "Energy per step, mean over " + test.size() + " puzzles", "Kuramoto step", "energy")
        .optFirstX(1);
    // The extended run first, so that the trained-T curve (its prefix) is drawn on top of it.
    for (SudokuEvaluator.Outcome o : List.of(outcomes.get(1), outcomes.get(0))) {
      double[] e = o.meanEnergy();
      energy.add("T=" + o.setting().steps(), Arrays.copyOfRange(e, 1, e.length));
    }
    energy.writePng(outDir.resolve(ENERGY));
    Puzzle shown = test.get(0);
    DynamicsFigure.write(model, shown, trainedSteps, s.seed(),
        outDir.resolve(dynamicsFile(trainedSteps)));
    DynamicsFigure.write(model, shown, s.extendedSteps(), s.seed(),
        outDir.resolve(dynamicsFile(s.extendedSteps())));
    return outcomes;
  }

  /** Writes {@code key=value} lines, sorted, atomically. */
  static void writeProperties(Path file, Map<String, String> values) throws IOException {
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(values).forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
    writeAtomically(file, sb.toString());
  }

  /** Reads a file written by {@link #writeProperties}; empty when absent. */
  static Map<String, String> readProperties(Path file) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return out;
    }
    java.util.Properties p = new java.util.Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    for (String k : new java.util.TreeSet<>(p.stringPropertyNames())) {
      out.put(k, p.getProperty(k));
    }
    return out;
  }

  static void writeAtomically(Path file, String text) throws IOException {
    AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
  }
}
