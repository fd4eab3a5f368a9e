package org.akorn.spark;

import static com.google.common.truth.Truth.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.akorn.runtime.data.IdxWriter;
import org.akorn.spark.models.TinyClassifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The throughput tool scores every image once per run and prints one line per run. */
class ScoringThroughputTest {
  @TempDir Path dir;

  @Test
  void printsOneLinePerRunWithEveryRowScored() throws Exception {
    Path checkpoint = dir.resolve("tiny.ckpt");
    try (TinyClassifier model = TinyClassifier.builder().build()) {
      model.saveCheckpoint(checkpoint);
    }
    for (String split : List.of("train", "t10k")) {
      byte[] images = new byte[6 * 64];
      for (int i = 0; i < images.length; i++) {
        images[i] = (byte) (i * 37);
      }
      IdxWriter.write(dir.resolve(split + "-images-idx3-ubyte"), new int[] {6, 8, 8}, images);
      IdxWriter.write(dir.resolve(split + "-labels-idx1-ubyte"), new int[] {6},
          new byte[] {0, 1, 2, 0, 1, 2});
    }
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream out = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      ScoringThroughput.main(new String[] {checkpoint.toString(),
          TinyClassifier.class.getName(), dir.toString(), "5", "2", "local[1]"});
    } finally {
      System.setOut(out);
    }
    List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).matches("one process, \\d+ PyTorch threads: 5 images in [0-9.]+ s,"
        + " [0-9.]+ images/s \\(accuracy [0-9.]+\\)");
    assertThat(lines.get(1)).matches("Spark local\\[1\\], 1 tasks of 1 PyTorch thread: 5 images"
        + " in [0-9.]+ s, [0-9.]+ images/s \\(5 rows\\)");
  }
}
