package org.akorn.dsl;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.akorn.dsl.diag.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random mutations of the example files (deleted, duplicated and swapped tokens,
 * random bytes) must each produce diagnostics or a model, never an exception, and a report without
 * raw control characters. {@link AkornSourceFuzzTest} mutates the raw bytes of files on disk.
 */
class MutationRobustnessTest {
  private static final int MUTATIONS_PER_FILE = 300;
  private static final Path FEATURES = Path.of("src", "test", "resources", "fuzz", "features.akorn");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z_0-9.]+|\\s+|.", Pattern.DOTALL);

  @Test
  void theFeatureCorpusIsAValidFile() {
    CompileResult result = AkornCompiler.check(CompileRequest.of(FEATURES));

    assertWithMessage(result.render()).that(result.hasErrors()).isFalse();
    assertWithMessage("models").that(result.models()).hasSize(3);
  }

  @Test
  void mutatedExamplesNeverThrow() throws IOException {
    Random random = new Random(Long.getLong("akorn.fuzz.seed", 20261130L));
    Map<String, String> originals = new HashMap<>();
    List<Path> corpus = new ArrayList<>(Examples.all());
    corpus.add(FEATURES);
    for (Path p : corpus) {
      originals.put(p.normalize().toString(), Files.readString(p));
    }
    int total = 0;
    int rejected = 0;
    for (Path file : corpus) {
      String name = file.normalize().toString();
      // A file of blocks only is compiled through the model that imports it.
      Path root = name.contains("common") ? Examples.MODELS.resolve("classification.akorn") : file;
      List<String> tokens = tokens(originals.get(name));
      for (int i = 0; i < MUTATIONS_PER_FILE; i++) {
        String mutated = mutate(tokens, random);
        Map<String, String> files = new HashMap<>(originals);
        files.put(name, mutated);
        CompileResult result;
        try {
          result = AkornCompiler.check(new CompileRequest(List.of(root), Map.of(), SourceReader.of(files)));
          String report = result.render();
          assertWithMessage("raw control characters in:\n%s", report)
              .that(report.chars().anyMatch(c -> (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f))
              .isFalse();
        } catch (RuntimeException | StackOverflowError e) {
          throw new AssertionError("mutation " + i + " of " + name + " threw:\n" + mutated, e);
        }
        total++;
        if (result.hasErrors()) {
          rejected++;
          for (Diagnostic d : result.diagnostics()) {
            assertWithMessage(mutated).that(d.span().line()).isAtLeast(1);
            assertWithMessage(mutated).that(d.span().column()).isAtLeast(1);
          }
        } else {
          assertWithMessage(mutated).that(result.models()).isNotEmpty();
        }
      }
    }
    assertWithMessage("mutations tried").that(total).isAtLeast(3000);
    assertWithMessage("mutations rejected").that(rejected).isAtLeast(total / 2);
  }

  private static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static String mutate(List<String> original, Random random) {
    List<String> t = new ArrayList<>(original);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits && !t.isEmpty(); e++) {
      int i = random.nextInt(t.size());
      switch (random.nextInt(4)) {
        case 0 -> t.remove(i);
        case 1 -> t.add(i, t.get(i));
        case 2 -> {
          int j = random.nextInt(t.size());
          String a = t.get(i);
          t.set(i, t.get(j));
          t.set(j, a);
        }
        default -> t.add(i, randomBytes(random));
      }
    }
    return String.join("", t);
  }

  private static String randomBytes(Random random) {
    StringBuilder b = new StringBuilder();
    int n = 1 + random.nextInt(4);
    for (int k = 0; k < n; k++) {
      b.append((char) random.nextInt(random.nextBoolean() ? 128 : 0x3000));
    }
    return b.toString();
  }
}
