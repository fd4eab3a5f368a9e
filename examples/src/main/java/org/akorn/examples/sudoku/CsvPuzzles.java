package org.akorn.examples.sudoku;

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
import org.akorn.runtime.io.Printable;

/**
 * Reads the common Sudoku CSV format: one puzzle per line as {@code puzzle,solution}, each an
 * 81-character (9x9) or 16-character (4x4) string of digits, {@code 0} or {@code .} for blanks. A
 * first line that is not a puzzle (a header such as {@code quizzes,solutions}) is skipped; extra
 * columns after the solution are ignored.
 */
public final class CsvPuzzles {
  private CsvPuzzles() {}

  /**
   * Thrown for a line that is not a valid puzzle; the message names the file and line, control
   * characters shown visibly.
   */
  public static final class FormatException extends IOException {
    public FormatException(String message) {
      super(Printable.visible(message));
    }
  }

  /**
   * Reads at most {@code limit} puzzles (all when {@code limit <= 0}).
   *
   * @throws BadFileException if the file is missing, a folder or FIFO (checked before opening)
   * @throws FormatException for a line that is not a puzzle or text that is not UTF-8
   */
  public static List<Puzzle> read(Path file, int limit) throws IOException {
    InputFiles.requireRegularFile(file, InputFiles.MAX_BYTES);
    List<Puzzle> puzzles = new ArrayList<>();
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      int lineNo = 0;
      int b = 0;
      while (b != -1 && (limit <= 0 || puzzles.size() < limit)) {
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
          throw new FormatException(file + ":" + lineNo + ": not UTF-8 text");
        }
        bytes.reset();
        String trimmed = line.strip();
        if (trimmed.isEmpty() || (lineNo == 1 && !Character.isDigit(trimmed.charAt(0))
            && trimmed.charAt(0) != '.')) {
          continue;
        }
        puzzles.add(parseLine(trimmed, file + ":" + lineNo));
      }
    }
    return puzzles;
  }

  static Puzzle parseLine(String line, String where) throws FormatException {
    String[] parts = line.split(",");
    if (parts.length < 2) {
      throw new FormatException(where + ": expected 'puzzle,solution', got " + abbreviate(line));
    }
    String puzzle = parts[0].strip();
    String solution = parts[1].strip();
    int size = sizeOf(puzzle.length(), where);
    if (solution.length() != puzzle.length()) {
      throw new FormatException(where + ": solution has " + solution.length()
          + " characters, puzzle has " + puzzle.length());
    }
    int[] clues = digits(puzzle, size, true, where);
    int[] sol = digits(solution, size, false, where);
    for (int i = 0; i < clues.length; i++) {
      if (clues[i] != 0 && clues[i] != sol[i]) {
        throw new FormatException(where + ": clue " + clues[i] + " at cell " + i
            + " disagrees with the solution's " + sol[i]);
      }
    }
    return new Puzzle(size, clues, sol);
  }

  private static int sizeOf(int length, String where) throws FormatException {
    if (length == 81) {
      return 9;
    }
    if (length == 16) {
      return 4;
    }
    throw new FormatException(where + ": a puzzle has 81 (9x9) or 16 (4x4) characters, got " + length);
  }

  private static int[] digits(String s, int size, boolean blanksAllowed, String where)
      throws FormatException {
    int[] cells = new int[s.length()];
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      int v = ch == '.' ? 0 : ch - '0';
      if (v < 0 || v > size || (v == 0 && !blanksAllowed)) {
        throw new FormatException(where + ": unexpected character '" + ch + "' at position " + (i + 1));
      }
      cells[i] = v;
    }
    return cells;
  }

  private static String abbreviate(String line) {
    return line.length() <= 40 ? "'" + line + "'" : "'" + line.substring(0, 40) + "...'";
  }
}
