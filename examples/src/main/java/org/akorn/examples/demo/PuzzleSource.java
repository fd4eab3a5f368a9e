package org.akorn.examples.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.akorn.examples.sudoku.Puzzle;
import org.akorn.examples.sudoku.PuzzleGenerator;

/** Training puzzles, batch after batch, never one of the held-out puzzles. */
public interface PuzzleSource {

  /** The next {@code count} puzzles. */
  List<Puzzle> next(int count);

  /** Generated puzzles (unbounded), skipping every puzzle whose clues are in {@code heldOut}. */
  static PuzzleSource generated(PuzzleGenerator generator, Set<String> heldOut) {
    return count -> {
      List<Puzzle> out = new ArrayList<>(count);
      while (out.size() < count) {
        Puzzle p = generator.next();
        if (!heldOut.contains(key(p))) {
          out.add(p);
        }
      }
      return out;
    };
  }

  /** A fixed list (e.g. a CSV data set), reshuffled every epoch with a seeded random. */
  static PuzzleSource epochs(List<Puzzle> puzzles, long seed) {
    if (puzzles.isEmpty()) {
      throw new IllegalArgumentException("no training puzzles");
    }
    List<Puzzle> order = new ArrayList<>(puzzles);
    Random random = new Random(seed);
    int[] position = {order.size()};
    return count -> {
      List<Puzzle> out = new ArrayList<>(count);
      while (out.size() < count) {
        if (position[0] == order.size()) {
          Collections.shuffle(order, random);
          position[0] = 0;
        }
        out.add(order.get(position[0]++));
      }
      return out;
    };
  }

  /** The identity of a puzzle for disjointness checks: its clue string. */
  static String key(Puzzle p) {
    StringBuilder sb = new StringBuilder();
    for (int d : p.clues()) {
      sb.append((char) ('0' + d));
    }
    return sb.toString();
  }
}
