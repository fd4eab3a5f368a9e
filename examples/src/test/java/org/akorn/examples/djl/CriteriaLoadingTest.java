package org.akorn.examples.djl;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.akorn.examples.FashionCnn;
import org.akorn.examples.Sudoku4;
import org.akorn.examples.demo.SudokuBatch;
import org.akorn.examples.sudoku.Puzzle;
import org.akorn.examples.sudoku.PuzzleGenerator;
import org.akorn.runtime.RunOptions;
import org.akorn.runtime.checkpoint.Checkpoints;
import org.akorn.runtime.checkpoint.ModelSource;
import org.akorn.runtime.train.HeadLoss;
import org.akorn.runtime.train.TrainingLoop;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint written by the training loop, loaded through DJL's own Criteria API (the zoo is
 * found by service loading) and run through Predictors: every result equals the generated
 * class's output on the same inputs and initial noise, bit for bit.
 */
class CriteriaLoadingTest {
  private static final int STEPS = 4;
  private static final long SEED = 7;

  @TempDir static Path dir;
  private static Path checkpoint;
  private static List<int[][]> boards;

  @BeforeAll
  static void train() throws IOException {
    PuzzleGenerator generator = new PuzzleGenerator(4, 4, 10, 11);
    boards = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      boards.add(board(generator.next()));
    }
    Path runDir = dir.resolve("run");
    String text = Files.readString(Path.of("models", "sudoku4.akorn"));
    ModelSource source = ModelSource.of("sudoku4.akorn", Map.of("sudoku4.akorn", text), Map.of());
    try (Sudoku4 model = Sudoku4.builder().ch(16).heads(4).T(3).build()) {
      TrainingLoop.BatchSource batches = (manager, size) -> {
        List<Puzzle> puzzles = new ArrayList<>();
        for (int i = 0; i < size; i++) {
          puzzles.add(generator.next());
        }
        SudokuBatch batch = SudokuBatch.of(manager, puzzles);
        return new TrainingLoop.Batch(batch.inputs(), batch.labels(), size, null);
      };
      new TrainingLoop(new TrainingLoop.Config(4, 1e-3f, 1f, 0.9, 3, 0, 2, 0),
          new PrintWriter(new StringWriter()), false)
          .train(model, HeadLoss.forModel(model), batches, null, runDir, source);
    }
    checkpoint = runDir.resolve("model.ckpt");
    assertThat(Checkpoints.readMetadata(checkpoint).step()).isEqualTo(2);
  }

  private static int[][] board(Puzzle p) {
    int[][] out = new int[p.size()][p.size()];
    for (int cell = 0; cell < p.size() * p.size(); cell++) {
      out[cell / p.size()][cell % p.size()] = p.clue(cell);
    }
    return out;
  }

  /** The generated class's logits on the stacked boards, with the same steps and noise seed. */
  private static float[] generatedLogits(List<int[][]> batch, long seed) throws IOException {
    try (Sudoku4 model = Sudoku4.fromCheckpoint(checkpoint);
        NDManager m = NDManager.newBaseManager()) {
      NDArray digits = stack(m, batch);
      return model.forward(new Sudoku4.Input(digits, digits.gt(0)),
          RunOptions.defaults().withSteps(STEPS).withSeed(seed)).logits().toFloatArray();
    }
  }

  private static NDArray stack(NDManager m, List<int[][]> batch) {
    int[] flat = new int[batch.size() * 16];
    for (int b = 0; b < batch.size(); b++) {
      for (int r = 0; r < 4; r++) {
        System.arraycopy(batch.get(b)[r], 0, flat, b * 16 + r * 4, 4);
      }
    }
    return m.create(flat, new Shape(batch.size(), 4, 4));
  }

  private static int[][] argmaxBoard(float[] logits, int example) {
    int[][] board = new int[4][4];
    for (int cell = 0; cell < 16; cell++) {
      int best = 0;
      for (int d = 1; d < 4; d++) {
        if (logits[(example * 16 + cell) * 4 + d] > logits[(example * 16 + cell) * 4 + best]) {
          best = d;
        }
      }
      board[cell / 4][cell % 4] = best + 1;
    }
    return board;
  }

  private static Criteria.Builder<?, ?> criteria() {
    return Criteria.builder()
        .optArgument("checkpoint", checkpoint)
        .optArgument("steps", STEPS)
        .optArgument("seed", SEED);
  }

  @Test
  void batchPredictOfBoardsEqualsTheGeneratedClassOnTheStackedBatch() throws Exception {
    float[] logits = generatedLogits(boards, SEED);
    Criteria<int[][], int[][]> criteria = criteria().setTypes(int[][].class, int[][].class)
        .build();
    try (ZooModel<int[][], int[][]> model = criteria.loadModel();
        Predictor<int[][], int[][]> predictor = model.newPredictor()) {
      List<int[][]> solved = predictor.batchPredict(boards);

      assertThat(solved).hasSize(3);
      for (int i = 0; i < 3; i++) {
        assertThat(solved.get(i)).isEqualTo(argmaxBoard(logits, i));
      }
      assertThat(model.getName()).isEqualTo("Sudoku4");
      assertThat(model.getProperty("akorn.hp.ch")).isEqualTo("16");
    }
  }

  @Test
  void featuresOfOneExampleEqualTheGeneratedLogitsExactly() throws Exception {
    float[] expected = generatedLogits(java.util.Collections.singletonList(boards.get(1)), SEED);
    Criteria<NDList, float[]> criteria = criteria().setTypes(NDList.class, float[].class)
        .optModelName("Sudoku4")
        .build();
    try (ZooModel<NDList, float[]> model = criteria.loadModel();
        Predictor<NDList, float[]> predictor = model.newPredictor();
        NDManager m = NDManager.newBaseManager()) {
      NDArray digits = m.create(boards.get(1));

      float[] features = predictor.predict(new NDList(digits, digits.gt(0)));

      assertThat(features).isEqualTo(expected);
    }
  }

  @Test
  void votesKeepPerExampleTheLowestEnergyRunOfTheGeneratedClass() throws Exception {
    int votes = 3;
    List<float[]> logits = new ArrayList<>();
    List<float[]> energies = new ArrayList<>();
    try (Sudoku4 model = Sudoku4.fromCheckpoint(checkpoint);
        NDManager m = NDManager.newBaseManager()) {
      NDArray digits = stack(m, boards);
      for (int k = 0; k < votes; k++) {
        Sudoku4.Output out = model.forward(new Sudoku4.Input(digits, digits.gt(0)),
            RunOptions.defaults().withSteps(STEPS).withSeed(SEED + k));
        logits.add(out.logits().toFloatArray());
        energies.add(out.energies().sum(new int[] {0}).toFloatArray());
      }
    }
    Criteria<int[][], int[][]> criteria = criteria().setTypes(int[][].class, int[][].class)
        .optArgument("votes", votes)
        .build();
    try (ZooModel<int[][], int[][]> model = criteria.loadModel();
        Predictor<int[][], int[][]> predictor = model.newPredictor()) {
      List<int[][]> solved = predictor.batchPredict(boards);

      for (int i = 0; i < boards.size(); i++) {
        int best = 0;
        for (int k = 1; k < votes; k++) {
          if (energies.get(k)[i] < energies.get(best)[i]) {
            best = k;
          }
        }
        assertThat(solved.get(i)).isEqualTo(argmaxBoard(logits.get(best), i));
      }
    }
  }

  @Test
  void aFloatImageGivesClassificationsEqualToTheSoftmaxOfTheGeneratedLogits() throws Exception {
    Path file = dir.resolve("fashion.ckpt");
    float[][][] image = new float[1][28][28];
    for (int y = 0; y < 28; y++) {
      for (int x = 0; x < 28; x++) {
        image[0][y][x] = (float) Math.sin(0.3 * x + 0.7 * y);
      }
    }
    double[] expected = new double[10];
    try (FashionCnn model = FashionCnn.builder().ch(8).build();
        NDManager m = NDManager.newBaseManager()) {
      model.saveCheckpoint(file);
      float[] logits = model.forward(new FashionCnn.Input(
          m.create(image[0]).reshape(1, 1, 28, 28))).logits().toFloatArray();
      double sum = 0;
      for (int i = 0; i < 10; i++) {
        expected[i] = Math.exp(logits[i]);
        sum += expected[i];
      }
      for (int i = 0; i < 10; i++) {
        expected[i] /= sum;
      }
    }
    Criteria<float[][][], Classifications> criteria = Criteria.builder()
        .setTypes(float[][][].class, Classifications.class)
        .optArgument("checkpoint", file.toString())
        .optArgument("modelClass", FashionCnn.class.getName())
        .optArgument("classes", "t-shirt,trouser,pullover,dress,coat,sandal,shirt,sneaker,bag,boot")
        .build();
    try (ZooModel<float[][][], Classifications> model = criteria.loadModel();
        Predictor<float[][][], Classifications> predictor = model.newPredictor()) {
      Classifications c = predictor.predict(image);

      assertThat(c.getClassNames()).containsExactly("t-shirt", "trouser", "pullover", "dress",
          "coat", "sandal", "shirt", "sneaker", "bag", "boot").inOrder();
      for (int i = 0; i < 10; i++) {
        assertThat(c.getProbabilities().get(i)).isWithin(1e-6).of(expected[i]);
      }
    }
  }

  @Test
  void aModelNameOfAnotherArchitectureFindsNothing() {
    Criteria<int[][], int[][]> criteria = criteria().setTypes(int[][].class, int[][].class)
        .optModelName("Sudoku")
        .build();
    ModelNotFoundException e = assertThrows(ModelNotFoundException.class, criteria::loadModel);
    assertThat(e).hasCauseThat().hasMessageThat().isEqualTo(
        "checkpoint " + checkpoint + " holds Sudoku4, not Sudoku");
  }

  @Test
  void aMissingCheckpointIsAMalformedModelNamingTheFile() {
    Path missing = dir.resolve("missing.ckpt");
    Criteria<int[][], int[][]> criteria = Criteria.builder()
        .setTypes(int[][].class, int[][].class)
        .optArgument("checkpoint", missing)
        .build();
    MalformedModelException e = assertThrows(MalformedModelException.class, criteria::loadModel);
    assertThat(e).hasMessageThat().isEqualTo("checkpoint " + missing + " does not exist");
  }

  @Test
  void anUnsupportedTypePairNamesTheTranslatorsThereAre() {
    Criteria<String, String> criteria = criteria().setTypes(String.class, String.class).build();
    ModelNotFoundException e = assertThrows(ModelNotFoundException.class, criteria::loadModel);
    assertThat(e).hasCauseThat().hasMessageThat().isEqualTo(
        "no AKOrN translator from java.lang.String to java.lang.String; there are"
            + " (ai.djl.ndarray.NDList -> ai.djl.modality.Classifications),"
            + " (float[][][] -> ai.djl.modality.Classifications), (int[][] -> int[][]),"
            + " (ai.djl.ndarray.NDList -> float[]), (float[][][] -> float[])");
  }
}
