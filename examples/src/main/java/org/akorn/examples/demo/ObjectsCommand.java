package org.akorn.examples.demo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.akorn.examples.Tetrominoes;
import org.akorn.runtime.AkornInput;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.AkornResult;
import org.akorn.runtime.RunOptions;
import org.akorn.runtime.data.objects.ObjectImages;
import org.akorn.runtime.data.objects.SegmentedImage;
import org.akorn.runtime.eval.segmentation.ClusteringMethod;
import org.akorn.runtime.eval.segmentation.ObjectDiscoveryEvaluation;
import org.akorn.runtime.eval.segmentation.SegmentsNpz;
import org.akorn.runtime.figures.OscillatorFigure;
import org.akorn.runtime.figures.SegmentationFigure;
import org.akorn.runtime.io.AtomicFiles;
import org.akorn.runtime.selfsupervised.ContrastiveTraining;
import org.akorn.runtime.train.ProgressBar;
import org.akorn.runtime.train.TrainingDefaults;
import org.akorn.runtime.train.TrainingLoop;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code akorn demo objects run}: trains the object-discovery model of {@code
 * examples/models/tetrominoes.akorn} self-supervised (SimCLR) for a time budget, then segments
 * held-out images by clustering its last read-out and scores FG-ARI and MBO against the masks:
 * the trained model (k-means and agglomerative, at T and at 2T), the same model untrained, and
 * k-means on pixel colour and position. Writes {@code report.md}, {@code segments.npz} and the
 * figures (docs/objects.md).
 */
@Command(name = "objects", mixinStandardHelpOptions = true,
    description = "Unsupervised object discovery: SimCLR training, clustering, FG-ARI and MBO.",
    subcommands = {CommandLine.HelpCommand.class, ObjectsCommand.Run.class})
public final class ObjectsCommand {

  /** {@code run}: train, evaluate against the baselines, report. */
  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "Train the objects model, evaluate it and the baselines, write the report.")
  public static final class Run implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--data", paramLabel = "SET",
        description = "tetrominoes (default), shapes, or a folder with images/*.png and"
            + " masks/*.png of 32x32 images.")
    String data = "tetrominoes";

    @Option(names = "--minutes", paramLabel = "M",
        description = "Training time (default 20; validation excluded).")
    Double minutes;

    @Option(names = "--steps", paramLabel = "S", description = "Training steps instead of a time.")
    Long steps;

    @Option(names = "--scale", paramLabel = "cpu|paper",
        description = "cpu (default: ch 64, T 4, batch 32) or paper (the reference's Tetrominoes"
            + " settings: ch 128, T 8, batch 256, 50 epochs of 60,000 images unless --minutes"
            + " or --steps is given; for a GPU machine).")
    String scale = "cpu";

    @Option(names = "--batch", paramLabel = "B", description = "Images per step (two views each).")
    Integer batch;

    @Option(names = "--images", paramLabel = "N",
        description = "Held-out images for the evaluation (default 200).")
    int images = 200;

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder (default runs/objects).")
    Path out = Path.of("runs", "objects");

    @Option(names = "--seed", paramLabel = "S", description = "Seed of data and noise (default 1).")
    long seed = 1;

    @Override
    public Integer call() throws IOException {
      PrintWriter o = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      boolean paper = switch (scale) {
        case "cpu" -> false;
        case "paper" -> true;
        default -> throw new IllegalArgumentException("--scale must be cpu or paper, got " + scale);
      };
      int ch = paper ? 128 : 64;
      int t = paper ? 8 : 4;
      int b = batch != null ? batch : paper ? 256 : 32;
      if (b < 1 || images < 1 || (minutes != null && !(minutes > 0))
          || (steps != null && steps < 1)) {
        throw new IllegalArgumentException(
            "--batch, --images, --minutes and --steps must be positive");
      }
      double seconds = minutes != null ? minutes * 60 : steps != null || paper ? 0 : 20 * 60;
      long maxSteps = steps != null ? steps : paper && minutes == null ? 50L * 60_000 / b : 0;
      long start = System.nanoTime();
      boolean tty = ProgressBar.stderrIsTerminal();
      ObjectImages set = ObjectImages.open(data, 32, images, seed);
      if (set.heldOut().isEmpty()) {
        throw new IllegalArgumentException(data + " has no masks/ to evaluate against");
      }
      List<Row> rows = new ArrayList<>();
      ObjectDiscoveryEvaluation.Settings kmeans = settings(ClusteringMethod.KMEANS, set);
      ObjectDiscoveryEvaluation.Settings agglomerative =
          settings(ClusteringMethod.AGGLOMERATIVE, set);
      err.printf(Locale.ROOT, "1/4 evaluating the untrained model (ch %d, T %d) on %d held-out"
          + " %s images%n", ch, t, set.heldOut().size(), set.source());
      Row untrained;
      try (AkornModel model = Tetrominoes.builder().ch(ch).T(t).build()) {
        untrained = row("AKOrN untrained, k-means", model, set, kmeans, RunOptions.defaults());
      }
      err.printf(Locale.ROOT, "2/4 training (batch %d images, two views each, %s)%n", b,
          maxSteps > 0 && seconds == 0 ? maxSteps + " steps" : ProgressBar.clock(seconds));
      TrainingDefaults defaults = TrainingDefaults.FEATURES;
      TrainingLoop.Config config = new TrainingLoop.Config(b, defaults.learningRate(), 1f,
          defaults.ema(), seed, seconds, maxSteps, 60);
      try (AkornModel model = Tetrominoes.builder().ch(ch).T(t).build()) {
        ContrastiveTraining.Result trained = ContrastiveTraining.run(model, set, config,
            out.resolve("train"), ClassifyCommand.source("tetrominoes.akorn"),
            Map.of("scale", scale), err, tty);
        err.printf(Locale.ROOT, "3/4 evaluating the trained model%n");
        RunOptions atT = RunOptions.defaults();
        Row main = row("AKOrN trained, k-means", model, set, kmeans, atT);
        rows.add(main);
        rows.add(row("AKOrN trained, agglomerative", model, set, agglomerative, atT));
        rows.add(row("AKOrN trained, k-means, T = " + 2 * t, model, set, kmeans,
            atT.withSteps(2 * t)));
        rows.add(untrained);
        err.printf(Locale.ROOT, "4/4 pixel baseline, figures%n");
        ObjectDiscoveryEvaluation.Result pixel =
            ObjectDiscoveryEvaluation.pixelBaseline(set.heldOut(), kmeans);
        rows.add(new Row("pixel colour and position, k-means", pixel));
        SegmentsNpz.write(out.resolve("segments.npz"), set.heldOut(), main.result().predicted());
        int shown = Math.min(8, set.heldOut().size());
        SegmentationFigure.write(out.resolve("segments.png"), set.heldOut().subList(0, shown),
            main.result().predicted().subList(0, shown), 4);
        SegmentationFigure.write(out.resolve("pixel-baseline.png"),
            set.heldOut().subList(0, shown), pixel.predicted().subList(0, shown), 4);
        writeStates(model, set.heldOut().get(0), 2 * t, out.resolve("states.png"));
        double total = (System.nanoTime() - start) / 1e9;
        String report = report(rows, trained, set, ch, t, b, total);
        AtomicFiles.writeString(out.resolve("report.md"), report);
        o.print(report);
        o.println("wrote " + out.resolve("report.md"));
        o.flush();
      }
      return 0;
    }

    private static ObjectDiscoveryEvaluation.Settings settings(ClusteringMethod method,
        ObjectImages set) {
      return ObjectDiscoveryEvaluation.Settings.of(method, set.clusters());
    }

    private Row row(String name, AkornModel model, ObjectImages set,
        ObjectDiscoveryEvaluation.Settings settings, RunOptions options) {
      return new Row(name,
          ObjectDiscoveryEvaluation.ofModel(model, set.heldOut(), settings, options, seed, n -> {}));
    }

    /** The first held-out image's oscillator states over {@code steps} steps. */
    private static void writeStates(AkornModel model, SegmentedImage image, int steps, Path file)
        throws IOException {
      try (NDManager m = model.manager().newSubManager()) {
        NDArray batch = ObjectDiscoveryEvaluation.batchArray(List.of(image), m);
        AkornResult r = model.network().run(new ParameterStore(m, false), AkornInput.of(batch),
            RunOptions.defaults().withSteps(steps).withKeepStates(true));
        List<NDArray> states = r.layers().get(0).states();
        long[] s = states.get(0).getShape().getShape(); // [1, C, h, w]
        List<float[]> perStep = new ArrayList<>();
        for (NDArray x : states) {
          perStep.add(x.toFloatArray());
        }
        OscillatorFigure.write(file, perStep, (int) s[1], (int) s[2], (int) s[3], 16);
      }
    }

    private String report(List<Row> rows, ContrastiveTraining.Result trained, ObjectImages set,
        int ch, int t, int b, double total) {
      StringBuilder r = new StringBuilder("# Object discovery on " + set.source() + "\n\n");
      r.append("| model | FG-ARI | MBO |\n|---|---:|---:|\n");
      for (Row row : rows) {
        r.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f |%n", row.name(),
            row.result().scores().fgAri(), row.result().scores().mbo()));
      }
      TrainingLoop.Summary s = trained.summary();
      r.append(String.format(Locale.ROOT, "%n- %d held-out images, k = %d clusters (objects plus"
          + " background); the last read-out per patch, L2-normalised, clustered per image and"
          + " upsampled (nearest) to the image, as the reference evaluates.%n",
          set.heldOut().size(), set.clusters()));
      r.append(String.format(Locale.ROOT, "- Model: tetrominoes.akorn at ch %d, T %d; trained"
          + " self-supervised (SimCLR, NT-Xent at temperature 0.1), Adam %s, batch %d images"
          + " (two views each), gradient-norm clip 1, EMA %s (evaluated): %d steps, %d images,"
          + " training time %s, final loss %.4f.%n", ch, t,
          TrainingDefaults.FEATURES.learningRate(), b, TrainingDefaults.FEATURES.ema().describe(),
          s.steps(), s.examples(), ProgressBar.clock(s.trainSeconds()), s.finalLoss()));
      r.append("- FG-ARI of the trained model (EMA, k-means) against training steps:");
      for (TrainingLoop.Evaluation e : s.evaluations()) {
        r.append(String.format(Locale.ROOT, " %d: %.4f (live weights %.4f);", e.step(), e.score(),
            e.liveScore()));
      }
      r.append(String.format(Locale.ROOT, "%n- Whole run: %s.%n%n", ProgressBar.clock(total)));
      r.append("![segments](segments.png)\n![pixel baseline](pixel-baseline.png)\n"
          + "![oscillator states](states.png)\n![training loss](train/loss.png)\n");
      return r.toString();
    }
  }

  /** One row of the report. */
  record Row(String name, ObjectDiscoveryEvaluation.Result result) {}
}
