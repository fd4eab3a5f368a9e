package org.akorn.examples.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.akorn.examples.sudoku.CsvPuzzles;
import org.akorn.examples.sudoku.Puzzle;
import org.akorn.examples.sudoku.PuzzleGenerator;

/**
 * Where the puzzles come from. Generated puzzles use three seeds derived from {@code seed}:
 * training {@code seed}, test {@code seed + 1000}, validation {@code seed + 2000}; the test and
 * validation puzzles are distinct, and training never sees either of them.
 *
 * @param size 4 or 9
 * @param minClues fewest clues of a generated puzzle
 * @param maxClues most clues of a generated puzzle
 * @param seed the base seed
 * @param testPuzzles how many held-out test puzzles
 * @param validationPuzzles how many puzzles the periodic evaluation during training uses
 * @param trainCsv training puzzles from a CSV file instead of the generator, or null
 * @param testCsv test puzzles from a CSV file instead of the generator, or null
 */
public record DataSettings(
    int size, int minClues, int maxClues, long seed, int testPuzzles, int validationPuzzles,
    Path trainCsv, Path testCsv) {

  static final long TEST_SEED_OFFSET = 1000;
  static final long VALIDATION_SEED_OFFSET = 2000;

  /** The default clue range: 4x4 4..10 (minimal puzzles to easy), 9x9 31..42 (like SATNet's set). */
  public static int[] defaultClues(int size) {
    return switch (size) {
      case 4 -> new int[] {4, 10};
      case 9 -> new int[] {31, 42};
      default -> throw new IllegalArgumentException("board size must be 4 or 9, got " + size);
    };
  }

  /** The held-out test puzzles: the first {@code testPuzzles} of the CSV, or generated. */
  public List<Puzzle> test() throws IOException {
    if (testCsv != null) {
      return checkSize(CsvPuzzles.read(testCsv, testPuzzles), testCsv);
    }
    return distinct(new PuzzleGenerator(size, minClues, maxClues, seed + TEST_SEED_OFFSET),
        testPuzzles, Set.of());
  }

  /** The validation puzzles, distinct from {@code test}. */
  public List<Puzzle> validation(List<Puzzle> test) {
    if (validationPuzzles == 0) {
      return List.of();
    }
    return distinct(new PuzzleGenerator(size, minClues, maxClues, seed + VALIDATION_SEED_OFFSET),
        validationPuzzles, keys(test));
  }

  /** The training stream, skipping every held-out puzzle. */
  public PuzzleSource training(List<Puzzle> heldOut) throws IOException {
    Set<String> skip = keys(heldOut);
    if (trainCsv != null) {
      List<Puzzle> all = checkSize(CsvPuzzles.read(trainCsv, 0), trainCsv);
      List<Puzzle> kept = new ArrayList<>();
      for (Puzzle p : all) {
        if (!skip.contains(PuzzleSource.key(p))) {
          kept.add(p);
        }
      }
      return PuzzleSource.epochs(kept, seed);
    }
    return PuzzleSource.generated(new PuzzleGenerator(size, minClues, maxClues, seed), skip);
  }

  /** What a run folder records so that evaluation can rebuild the same held-out puzzles. */
  public Map<String, String> describe() {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    m.put("size", Integer.toString(size));
    m.put("clues", minClues + ".." + maxClues);
    m.put("seed", Long.toString(seed));
    m.put("test.puzzles", Integer.toString(testPuzzles));
    if (trainCsv != null) {
      m.put("train.csv", trainCsv.toString());
    }
    if (testCsv != null) {
      m.put("test.csv", testCsv.toString());
    }
    return m;
  }

  static Set<String> keys(List<Puzzle> puzzles) {
    Set<String> s = new HashSet<>();
    for (Puzzle p : puzzles) {
      s.add(PuzzleSource.key(p));
    }
    return s;
  }

  static List<Puzzle> distinct(PuzzleGenerator g, int count, Set<String> exclude) {
    Set<String> seen = new HashSet<>(exclude);
    List<Puzzle> out = new ArrayList<>(count);
    while (out.size() < count) {
      Puzzle p = g.next();
      if (seen.add(PuzzleSource.key(p))) {
        out.add(p);
      }
    }
    return out;
  }

  private List<Puzzle> checkSize(List<Puzzle> puzzles, Path file) {
    for (Puzzle p : puzzles) {
      if (p.size() != size) {
        throw new IllegalArgumentException(
            file + " holds " + p.size() + "x" + p.size() + " puzzles, the model is " + size + "x"
                + size);
      }
    }
    return puzzles;
  }
}
