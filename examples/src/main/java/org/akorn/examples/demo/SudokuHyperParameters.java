package org.akorn.examples.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The model hyper-parameters of the Sudoku models, named as the {@code .akorn} files declare them
 * ({@code ch}, {@code n}, {@code heads}, {@code T}, {@code gamma}).
 *
 * @param ch channels C
 * @param n components per oscillator (divides ch)
 * @param heads attention heads (divides ch)
 * @param steps Kuramoto steps T used in training
 * @param gamma initial (learnable) step size
 */
public record SudokuHyperParameters(int ch, int n, int heads, int steps, float gamma) {
  private static final Set<String> KEYS = Set.of("ch", "n", "heads", "T", "gamma");

  public SudokuHyperParameters {
    if (ch <= 0 || n <= 0 || heads <= 0 || steps <= 0) {
      throw new IllegalArgumentException("ch, n, heads and T must be positive");
    }
    if (ch % n != 0 || ch % heads != 0) {
      throw new IllegalArgumentException(
          "n (" + n + ") and heads (" + heads + ") must divide ch (" + ch + ")");
    }
  }

  /** The paper's configuration for a board size: 4x4 ch 64, T 8; 9x9 ch 512, T 16; heads 8, n 4. */
  public static SudokuHyperParameters paper(int size) {
    return switch (size) {
      case 4 -> new SudokuHyperParameters(64, 4, 8, 8, 1.0f);
      case 9 -> new SudokuHyperParameters(512, 4, 8, 16, 1.0f);
      default -> throw new IllegalArgumentException("board size must be 4 or 9, got " + size);
    };
  }

  /** Reads the map a model or checkpoint reports; unknown keys are rejected. */
  public static SudokuHyperParameters fromMap(Map<String, String> map) {
    for (String key : map.keySet()) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException("unknown Sudoku hyper-parameter '" + key + "'");
      }
    }
    return new SudokuHyperParameters(
        Integer.parseInt(require(map, "ch")),
        Integer.parseInt(require(map, "n")),
        Integer.parseInt(require(map, "heads")),
        Integer.parseInt(require(map, "T")),
        Float.parseFloat(require(map, "gamma")));
  }

  private static String require(Map<String, String> map, String key) {
    String v = map.get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing Sudoku hyper-parameter '" + key + "'");
    }
    return v;
  }

  /** Name to value text, in declaration order. */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("ch", Integer.toString(ch));
    m.put("n", Integer.toString(n));
    m.put("heads", Integer.toString(heads));
    m.put("T", Integer.toString(steps));
    m.put("gamma", Float.toString(gamma));
    return m;
  }

  public SudokuHyperParameters withSteps(int t) {
    return new SudokuHyperParameters(ch, n, heads, t, gamma);
  }
}
