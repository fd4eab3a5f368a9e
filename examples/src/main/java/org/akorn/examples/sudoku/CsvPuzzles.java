package org.akorn.examples.sudoku;

import java.nio.file.Path;
import java.util.List;
import org.akorn.runtime.data.DataFormatException;
import org.akorn.runtime.data.SudokuCsvReader;

/** Puzzles from the common {@code puzzle,solution} CSV format ({@link SudokuCsvReader}). */
public final class CsvPuzzles {
  private CsvPuzzles() {}

  /** Reads at most {@code limit} puzzles (all when {@code limit <= 0}). */
  public static List<Puzzle> read(Path file, int limit) throws DataFormatException {
    return SudokuCsvReader.readBoards(file, limit).stream()
        .map(b -> new Puzzle(b.size(), b.clues(), b.solution()))
        .toList();
  }
}
