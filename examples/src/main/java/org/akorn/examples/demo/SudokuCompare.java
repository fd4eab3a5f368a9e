package org.akorn.examples.demo;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.akorn.examples.Sudoku4;
import org.akorn.examples.Sudoku4Itrsa;
import org.akorn.examples.Sudoku4Transformer;
import org.akorn.examples.sudoku.Puzzle;
import org.akorn.examples.sudoku.PuzzleGenerator;
import org.akorn.examples.sudoku.Solver;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.figures.LineChart;
import org.akorn.runtime.io.AtomicFiles;
import org.akorn.runtime.train.HeadLoss;
import org.akorn.runtime.train.ProgressBar;
import org.akorn.runtime.train.TrainingLoop;

/**
 * AKOrN against ItrSA++ and a Transformer on 4x4 Sudoku at the same budget: each model trains the
 * same number of steps on the same batches (one seeded puzzle stream per model, so identical
 * puzzles in identical order), then is scored on in-distribution puzzles (the training clue
 * range) and out-of-distribution ones (strictly fewer clues, never seen in training) at the
 * trained T, an extended T, and with votes over K random initial states (energy voting at the
 * extended T, C-voting at the extended and at the trained T).
 */
public final class SudokuCompare {

  /**
   * The comparison's settings.
   *
   * @param data the in-distribution puzzles (training range, test and validation sets)
   * @param oodClues the out-of-distribution clue range, {@code [min, max]}, max below data's min
   * @param oodCsv out-of-distribution puzzles from a CSV file instead, or null
   * @param trainSteps optimizer steps per model
   * @param batch puzzles per step
   * @param extendedSteps the extended T
   * @param votes K of both votes
   * @param emaDecay EMA decay per step (the demo's 0.99: 0.999 would keep a fifth of the initial
   *     weights after 1,500 steps)
   * @param curveSteps the test-time T of the accuracy curve
   */
  public record Settings(DataSettings data, int[] oodClues, Path oodCsv, long trainSteps, int batch,
      int extendedSteps, int votes, double emaDecay, int[] curveSteps) {}

  /** One model of the comparison. */
  record Contender(String label, Supplier<AkornModel> create, int trainedSteps, boolean iterated,
      boolean energy) {}

  /** One row of the table. */
  record Row(String model, String setting, int steps, int votes, double id, double ood, long parameters,
      double trainSeconds) {}

  /** How hard a set of puzzles is. */
  record Difficulty(String name, int puzzles, double meanClues, double meanNodes, long maxNodes) {}

  private final Settings s;
  private final PrintWriter log;
  private final boolean interactive;

  public SudokuCompare(Settings settings, PrintWriter log, boolean interactive) {
    if (settings.data().size() != 4) {
      throw new IllegalArgumentException("demo sudoku compare runs the 4x4 models (--size 4)");
    }
    if (settings.oodCsv() == null && settings.oodClues()[1] >= settings.data().minClues()) {
      throw new IllegalArgumentException("--ood-clues must lie strictly below the training range "
          + settings.data().minClues() + ".." + settings.data().maxClues());
    }
    this.s = settings;
    this.log = log;
    this.interactive = interactive;
  }

  static List<Contender> contenders(long seed) {
    return List.of(
        new Contender("AKOrN", () -> seeded(seed, () -> Sudoku4.builder().build()), 8, true, true),
        new Contender("ItrSA++", () -> seeded(seed, () -> Sudoku4Itrsa.builder().build()), 8, true, false),
        new Contender("Transformer", () -> seeded(seed, () -> Sudoku4Transformer.builder().build()), 1, false,
            false));
  }

  private static AkornModel seeded(long seed, Supplier<AkornModel> build) {
    Engine.getInstance().setRandomSeed((int) seed);
    return build.get();
  }

  /** The out-of-distribution puzzles: generated below the training range, or the CSV's. */
  List<Puzzle> ood(List<Puzzle> exclude) throws IOException {
    DataSettings d = s.data();
    if (s.oodCsv() != null) {
      return new DataSettings(d.size(), d.minClues(), d.maxClues(), d.seed(), d.testPuzzles(), 0, null,
          s.oodCsv()).test();
    }
    return DataSettings.distinct(new PuzzleGenerator(d.size(), s.oodClues()[0],
        s.oodClues()[1], d.seed() + 3000), d.testPuzzles(), DataSettings.keys(exclude));
  }

  static Difficulty difficulty(String name, List<Puzzle> puzzles) {
    Solver solver = new Solver(puzzles.isEmpty() ? 4 : puzzles.get(0).size());
    long clues = 0;
    long nodes = 0;
    long max = 0;
    for (Puzzle p : puzzles) {
      for (int c : p.clues()) {
        clues += c != 0 ? 1 : 0;
      }
      solver.hasUniqueSolution(p.clues());
      nodes += solver.lastSearchNodes();
      max = Math.max(max, solver.lastSearchNodes());
    }
    int n = Math.max(1, puzzles.size());
    return new Difficulty(name, puzzles.size(), (double) clues / n, (double) nodes / n, max);
  }

  /** Trains and scores every model; writes report.md and accuracy-vs-T.png under {@code out}. */
  public String run(Path out) throws IOException {
    long start = System.nanoTime();
    DataSettings d = s.data();
    List<Puzzle> idTest = d.test();
    List<Puzzle> validation = d.validation(idTest);
    List<Puzzle> oodTest = ood(idTest);
    List<Puzzle> heldOut = new ArrayList<>(idTest);
    heldOut.addAll(validation);
    heldOut.addAll(oodTest);
    List<Difficulty> difficulty = List.of(difficulty("in-distribution", idTest),
        difficulty("out-of-distribution", oodTest));
    List<Row> rows = new ArrayList<>();
    LineChart chart = new LineChart("Board accuracy against test-time T", "T", "board accuracy")
        .optYRange(0, 1).optXLabels(labels(s.curveSteps()));
    SudokuEvaluator evaluator = new SudokuEvaluator(100, d.seed() + 5000);
    List<Contender> contenders = contenders(d.seed());
    for (int i = 0; i < contenders.size(); i++) {
      Contender c = contenders.get(i);
      try (AkornModel model = c.create().get()) {
        long parameters = model.network().getParameters().values().stream()
            .filter(p -> p.requiresGradient()).mapToLong(p -> p.getArray().size()).sum();
        log.printf(Locale.ROOT, "%d/%d training %s (%s, %,d parameters) for %d steps%n", i + 1,
            contenders.size(), c.label(), model.modelName(), parameters, s.trainSteps());
        log.flush();
        TrainingLoop.Summary trained = train(model, c, d.training(heldOut), validation,
            out.resolve(model.modelName().toLowerCase(Locale.ROOT)));
        log.printf(Locale.ROOT, "  evaluating %s%n", c.label());
        log.flush();
        List<SudokuEvaluator.Setting> settings = new ArrayList<>();
        settings.add(new SudokuEvaluator.Setting("trained T", c.trainedSteps()));
        if (c.iterated()) {
          settings.add(new SudokuEvaluator.Setting("extended T", s.extendedSteps()));
          if (c.energy()) {
            settings.add(new SudokuEvaluator.Setting("energy voting", s.extendedSteps(), s.votes(),
                SudokuEvaluator.VoteEnergy.SUM));
          }
          settings.add(new SudokuEvaluator.Setting("C-voting", s.extendedSteps(), s.votes(),
              SudokuEvaluator.VoteEnergy.CONFIDENCE));
          settings.add(new SudokuEvaluator.Setting("C-voting", c.trainedSteps(), s.votes(),
              SudokuEvaluator.VoteEnergy.CONFIDENCE));
        }
        for (SudokuEvaluator.Setting setting : settings) {
          double id = evaluator.evaluate(model, idTest, setting).score().boardAccuracy();
          double ood = evaluator.evaluate(model, oodTest, setting).score().boardAccuracy();
          rows.add(new Row(c.label(), setting.label(), setting.steps(), setting.samples(), id, ood,
              parameters, trained.trainSeconds()));
        }
        double[] idCurve = new double[s.curveSteps().length];
        double[] oodCurve = new double[s.curveSteps().length];
        for (int k = 0; k < s.curveSteps().length; k++) {
          SudokuEvaluator.Setting at = new SudokuEvaluator.Setting("T", s.curveSteps()[k]);
          idCurve[k] = evaluator.evaluate(model, idTest, at).score().boardAccuracy();
          oodCurve[k] = evaluator.evaluate(model, oodTest, at).score().boardAccuracy();
        }
        chart.add(c.label() + " ID", idCurve);
        chart.add(c.label() + " OOD", oodCurve);
      }
    }
    chart.writePng(out.resolve("accuracy-vs-T.png"));
    String report = report(rows, difficulty, idTest.size(), oodTest.size(), (System.nanoTime() - start) / 1e9);
    AtomicFiles.writeString(out.resolve("report.md"), report);
    return report;
  }

  private TrainingLoop.Summary train(AkornModel model, Contender c, PuzzleSource source, List<Puzzle> validation,
      Path dir) throws IOException {
    DataSettings d = s.data();
    // AKOrN and ItrSA++ train at T +- 1 (the demo's jitter, see the README); the Transformer at T = 1.
    Random jitter = new Random(d.seed());
    int spread = c.iterated() ? 1 : 0;
    TrainingLoop.BatchSource batches = new TrainingLoop.BatchSource() {
      @Override
      public TrainingLoop.Batch next(NDManager manager, int size) {
        List<Puzzle> puzzles = source.next(size);
        SudokuBatch batch = SudokuBatch.of(manager, puzzles);
        int steps = c.trainedSteps() - spread + jitter.nextInt(2 * spread + 1);
        return new TrainingLoop.Batch(batch.inputs(), batch.labels(), puzzles.size(), steps);
      }

      @Override
      public String unit() {
        return "puzzles";
      }
    };
    SudokuEvaluator evaluator = new SudokuEvaluator(100, d.seed() + 17);
    SudokuEvaluator.Setting setting = new SudokuEvaluator.Setting("trained T", c.trainedSteps());
    TrainingLoop.Validation boards = validation.isEmpty() ? null : new TrainingLoop.Validation() {
      @Override
      public String name() {
        return "validation board accuracy (T=" + c.trainedSteps() + ")";
      }

      @Override
      public double evaluate(AkornModel m) {
        return evaluator.evaluate(m, validation, setting).score().boardAccuracy();
      }
    };
    TrainingLoop.Config config = new TrainingLoop.Config(s.batch(), 1e-3f, 1f, s.emaDecay(), d.seed(), 0,
        s.trainSteps(), 0);
    return new TrainingLoop(config, log, interactive)
        .train(model, HeadLoss.forModel(model), batches, boards, dir, null);
  }

  private static String[] labels(int[] steps) {
    String[] out = new String[steps.length];
    for (int i = 0; i < steps.length; i++) {
      out[i] = Integer.toString(steps[i]);
    }
    return out;
  }

  private String report(List<Row> rows, List<Difficulty> difficulty, int idCount, int oodCount, double seconds) {
    DataSettings d = s.data();
    StringBuilder b = new StringBuilder("# 4x4 Sudoku: AKOrN, ItrSA++ and a Transformer at the same budget\n\n");
    b.append(String.format(Locale.ROOT, "Each model: %d steps of %d puzzles (the same puzzles in the same order),"
        + " Adam 1e-3, gradient-norm clip 1, EMA %s (evaluated); training puzzles with %d..%d clues"
        + " (seed %d).%n%n", s.trainSteps(), s.batch(), s.emaDecay(), d.minClues(), d.maxClues(), d.seed()));
    b.append(String.format(Locale.ROOT, "| model | setting | T | K | ID board accuracy (%d) |"
        + " OOD board accuracy (%d) | parameters | training time |%n", idCount, oodCount));
    b.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
    for (Row r : rows) {
      b.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %.1f %% | %.1f %% | %,d | %s |%n", r.model(),
          r.setting(), r.steps(), r.votes(), 100 * r.id(), 100 * r.ood(), r.parameters(),
          ProgressBar.clock(r.trainSeconds())));
    }
    b.append("\n| puzzles | count | mean clues | mean solver nodes | most solver nodes |\n");
    b.append("|---|---:|---:|---:|---:|\n");
    for (Difficulty x : difficulty) {
      b.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %d |%n", x.name(), x.puzzles(),
          x.meanClues(), x.meanNodes(), x.maxNodes()));
    }
    b.append(String.format(Locale.ROOT, "%nIn-distribution: generated puzzles with %d..%d clues (seed %d);"
        + " out-of-distribution: %s. Solver nodes: the backtracking nodes (most-constrained cell first)"
        + " needed to find the solution and prove it unique. K: random initial states of a vote"
        + " (energy voting: lowest summed energy; C-voting: highest mean top-1 probability).%n",
        d.minClues(), d.maxClues(), d.seed() + 1000,
        s.oodCsv() != null ? "the first puzzles of " + s.oodCsv()
            : String.format(Locale.ROOT, "generated puzzles with %d..%d clues (seed %d)", s.oodClues()[0],
                s.oodClues()[1], d.seed() + 3000)));
    b.append(String.format(Locale.ROOT, "%nWhole run: %s.%n%n![accuracy-vs-T](accuracy-vs-T.png)%n",
        ProgressBar.clock(seconds)));
    return b.toString();
  }
}
