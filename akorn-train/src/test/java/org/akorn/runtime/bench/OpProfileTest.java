package org.akorn.runtime.bench;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-operation self times of {@code akorn bench --profile}. */
class OpProfileTest {

  private static String event(String name, String tid, double ts, double dur, String shape) {
    return "{\"name\": \"" + name + "\", \"ph\": \"X\", \"ts\": " + ts + ", \"dur\": " + dur
        + ", \"tid\": " + tid + ", \"pid\": \"CPU Functions\", \"shape\": " + shape + "}";
  }

  private static Map<String, OpProfile.OpTime> byName(List<OpProfile.OpTime> ops) {
    return ops.stream().collect(Collectors.toMap(OpProfile.OpTime::name, Function.identity()));
  }

  @Test
  void selfTimeIsDurationLessDirectChildrenPerThreadDividedByPasses() {
    // Thread 1: matmul [0, 100] calls bmm [10, 70] which calls empty [12, 14]; a later mul
    // [100, 130] starts exactly where matmul ends, so it is not its child. Thread 2 overlaps in
    // time but nests only within itself. Two passes.
    String trace = "[" + String.join(",",
        event("aten::bmm", "1", 10, 60, "[[2,3],[3,4]]"),
        event("aten::matmul", "1", 0, 100, "[]"),
        event("aten::empty", "1", 12, 2, "[]"),
        event("aten::mul", "1", 100, 30, "[]"),
        event("aten::mul", "2", 5, 40, "[]"),
        "{\"name\": \"marker\", \"ph\": \"i\", \"ts\": 1, \"tid\": 1, \"pid\": \"x\"}") + "]";
    Map<String, OpProfile.OpTime> ops = byName(OpProfile.selfTimes(trace, 2, false));

    assertThat(ops.keySet())
        .containsExactly("aten::matmul", "aten::bmm", "aten::empty", "aten::mul");
    assertThat(ops.get("aten::matmul").selfMs()).isWithin(1e-12).of((100 - 60) / 1000.0 / 2);
    assertThat(ops.get("aten::bmm").selfMs()).isWithin(1e-12).of((60 - 2) / 1000.0 / 2);
    assertThat(ops.get("aten::empty").selfMs()).isWithin(1e-12).of(2 / 1000.0 / 2);
    assertThat(ops.get("aten::mul").selfMs()).isWithin(1e-12).of((30 + 40) / 1000.0 / 2);
    assertThat(ops.get("aten::mul").callsPerPass()).isEqualTo(1.0);
    assertThat(ops.get("aten::bmm").callsPerPass()).isEqualTo(0.5);
    // Largest first.
    assertThat(OpProfile.selfTimes(trace, 2, false).stream().map(OpProfile.OpTime::name))
        .containsExactly("aten::mul", "aten::bmm", "aten::matmul", "aten::empty")
        .inOrder();
  }

  @Test
  void shapesSplitAnOperationWhenAsked() {
    String trace = "{\"traceEvents\": [" + String.join(",",
        event("aten::add", "1", 0, 10, "[[16,128],[16,128]]"),
        event("aten::add", "1", 20, 30, "[[16,32],[16,32]]"),
        event("aten::add", "1", 60, 5, "[[16,32],[16,32]]")) + "]}";
    Map<String, OpProfile.OpTime> ops = byName(OpProfile.selfTimes(trace, 1, true));
    assertThat(ops.keySet())
        .containsExactly("aten::add [[16,128],[16,128]]", "aten::add [[16,32],[16,32]]");
    assertThat(ops.get("aten::add [[16,32],[16,32]]").selfMs()).isWithin(1e-12).of(0.035);
    assertThat(ops.get("aten::add [[16,32],[16,32]]").callsPerPass()).isEqualTo(2.0);
  }

  @Test
  void tableListsTheFirstRowsWithSharesAndTheTotal() {
    List<OpProfile.OpTime> ops =
        List.of(
            new OpProfile.OpTime("aten::bmm", 3.0, 2),
            new OpProfile.OpTime("aten::mul", 1.0, 10),
            new OpProfile.OpTime("aten::add", 0.5, 4));
    List<String> lines = OpProfile.table(ops, 2);
    assertThat(lines).hasSize(4);
    assertThat(lines.get(1).split("\\s+"))
        .asList()
        .containsExactly("", "3.00", "66.7", "2.0", "aten::bmm")
        .inOrder();
    assertThat(lines.get(2).split("\\s+"))
        .asList()
        .containsExactly("", "1.00", "22.2", "10.0", "aten::mul")
        .inOrder();
    assertThat(lines.get(3).trim()).isEqualTo("4.50" + " ".repeat(18) + "total (profiled ops)");
  }

  @Test
  void meanOfPassesAveragesSelfTimeAndCallsAndCountsMissingOperationsAsZero() {
    List<OpProfile.OpTime> first =
        List.of(new OpProfile.OpTime("aten::bmm", 3.0, 2), new OpProfile.OpTime("aten::mul", 1.0, 10));
    List<OpProfile.OpTime> second =
        List.of(new OpProfile.OpTime("aten::bmm", 5.0, 2), new OpProfile.OpTime("aten::add", 0.5, 4));
    List<OpProfile.OpTime> mean = OpProfile.mean(List.of(first, second));
    assertThat(mean)
        .containsExactly(
            new OpProfile.OpTime("aten::bmm", 4.0, 2),
            new OpProfile.OpTime("aten::mul", 0.5, 5),
            new OpProfile.OpTime("aten::add", 0.25, 2))
        .inOrder();
  }

  @Test
  void meanOfNoPassesIsAnError() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> OpProfile.mean(List.of()));
    assertThat(e).hasMessageThat().isEqualTo("no profiled passes");
  }

  @Test
  void profiledBenchmarkWritesBothTracesAndReportsTheirOperations(@TempDir Path dir)
      throws Exception {
    List<String> progress = new ArrayList<>();
    Benchmarks.run("objects", 2, 2, dir, progress::add);
    // one profiler session per pass: the first pass's trace is kept, the others' are deleted
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
          .containsExactly("objects-forward.trace.json", "objects-train.trace.json");
    }
    for (String phase : List.of("forward", "train")) {
      Path trace = dir.resolve("objects-" + phase + ".trace.json");
      assertThat(Files.exists(trace)).isTrue();
      List<OpProfile.OpTime> ops = OpProfile.selfTimes(Files.readString(trace), 1, false);
      assertThat(OpProfile.selfTimes(Files.readString(trace), 1, true).stream()
              .anyMatch(op -> op.name().startsWith("aten::bmm [[16,64,16],[16,16,64]]")))
          .isTrue();
      List<String> names = ops.stream().map(OpProfile.OpTime::name).toList();
      assertThat(names).contains("aten::bmm");
      assertThat(names).contains("aten::_softmax");
    }
    assertThat(progress.stream().filter(l -> l.contains("self time per pass")).count())
        .isEqualTo(2);
    assertThat(progress.stream().filter(l -> l.contains("mean of 2 passes")).count())
        .isEqualTo(2);
    assertThat(progress.stream().anyMatch(l -> l.contains("aten::convolution_backward")))
        .isTrue();
  }
}
