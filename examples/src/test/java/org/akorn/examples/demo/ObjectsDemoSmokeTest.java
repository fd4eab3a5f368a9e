package org.akorn.examples.demo;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.akorn.runtime.data.objects.ObjectImages;
import org.akorn.runtime.data.objects.SegmentedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A few-step run of the whole objects demo: train, evaluate, report, segments, figures. */
class ObjectsDemoSmokeTest {
  @TempDir Path dir;

  @Test
  void runTrainsEvaluatesAndWritesTheReportSegmentsAndFigures() throws Exception {
    Path run = dir.resolve("run");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = DemoCli.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute("objects", "run", "--steps", "2", "--batch", "2", "--images", "4",
        "--out", run.toString());

    assertWithMessage(err.toString()).that(exit).isEqualTo(0);
    try (var files = Files.list(run)) {
      assertThat(files.map(p -> p.getFileName().toString()).collect(Collectors.toList()))
          .containsExactly("train", "report.md", "segments.npz", "segments.png",
              "pixel-baseline.png", "states.png");
    }
    String report = Files.readString(run.resolve("report.md"));
    List<String> models = report.lines().filter(l -> l.matches("\\| .+ \\| -?\\d\\.\\d{4} \\|"
        + " \\d\\.\\d{4} \\|")).map(l -> l.substring(2, l.indexOf(" |"))).toList();
    assertThat(models).containsExactly("AKOrN trained, k-means", "AKOrN trained, agglomerative",
        "AKOrN trained, k-means, T = 8", "AKOrN untrained, k-means",
        "pixel colour and position, k-means").inOrder();
    assertThat(report).contains("| model | FG-ARI | MBO |");
    assertThat(report).contains("2 steps, 4 images");
    assertThat(Files.exists(run.resolve("train/model.ckpt"))).isTrue();
    assertThat(Files.exists(run.resolve("train/loss.png"))).isTrue();

    List<SegmentedImage> heldOut = ObjectImages.open("tetrominoes", 32, 4, 1).heldOut();
    try (NDManager m = NDManager.newBaseManager();
        InputStream in = Files.newInputStream(run.resolve("segments.npz"))) {
      NDList list = NDList.decode(m, in);
      assertThat(list.get("true").getShape()).isEqualTo(new Shape(4, 32, 32));
      assertThat(list.get("pred").getShape()).isEqualTo(new Shape(4, 32, 32));
      int[] truth = list.get("true").toIntArray();
      for (int i = 0; i < 4; i++) {
        for (int p = 0; p < 32 * 32; p++) {
          assertThat(truth[i * 1024 + p]).isEqualTo(heldOut.get(i).mask()[p]);
        }
      }
      for (int label : list.get("pred").toIntArray()) {
        assertThat(label).isAtLeast(0);
        assertThat(label).isAtMost(3);
      }
    }
    // 4 time steps at T = 4 doubled: 8 tiles of 8x8 patches drawn 16 pixels each, 2 apart
    assertThat(ImageIO.read(run.resolve("states.png").toFile()).getWidth())
        .isEqualTo(8 * 128 + 7 * 2);
    assertThat(ImageIO.read(run.resolve("segments.png").toFile()).getWidth())
        .isEqualTo(4 * 128 + 3 * 2);
  }

  @Test
  void badOptionsAreOneLine() {
    StringWriter err = new StringWriter();
    CommandLine cli = DemoCli.newCommandLine();
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute("objects", "run", "--scale", "huge", "--out", dir.toString());
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString().trim())
        .isEqualTo("akorn demo: error: --scale must be cpu or paper, got huge");
  }
}
