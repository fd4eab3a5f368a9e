package org.akorn.examples.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.akorn.examples.sudoku.Puzzle;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.train.EmaSettings;
import org.akorn.runtime.train.ProgressBar;
import org.akorn.runtime.train.TrainingDefaults;
import org.akorn.runtime.train.TrainingLoop;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code akorn demo sudoku run|train|eval|compare}. */
@Command(
    name = "sudoku",
    mixinStandardHelpOptions = true,
    description = "Sudoku solving with an AKOrN model (examples/models/sudoku4.akorn; --size 9 for"
        + " the paper's 9x9 model).",
    subcommands = {
      CommandLine.HelpCommand.class, SudokuCommand.Run.class, SudokuCommand.Train.class,
      SudokuCommand.Eval.class, SudokuCommand.Compare.class
    })
public final class SudokuCommand {

  /** Which puzzles. Unset options fall back to the run folder's record (eval) or defaults. */
  public static final class DataOptions {
    @Option(names = "--size", description = "Board size, 4 or 9 (default 4).")
    Integer size;

    @Option(names = "--clues", paramLabel = "MIN..MAX",
        description = "Clue range of generated puzzles (default 4..10 for 4x4, 31..42 for 9x9).")
    String clues;

    @Option(names = "--seed", description = "Base seed: training puzzles and weights use it, test"
        + " puzzles seed+1000, validation puzzles seed+2000 (default 1).")
    Long seed;

    @Option(names = "--test-puzzles", description = "Held-out test puzzles (default 200).")
    Integer testPuzzles;

    @Option(names = "--validation-puzzles",
        description = "Puzzles of the periodic evaluation during training (default 100).")
    int validationPuzzles = 100;

    @Option(names = "--train-csv", paramLabel = "FILE",
        description = "Train on puzzles from a CSV file (puzzle,solution per line) instead.")
    Path trainCsv;

    @Option(names = "--test-csv", paramLabel = "FILE",
        description = "Test on the first --test-puzzles puzzles of a CSV file instead.")
    Path testCsv;

    DataSettings resolve(Map<String, String> recorded) {
      int s = size != null ? size : Integer.parseInt(recorded.getOrDefault("size", "4"));
      int[] range = DataSettings.defaultClues(s);
      String c = clues != null ? clues : recorded.get("clues");
      if (c != null) {
        range = parseRange(c);
      }
      long sd = seed != null ? seed : Long.parseLong(recorded.getOrDefault("seed", "1"));
      int tp = testPuzzles != null ? testPuzzles
          : Integer.parseInt(recorded.getOrDefault("test.puzzles", "200"));
      Path tc = testCsv != null ? testCsv
          : recorded.containsKey("test.csv") ? Path.of(recorded.get("test.csv")) : null;
      return new DataSettings(s, range[0], range[1], sd, tp, validationPuzzles, trainCsv, tc);
    }

    static int[] parseRange(String text) {
      String[] parts = text.split("\\.\\.");
      try {
        if (parts.length == 2) {
          return new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
        }
        if (parts.length == 1) {
          int v = Integer.parseInt(parts[0].trim());
          return new int[] {v, v};
        }
      } catch (NumberFormatException e) {
        // fall through
      }
      throw new IllegalArgumentException("--clues expects MIN..MAX, got '" + text + "'");
    }
  }

  /** Model hyper-parameters (defaults: the paper's for the board size). */
  public static final class ModelOptions {
    @Option(names = "--ch", description = "Channels (default 64 for 4x4, 512 for 9x9).")
    Integer ch;

    @Option(names = "--heads", description = "Attention heads (default 8).")
    Integer heads;

    @Option(names = "--n", description = "Components per oscillator (default 4).")
    Integer n;

    @Option(names = {"-T", "--steps"},
        description = "Kuramoto steps in training (default 8 for 4x4, 16 for 9x9).")
    Integer steps;

    @Option(names = "--gamma", description = "Initial learnable step size (default 1.0).")
    Float gamma;

    SudokuHyperParameters resolve(int size) {
      SudokuHyperParameters p = SudokuHyperParameters.paper(size);
      return new SudokuHyperParameters(
          ch != null ? ch : p.ch(), n != null ? n : p.n(), heads != null ? heads : p.heads(),
          steps != null ? steps : p.steps(), gamma != null ? gamma : p.gamma());
    }
  }

  /**
   * Training settings (the reference's {@code train_sudoku.py}: Adam 1e-3, clip 1, EMA beta 0.995
   * after step 100 every 10 steps; batch 64 for 4x4).
   */
  public static final class TrainOptions {
    @Option(names = "--minutes", description = "Training time (default 5; evaluations excluded).")
    double minutes = 5;

    @Option(names = "--train-steps", description = "Stop after this many steps (default: time only).")
    long steps;

    @Option(names = "--batch", description = "Puzzles per step (default 64).")
    int batch = 64;

    @Option(names = "--lr", description = "Adam learning rate (default 1e-3).")
    float lr = TrainingDefaults.CELL_CLASSIFIER.learningRate();

    @Option(names = "--clip", description = "Gradient global-norm clip (default 1).")
    float clip = 1f;

    @Option(names = {"--ema-beta", "--ema-decay"},
        description = "Largest EMA decay, reached after the warm-up (default 0.995; the EMA"
            + " copies the weights until step 100, then updates every 10 steps).")
    double emaBeta = TrainingDefaults.CELL_CLASSIFIER.ema().beta();

    @Option(names = "--steps-jitter", paramLabel = "J",
        description = "Each training step runs T + j Kuramoto steps, j uniform in [-J, J]"
            + " (default 1; 0 trains with a fixed T as the reference does, which let the 4x4 model"
            + " settle into a period-2 cycle that breaks at odd and long T).")
    int stepsJitter = 1;

    @Option(names = "--eval-every", paramLabel = "SECONDS",
        description = "Training seconds between validation runs and checkpoints (default 60).")
    double evalEvery = 60;

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder (default runs/sudoku<size>).")
    Path out;

    SudokuTrainer.Config config(long seed) {
      EmaSettings d = TrainingDefaults.CELL_CLASSIFIER.ema();
      EmaSettings ema = new EmaSettings(emaBeta, d.updateAfterStep(), d.updateEvery(),
          d.invGamma(), d.power(), d.minValue());
      return new SudokuTrainer.Config(batch, lr, clip, ema, stepsJitter, seed, minutes * 60, steps,
          evalEvery);
    }
  }

  /** Evaluation settings. */
  public static final class EvalOptions {
    @Option(names = "--extended-steps",
        description = "The extended T (default 32 for 4x4, 128 for 9x9).")
    Integer extendedSteps;

    @Option(names = "--votes", description = "K noise samples of each vote (default 16).")
    int votes = 16;

    @Option(names = "--vote-energy", split = ",", paramLabel = "SUM|LAST|CONFIDENCE",
        description = "What ranks the voting samples: the energy SUM (of all steps), the LAST"
            + " step's energy, and/or CONFIDENCE (C-voting: the mean top-1 probability); one"
            + " table row each (default SUM,LAST,CONFIDENCE).")
    List<SudokuEvaluator.VoteEnergy> voteEnergies = List.of(SudokuEvaluator.VoteEnergy.SUM,
        SudokuEvaluator.VoteEnergy.LAST, SudokuEvaluator.VoteEnergy.CONFIDENCE);

    @Option(names = "--eval-batch", description = "Puzzles per forward pass (default 100).")
    int batch = 100;

    SudokuDemo.EvalSettings resolve(int size, long seed) {
      int ext = extendedSteps != null ? extendedSteps : (size == 4 ? 32 : 128);
      return new SudokuDemo.EvalSettings(ext, votes, voteEnergies, batch, seed + 5000);
    }
  }

  /** What training produced, for {@code run}'s summary. */
  record Trained(AkornModel model, TrainingLoop.Summary summary, Path dir, DataSettings data,
      List<Puzzle> test) {}

  static Trained train(DataOptions dataOptions, ModelOptions modelOptions,
      TrainOptions trainOptions, PrintWriter out, PrintWriter err) throws IOException {
    DataSettings data = dataOptions.resolve(Map.of());
    SudokuHyperParameters hp = modelOptions.resolve(data.size());
    Path dir = trainOptions.out != null ? trainOptions.out : Path.of("runs", "sudoku" + data.size());
    long t0 = System.nanoTime();
    List<Puzzle> test = data.test();
    List<Puzzle> validation = data.validation(test);
    PuzzleSource source = data.training(concat(test, validation));
    Map<String, String> record = new LinkedHashMap<>(data.describe());
    record.put("train.batch", Integer.toString(trainOptions.batch));
    record.put("train.lr", Float.toString(trainOptions.lr));
    record.put("train.clip", Float.toString(trainOptions.clip));
    EmaSettings ema = trainOptions.config(0).ema();
    record.put("train.ema_beta", Double.toString(ema.beta()));
    record.put("train.ema_update_after_step", Long.toString(ema.updateAfterStep()));
    record.put("train.ema_update_every", Integer.toString(ema.updateEvery()));
    record.put("train.steps_jitter", Integer.toString(trainOptions.stepsJitter));
    record.put("train.minutes", Double.toString(trainOptions.minutes));
    record.put("train.steps", Long.toString(trainOptions.steps));
    SudokuDemo.writeProperties(dir.resolve(SudokuDemo.RUN_PROPERTIES), record);
    out.printf(Locale.ROOT, "Training %s %s on %s; held out: %d test + %d validation puzzles"
            + " (%.1f s to prepare)%n",
        SudokuModels.modelName(data.size()), hp.asMap(),
        data.trainCsv() != null ? "puzzles from " + data.trainCsv()
            : String.format(Locale.ROOT, "generated %dx%d puzzles with %d..%d clues", data.size(),
                data.size(), data.minClues(), data.maxClues()),
        test.size(), validation.size(), (System.nanoTime() - t0) / 1e9);
    out.flush();
    AkornModel model = SudokuModels.create(data.size(), hp, data.seed());
    try {
      SudokuTrainer trainer = new SudokuTrainer(trainOptions.config(data.seed()), err,
          ProgressBar.stderrIsTerminal());
      TrainingLoop.Summary summary = trainer.train(model, source, validation, dir);
      out.printf(Locale.ROOT, "Trained %d steps (%d puzzles) in %s: %.1f steps/s, %.0f puzzles/s;"
              + " final loss %.4f; %d non-finite steps undone; checkpoint %s%n",
          summary.steps(), summary.examples(), ProgressBar.clock(summary.trainSeconds()),
          summary.steps() / summary.trainSeconds(), summary.examples() / summary.trainSeconds(),
          summary.finalLoss(), summary.recoveries(), dir.resolve(SudokuDemo.MODEL));
      out.flush();
      return new Trained(model, summary, dir, data, test);
    } catch (IOException | RuntimeException e) {
      model.close();
      throw e;
    }
  }

  private static List<Puzzle> concat(List<Puzzle> a, List<Puzzle> b) {
    List<Puzzle> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  static String header(AkornModel model, DataSettings data, int testCount, String weights) {
    return String.format(Locale.ROOT, "## %s: %d held-out %dx%d puzzles (%s)%n%nweights: %s",
        model.modelName(), testCount, data.size(), data.size(),
        data.testCsv() != null ? data.testCsv().toString()
            : "generated, clues " + data.minClues() + ".." + data.maxClues() + ", seed "
                + (data.seed() + DataSettings.TEST_SEED_OFFSET),
        weights);
  }

  /** Trains, evaluates and draws: the whole demo. */
  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "Train on generated puzzles, then evaluate held-out puzzles at the trained T,"
          + " an extended T and with energy voting, and write the figures.")
  static final class Run implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DataOptions data;
    @Mixin ModelOptions model;
    @Mixin TrainOptions training;
    @Mixin EvalOptions eval;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      long start = System.nanoTime();
      Trained t = train(data, model, training, out, err);
      try (AkornModel m = t.model()) {
        long e0 = System.nanoTime();
        out.println();
        List<SudokuEvaluator.Outcome> outcomes = SudokuDemo.evaluate(m, t.test(),
            eval.resolve(t.data().size(), t.data().seed()), t.dir(),
            header(m, t.data(), t.test().size(), "EMA, step " + t.summary().steps()), out);
        double evalSeconds = (System.nanoTime() - e0) / 1e9;
        out.println();
        out.printf(Locale.ROOT, "Timings: training %s (%d steps), validation and checkpoints %.1f s,"
                + " final evaluation and figures %.1f s, total %s%n",
            ProgressBar.clock(t.summary().trainSeconds()), t.summary().steps(),
            t.summary().evalSeconds(), evalSeconds,
            ProgressBar.clock((System.nanoTime() - start) / 1e9));
        out.printf("Figures: %s, %s, %s%n", t.dir().resolve(SudokuDemo.ENERGY),
            t.dir().resolve(SudokuDemo.dynamicsFile(outcomes.get(0).setting().steps())),
            t.dir().resolve(SudokuDemo.dynamicsFile(outcomes.get(1).setting().steps())));
        out.flush();
      }
      return 0;
    }
  }

  /** Trains only. */
  @Command(name = "train", mixinStandardHelpOptions = true,
      description = "Train on generated (or CSV) puzzles; writes model.ckpt to the run folder.")
  static final class Train implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DataOptions data;
    @Mixin ModelOptions model;
    @Mixin TrainOptions training;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      Trained t = train(data, model, training, out,
          spec.commandLine().getErr());
      t.model().close();
      return 0;
    }
  }

  /** Evaluates a checkpoint; the model is built from the checkpoint alone. */
  @Command(name = "eval", mixinStandardHelpOptions = true,
      description = "Evaluate a checkpoint on held-out puzzles (the run folder's record gives"
          + " the puzzles; options override it) and write the report and figures.")
  static final class Eval implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--checkpoint", required = true, paramLabel = "FILE",
        description = "A model.ckpt written by train or run.")
    Path checkpoint;

    @Option(names = "--out", paramLabel = "DIR",
        description = "Where the report and figures go (default: the checkpoint's folder).")
    Path out;

    @Mixin DataOptions data;
    @Mixin EvalOptions eval;

    @Override
    public Integer call() throws IOException {
      PrintWriter stdout = spec.commandLine().getOut();
      Path dir = checkpoint.toAbsolutePath().getParent();
      Map<String, String> recorded =
          SudokuDemo.readProperties(dir.resolve(SudokuDemo.RUN_PROPERTIES));
      try (AkornModel m = SudokuModels.fromCheckpoint(checkpoint)) {
        Map<String, String> withSize = new LinkedHashMap<>(recorded);
        withSize.put("size", Integer.toString(SudokuModels.sizeOf(m)));
        if (data.size != null && data.size != SudokuModels.sizeOf(m)) {
          throw new IllegalArgumentException("--size " + data.size + " does not match the"
              + " checkpoint's " + m.modelName());
        }
        DataSettings d = data.resolve(withSize);
        List<Puzzle> test = d.test();
        SudokuDemo.evaluate(m, test, eval.resolve(d.size(), d.seed()),
            out != null ? out : dir, header(m, d, test.size(), checkpoint.toString()), stdout);
      }
      return 0;
    }
  }

  /** AKOrN, ItrSA++ and a Transformer trained alike, scored in and out of distribution. */
  @Command(name = "compare", mixinStandardHelpOptions = true,
      description = "Train AKOrN (sudoku4.akorn), ItrSA++ (sudoku4_itrsa.akorn) and a Transformer"
          + " (sudoku4_transformer.akorn) on the same batches for the same steps, then score"
          + " in-distribution and out-of-distribution (fewer clues) puzzles at the trained T, an"
          + " extended T, with energy voting and with C-voting; writes report.md and"
          + " accuracy-vs-T.png.")
  static final class Compare implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--size", description = "Board size; the comparison's models are 4x4 (default 4).")
    int size = 4;

    @Option(names = "--clues", paramLabel = "MIN..MAX",
        description = "Clue range of the training and in-distribution puzzles (default 6..10).")
    String clues = "6..10";

    @Option(names = "--ood-clues", paramLabel = "MIN..MAX",
        description = "Clue range of the out-of-distribution puzzles, below --clues (default 4..5).")
    String oodClues = "4..5";

    @Option(names = "--ood-csv", paramLabel = "FILE",
        description = "Out-of-distribution puzzles from a CSV file (puzzle,solution) instead.")
    Path oodCsv;

    @Option(names = "--train-steps", paramLabel = "N", description = "Optimizer steps per model (default 1500).")
    long trainSteps = 1500;

    @Option(names = "--batch", paramLabel = "B", description = "Puzzles per step (default 64).")
    int batch = 64;

    @Option(names = "--test-puzzles", paramLabel = "N",
        description = "In- and out-of-distribution test puzzles each (default 200).")
    int testPuzzles = 200;

    @Option(names = "--validation-puzzles", paramLabel = "N",
        description = "Validation puzzles scored at the end of training (default 100).")
    int validationPuzzles = 100;

    @Option(names = "--extended-steps", paramLabel = "T", description = "The extended T (default 32).")
    int extendedSteps = 32;

    @Option(names = "--votes", paramLabel = "K", description = "Random initial states per vote (default 16).")
    int votes = 16;

    @Option(names = "--ema-decay", paramLabel = "D", description = "EMA decay per step (default 0.99).")
    double emaDecay = 0.99;

    @Option(names = "--seed", paramLabel = "S", description = "Base seed (default 1).")
    long seed = 1;

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder (default runs/sudoku-compare).")
    Path out = Path.of("runs", "sudoku-compare");

    @Override
    public Integer call() throws IOException {
      if (size != 4) {
        throw new IllegalArgumentException("demo sudoku compare has 4x4 models only; --size 9 needs"
            + " 9x9 baselines (see README)");
      }
      if (trainSteps < 1 || batch < 1 || testPuzzles < 1 || validationPuzzles < 0 || extendedSteps < 1
          || votes < 1) {
        throw new IllegalArgumentException("--train-steps, --batch, --test-puzzles, --extended-steps and"
            + " --votes must be at least 1, --validation-puzzles not negative");
      }
      int[] id = DataOptions.parseRange(clues);
      int[] ood = oodCsv != null ? new int[] {0, 0} : DataOptions.parseRange(oodClues);
      DataSettings data = new DataSettings(size, id[0], id[1], seed, testPuzzles, validationPuzzles, null, null);
      int[] curve = java.util.stream.IntStream.of(1, 2, 4, 8, 16, 32, 64)
          .filter(t -> t <= Math.max(extendedSteps, 8)).toArray();
      SudokuCompare compare = new SudokuCompare(new SudokuCompare.Settings(data, ood, oodCsv, trainSteps,
          batch, extendedSteps, votes, emaDecay, curve), spec.commandLine().getErr(),
          ProgressBar.stderrIsTerminal());
      String report = compare.run(out);
      PrintWriter o = spec.commandLine().getOut();
      o.print(report);
      o.println("wrote " + out.resolve("report.md") + " and " + out.resolve("accuracy-vs-T.png"));
      o.flush();
      return 0;
    }
  }
}
