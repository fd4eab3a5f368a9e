package org.akorn.runtime.data;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.akorn.runtime.io.BadFileException;
import org.akorn.runtime.io.InputFiles;

/**
 * Reads the common Sudoku CSV format: one puzzle per line as {@code puzzle,solution}, each an
 * 81-character (9x9) or 16-character (4x4) string of digits, {@code 0} or {@code .} for blanks. A
 * first line that is not a puzzle (a header such as {@code quizzes,solutions}) is skipped; extra
 * columns after the solution are ignored. As a {@link Dataset}: inputs {@code digits} (int, 0 =
 * blank) and {@code given} (bool), labels the solution digit - 1 per cell.
 */
public final class SudokuCsvReader {
  private SudokuCsvReader() {}

  /**
   * One puzzle.
   *
   * @param size 4 or 9
   * @param clues row-major, 0 = blank
   * @param solution row-major, 1..size
   */
  public record Board(int size, int[] clues, int[] solution) {}

  /** Every puzzle of the file as a data set. */
  public static Dataset read(Path file) throws DataFormatException {
    List<Board> boards = readBoards(file, 0);
    if (boards.isEmpty()) {
      throw DataFormatException.of(file, "holds no puzzles");
    }
    int size = boards.get(0).size();
    int cells = size * size;
    float[] digits = new float[boards.size() * cells];
    float[] given = new float[digits.length];
    float[] labels = new float[digits.length];
    for (int b = 0; b < boards.size(); b++) {
      Board board = boards.get(b);
      if (board.size() != size) {
        throw DataFormatException.of(file, "mixes " + size + "x" + size + " and " + board.size()
            + "x" + board.size() + " puzzles");
      }
      for (int i = 0; i < cells; i++) {
        digits[b * cells + i] = board.clues()[i];
        given[b * cells + i] = board.clues()[i] != 0 ? 1 : 0;
        labels[b * cells + i] = board.solution()[i] - 1;
      }
    }
    Shape grid = new Shape(size, size);
    return new Dataset(file.toString(), List.of(
        new Column("digits", grid, DataType.INT32, digits),
        new Column("given", grid, DataType.BOOLEAN, given)),
        new Column("label", grid, DataType.INT64, labels));
  }

  /**
   * Reads at most {@code limit} puzzles (all when {@code limit <= 0}). The file's type is checked
   * before it is opened (a folder or FIFO is refused, never read), and text that is not UTF-8 is
   * refused naming the line.
   */
  public static List<Board> readBoards(Path file, int limit) throws DataFormatException {
    try {
      InputFiles.requireRegularFile(file, InputFiles.MAX_BYTES);
    } catch (BadFileException e) {
      throw new DataFormatException(e.getMessage());
    }
    List<Board> boards = new ArrayList<>();
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      int lineNo = 0;
      int b = 0;
      while (b != -1 && (limit <= 0 || boards.size() < limit)) {
        b = in.read();
        if (b != -1 && b != '\n') {
          bytes.write(b);
          continue;
        }
        if (b == -1 && bytes.size() == 0) {
          break;
        }
        lineNo++;
        String line;
        try {
          line = utf8.decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
          throw new DataFormatException(file + ":" + lineNo + ": not UTF-8 text");
        }
        bytes.reset();
        String trimmed = line.strip();
        if (trimmed.isEmpty() || (lineNo == 1 && !Character.isDigit(trimmed.charAt(0))
            && trimmed.charAt(0) != '.')) {
          continue;
        }
        boards.add(parseLine(trimmed, file + ":" + lineNo));
      }
    } catch (DataFormatException e) {
      throw e;
    } catch (IOException e) {
      throw DataFormatException.of(file, "cannot be read: " + e.getMessage());
    }
    return boards;
  }

  /** One {@code puzzle,solution} line; {@code where} is {@code file:line} for messages. */
  public static Board parseLine(String line, String where) throws DataFormatException {
    String[] parts = line.split(",");
    if (parts.length < 2) {
      throw new DataFormatException(where + ": expected 'puzzle,solution', got " + abbreviate(line));
    }
    String puzzle = parts[0].strip();
    String solution = parts[1].strip();
    int size = sizeOf(puzzle.length(), where);
    if (solution.length() != puzzle.length()) {
      throw new DataFormatException(where + ": solution has " + solution.length()
          + " characters, puzzle has " + puzzle.length());
    }
    int[] clues = digits(puzzle, size, true, where);
    int[] sol = digits(solution, size, false, where);
    for (int i = 0; i < clues.length; i++) {
      if (clues[i] != 0 && clues[i] != sol[i]) {
        throw new DataFormatException(where + ": clue " + clues[i] + " at cell " + i
            + " disagrees with the solution's " + sol[i]);
      }
    }
    return new Board(size, clues, sol);
  }

  private static int sizeOf(int length, String where) throws DataFormatException {
    if (length == 81) {
      return 9;
    }
    if (length == 16) {
      return 4;
    }
    throw new DataFormatException(where + ": a puzzle has 81 (9x9) or 16 (4x4) characters, got "
        + length);
  }

  private static int[] digits(String s, int size, boolean blanksAllowed, String where)
      throws DataFormatException {
    int[] cells = new int[s.length()];
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      int v = ch == '.' ? 0 : ch - '0';
      if (v < 0 || v > size || (v == 0 && !blanksAllowed)) {
        throw new DataFormatException(where + ": unexpected character '" + ch + "' at position "
            + (i + 1));
      }
      cells[i] = v;
    }
    return cells;
  }

  private static String abbreviate(String line) {
    return line.length() <= 40 ? "'" + line + "'" : "'" + line.substring(0, 40) + "...'";
  }
}
