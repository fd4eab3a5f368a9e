package org.akorn.spark.sweep;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the running runs of a sweep stand, read from their folders: for each run whose state is
 * {@code running}, the last progress line its training wrote to {@code train.log} ({@code [####--]
 * 50% step 733 ...}), as {@code run-1-ch=8 50% step 733}.
 */
final class RunningProgress {
  private static final Pattern BAR = Pattern.compile("\\[[#-]+]\\s+(\\d+%) step (\\d+)");
  /** How much of the end of a log is read. */
  private static final int TAIL = 8192;

  private RunningProgress() {}

  /** One entry per running run, in grid order; empty when none runs. */
  static List<String> of(Path folder, List<SweepConfiguration> runs) {
    List<String> out = new ArrayList<>();
    for (SweepConfiguration run : runs) {
      Path dir = folder.resolve(run.folder());
      try {
        SweepRunStatus status = SweepRunStatus.readFrom(dir);
        if (status == null || status.state() != SweepRunStatus.State.RUNNING) {
          continue;
        }
        String last = lastProgress(dir.resolve(SweepAttempt.LOG));
        out.add(run.folder() + (last == null ? " starting" : " " + last));
      } catch (IOException e) {
        // A state being rewritten or a log not there yet: the next look sees it.
      }
    }
    return out;
  }

  /** {@code 50% step 733} from the last progress bar of the log, or null. */
  static String lastProgress(Path log) throws IOException {
    if (!Files.isRegularFile(log)) {
      return null;
    }
    String tail;
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long from = Math.max(0, file.length() - TAIL);
      byte[] bytes = new byte[(int) (file.length() - from)];
      file.seek(from);
      file.readFully(bytes);
      tail = new String(bytes, StandardCharsets.UTF_8);
    }
    Matcher m = BAR.matcher(tail);
    String found = null;
    while (m.find()) {
      found = m.group(1) + " step " + m.group(2);
    }
    return found;
  }
}
