package org.akorn.runtime.bench;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.akorn.runtime.AkornNetwork;
import org.junit.jupiter.api.Test;

/** Format and configuration of the benchmark; timings are never asserted. */
class BenchmarksTest {

  @Test
  void jsonLineHasModelForwardTrainStepAndUnit() {
    assertThat(new Benchmarks.Result("sudoku", 335.04, 869.46).toJson())
        .isEqualTo(
            "{\"model\": \"sudoku\", \"batch\": 16, \"forward\": 335.0, \"train_step\": 869.5,"
                + " \"unit\": \"ms median\", \"forward_samples_per_s\": 47.8,"
                + " \"train_samples_per_s\": 18.4}");
    Benchmarks.Result r = new Benchmarks.Result("objects", 64, 50.0, 200.0, 40.0, 190.0);
    assertThat(r.forwardSamplesPerSecond()).isWithin(1e-9).of(1280.0);
    assertThat(r.trainSamplesPerSecond()).isWithin(1e-9).of(320.0);
    assertThat(r.summary())
        .isEqualTo(
            "objects: forward 50.0 ms (process cpu 40.0 ms, 1280.0 samples/s), train step 200.0 ms"
                + " (process cpu 190.0 ms, 320.0 samples/s)");
  }

  @Test
  void allMeansTheThreeModelsInOrder() {
    assertThat(Benchmarks.resolve("all"))
        .containsExactly("sudoku", "objects", "classification")
        .inOrder();
    assertThat(Benchmarks.resolve("objects")).containsExactly("objects");
    assertThat(Benchmarks.resolve("classification24")).containsExactly("classification24");
  }

  @Test
  void unknownModelIsRejectedWithTheChoices() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Benchmarks.resolve("mnist"));
    assertThat(e)
        .hasMessageThat()
        .isEqualTo(
            "unknown model 'mnist'; expected one of sudoku, objects, classification,"
                + " classification24, all");
  }

  @Test
  void classification24RunsOnItsInputs() {
    try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
      AkornNetwork net = Benchmarks.network("classification24");
      ai.djl.ndarray.NDList data = Benchmarks.inputs(m, "classification24", 1L);
      net.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, data.get(0).getShape());
      org.akorn.runtime.AkornResult r =
          net.run(
              new ai.djl.training.ParameterStore(m, false),
              org.akorn.runtime.AkornInput.of(data.get(0)).withNoise(data.get(2)),
              org.akorn.runtime.RunOptions.defaults());
      assertThat(r.output(net.outputName()).getShape()).isEqualTo(new Shape(16, 10));
    }
  }

  @Test
  void repsAndThreadsMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> Benchmarks.run("sudoku", 0, s -> {}));
    assertThrows(IllegalArgumentException.class, () -> Benchmarks.setThreads(0));
  }

  @Test
  void medianOfOddAndEvenCounts() {
    assertThat(Benchmarks.median(new double[] {5, 1, 3})).isEqualTo(3.0);
    assertThat(Benchmarks.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
  }

  @Test
  void configurationsHaveTheIssuesShapes() {
    AkornNetwork sudoku = Benchmarks.network("sudoku");
    assertThat(sudoku.getOutputShapes(new Shape[] {new Shape(16, 9, 9)})[0])
        .isEqualTo(new Shape(16, 9, 9, 9));
    assertThat(sudoku.stages().get(0).layer().getDefaultSteps()).isEqualTo(16);
    AkornNetwork objects = Benchmarks.network("objects");
    assertThat(objects.getOutputShapes(new Shape[] {new Shape(16, 3, 32, 32)})[0])
        .isEqualTo(new Shape(16, 128));
    AkornNetwork cls = Benchmarks.network("classification");
    assertThat(cls.getOutputShapes(new Shape[] {new Shape(16, 3, 32, 32)})[0])
        .isEqualTo(new Shape(16, 10));
    assertThat(cls.stages().stream().map(s -> s.layer().getChannels()).toList())
        .isEqualTo(List.of(32, 64, 128));
  }
}
