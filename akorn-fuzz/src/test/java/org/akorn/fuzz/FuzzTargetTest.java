package org.akorn.fuzz;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The harness itself: each promise it checks must fail when a reader breaks it. */
class FuzzTargetTest {
  private static final Path CORPUS = Path.of("src/test/resources/corpus");

  private static FuzzTarget target(FuzzTarget.Reader reader) {
    return FuzzTarget.builder("test", reader)
        .rejection(IOException.class)
        .fileName("input.txt")
        .corpus(CORPUS)
        .mutators(ByteMutators.all())
        .timeLimit(Duration.ofMillis(500))
        .allocationLimit(4, 1 << 20)
        .build();
  }

  private static void strictReader(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + " is not a regular file");
    }
    String text = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8);
    if (!text.endsWith("\n")) {
      throw new IOException(file + " does not end with a line feed");
    }
  }

  @Test
  void aWellBehavedReaderPasses() throws Exception {
    FuzzTarget t = target(FuzzTargetTest::strictReader);
    t.fuzz(new FuzzBudget(200, 0, 1));
    t.checkSpecialFiles();
  }

  @Test
  void anUnexpectedExceptionFails() {
    FuzzTarget t = target(file -> {
      throw new IllegalStateException("boom");
    });
    AssertionError e = assertThrows(AssertionError.class, () -> t.check(new byte[] {1}));
    assertThat(e).hasMessageThat().contains("threw java.lang.IllegalStateException: boom");
  }

  @Test
  void aMessageThatDoesNotNameTheFileFails() {
    FuzzTarget t = target(file -> {
      throw new IOException("bad input");
    });
    AssertionError e = assertThrows(AssertionError.class, () -> t.check(new byte[] {1}));
    assertThat(e).hasMessageThat().contains("rejected without naming the file: bad input");
  }

  @Test
  void aMessageOfTwoLinesOrWithRawControlCharactersFails() {
    FuzzTarget twoLines = target(file -> {
      throw new IOException(file + " is bad\nreally");
    });
    assertThat(assertThrows(AssertionError.class, () -> twoLines.check(new byte[] {1})))
        .hasMessageThat().contains("a message of more than 1 line(s)");
    FuzzTarget control = target(file -> {
      throw new IOException(file + " holds \0");
    });
    assertThat(assertThrows(AssertionError.class, () -> control.check(new byte[] {1})))
        .hasMessageThat().contains("raw control character 0 in the message");
  }

  @Test
  void aHangFailsWithinTheTimeLimit() {
    FuzzTarget t = target(file -> Thread.sleep(60_000));
    long start = System.nanoTime();
    AssertionError e = assertThrows(AssertionError.class, () -> t.check(new byte[] {1}));
    assertThat(e).hasMessageThat().contains("did not finish within 500 ms (a hang?)");
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(5.0);
  }

  @Test
  void allocatingByAnUntrustedSizeFails() {
    FuzzTarget t = target(file -> {
      byte[] big = new byte[8 << 20];
      big[1] = 1;
    });
    AssertionError e = assertThrows(AssertionError.class, () -> t.check(new byte[] {1, 2}));
    assertThat(e).hasMessageThat().contains("for a 2-byte input (limit 1048584)");
  }

  @Test
  void aReaderThatAcceptsAFolderFailsTheSpecialFileCheck() {
    FuzzTarget t = target(file -> { });
    AssertionError e = assertThrows(AssertionError.class, t::checkSpecialFiles);
    assertThat(e).hasMessageThat().contains("which is not a readable file");
  }

  @Test
  void aReaderThatOpensAFifoHangsAndFailsTheSpecialFileCheck() {
    FuzzTarget t = target(file -> {
      if (!file.toString().contains("missing") && !Files.isDirectory(file)) {
        Files.readAllBytes(file);
      }
      throw new IOException(file + " rejected");
    });
    AssertionError e = assertThrows(AssertionError.class, t::checkSpecialFiles);
    assertThat(e).hasMessageThat().contains("did not finish within 500 ms (a hang?)");
  }

  @Test
  void aLongRunCollectsDistinctFailuresAndFailsAtTheEnd() {
    FuzzTarget t = target(file -> {
      if (Files.size(file) == 0) {
        throw new IllegalArgumentException("empty");
      }
    });
    AssertionError e = assertThrows(AssertionError.class, () -> t.fuzz(new FuzzBudget(0, 1, 7)));
    assertThat(e).hasMessageThat().contains("test: 1 distinct failures");
    assertThat(e).hasMessageThat().contains("threw java.lang.IllegalArgumentException: empty");
  }

  @Test
  void mutantsAreReproducibleFromTheSeed() {
    FuzzTarget t = target(FuzzTargetTest::strictReader);
    List<byte[]> a = List.of(t.mutant(new Random(5)), t.mutant(new Random(6)));
    List<byte[]> b = List.of(t.mutant(new Random(5)), t.mutant(new Random(6)));
    assertThat(a.get(0)).isEqualTo(b.get(0));
    assertThat(a.get(1)).isEqualTo(b.get(1));
  }
}
