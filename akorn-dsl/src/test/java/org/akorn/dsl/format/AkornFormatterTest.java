package org.akorn.dsl.format;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AkornFormatterTest {
  private static final Path MODELS = Path.of("..", "examples", "models").normalize();
  private static final Path FEATURES = Path.of("src", "test", "resources", "fuzz", "features.akorn");
  private static final Pattern TOKEN =
      Pattern.compile("\\s+|/\\*.*?\\*/|//[^\\n]*|\"[^\"\\n]*\"|[A-Za-z_0-9.]+|->|.", Pattern.DOTALL);
  private static final int MUTATIONS_PER_FILE = 100;

  /** Every example model (golden and common included) and the language-feature corpus. */
  private static final Map<String, String> CORPUS = new LinkedHashMap<>();

  @BeforeAll
  static void readCorpus() throws IOException {
    try (Stream<Path> files = Files.walk(MODELS)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".akorn")).sorted().toList()) {
        CORPUS.put(p.toString(), Files.readString(p));
      }
    }
    CORPUS.put(FEATURES.toString(), Files.readString(FEATURES));
  }

  @Test
  void everyExampleModelIsInCanonicalLayout() {
    int checked = 0;
    for (var e : CORPUS.entrySet()) {
      if (e.getKey().startsWith(MODELS.toString())) {
        assertWithMessage(e.getKey()).that(format(e.getKey(), e.getValue())).isEqualTo(e.getValue());
        checked++;
      }
    }
    assertThat(checked).isEqualTo(20);
  }

  @Test
  void printsTheCanonicalLayout() {
    String messy = String.join("\n",
        "package   a . b ;",
        "import \"x.akorn\" ;",
        "// about M",
        "",
        "",
        "/**",
        "      * The model.",
        "   */",
        "model M{param ch:int=2*(3+-1);param ks :int[ ]=[ 1,2 ];",
        "input d:int [ 9 , 9 ] in 0 .. 9;   // digits",
        "",
        "",
        "stem=embedding( d , vocab=10 , dim=ch ) ;",
        "  repeat 2 as i { let w = ch*2^i ; if i>0{ transition = conv(kernel = ks[ i ]); } }",
        "readout = readout(N = 2)->feedforward(hidden = ch) /* ff */ -> norm_relu_conv(kernel = 1);",
        "  layer L { n = 2; channels = ch ;",
        "",
        "  }",
        "head logits = cell_classifier(classes = 9);  output logits;",
        "",
        "}");
    assertThat(format("m.akorn", messy)).isEqualTo(String.join("\n",
        "package a.b;",
        "import \"x.akorn\";",
        "// about M",
        "",
        "/**",
        " * The model.",
        " */",
        "model M {",
        "  param ch: int = 2 * (3 + -1);",
        "  param ks: int[] = [1, 2];",
        "  input d: int[9, 9] in 0..9; // digits",
        "",
        "  stem = embedding(d, vocab = 10, dim = ch);",
        "  repeat 2 as i {",
        "    let w = ch * 2 ^ i;",
        "    if i > 0 {",
        "      transition = conv(kernel = ks[i]);",
        "    }",
        "  }",
        "  readout = readout(N = 2)",
        "         -> feedforward(hidden = ch) /* ff */",
        "         -> norm_relu_conv(kernel = 1);",
        "  layer L {",
        "    n = 2;",
        "    channels = ch;",
        "  }",
        "  head logits = cell_classifier(classes = 9);",
        "  output logits;",
        "}",
        ""));
  }

  @Test
  void keepsCommentsInsideExpressionsOnTheirOwnLines() {
    String text = "model M {\n  param a: int = 1 + // one\n 2;\n  param b: int = /* two */ 2;\n  // last\n}\n";

    assertThat(format("m.akorn", text))
        .isEqualTo("model M {\n  param a: int = 1 + // one\n      2;\n  param b: int = /* two */ 2;\n  // last\n}\n");
  }

  @Test
  void refusesAFileWithSyntaxErrors() {
    FormatResult r = AkornFormatter.format("bad.akorn", "model M {\n  param a: int = ;\n}\n");

    assertThat(r.ok()).isFalse();
    assertThat(r.text()).isNull();
    assertThat(r.errors().get(0).headline())
        .isEqualTo("bad.akorn:2:18: error[E001]: mismatched input ';' expecting {'[', '-', '(', INT, FLOAT, STRING, ID}");
  }

  @Test
  void formattingIsIdempotentAndKeepsTheMeaningOfEveryExample() {
    for (var e : CORPUS.entrySet()) {
      assertKeepsMeaning(e.getKey(), e.getValue());
    }
  }

  /**
   * Seeded mutations of every corpus file: whitespace scrambled (newlines, tabs, runs of blank
   * lines), comments of every kind inserted between tokens, and tokens deleted, duplicated or
   * swapped. Whenever the mutated text parses, its formatted text must mean the same and be a
   * fixed point of the formatter.
   */
  @Test
  void mutatedFilesKeepTheirMeaning() {
    Random random = new Random(Long.getLong("akorn.fuzz.seed", 20261202L));
    int parsed = 0;
    int total = 0;
    for (var e : CORPUS.entrySet()) {
      List<String> tokens = tokens(e.getValue());
      for (int i = 0; i < MUTATIONS_PER_FILE; i++) {
        String mutated = mutate(tokens, random);
        total++;
        if (AkornFormatter.format(e.getKey(), mutated).ok()) {
          parsed++;
          assertKeepsMeaning(e.getKey(), mutated);
        }
      }
    }
    assertThat(total).isEqualTo(21 * MUTATIONS_PER_FILE);
    assertWithMessage("mutations that parse").that(parsed).isAtLeast(total / 2);
  }

  private static void assertKeepsMeaning(String file, String text) {
    String formatted = format(file, text);
    String root = file.contains("common") ? MODELS.resolve("classification.akorn").toString() : file;
    assertWithMessage("meaning of\n%s\nformatted as\n%s", text, formatted)
        .that(Meaning.of(file, formatted, CORPUS, root))
        .isEqualTo(Meaning.of(file, text, CORPUS, root));
    assertWithMessage("formatting twice\n%s", text).that(format(file, formatted)).isEqualTo(formatted);
  }

  private static String format(String file, String text) {
    FormatResult r = AkornFormatter.format(file, text);
    assertWithMessage("%s\n%s", r.errors(), text).that(r.ok()).isTrue();
    return r.text();
  }

  private static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static final List<String> SPACES = List.of(" ", "\n", "\t", "\n\n\n  ", "", "   \n ");
  private static final List<String> COMMENTS =
      List.of(" /* note */ ", " // note\n", "\n/** doc */\n", "/*\n   * two\n  lines */", "\n// own line\n\n");

  private static String mutate(List<String> original, Random random) {
    List<String> t = new ArrayList<>(original);
    int kind = random.nextInt(3);
    if (kind == 0) {
      for (int i = 0; i < t.size(); i++) {
        if (t.get(i).isBlank() && random.nextInt(3) == 0) {
          String s = SPACES.get(random.nextInt(SPACES.size()));
          t.set(i, s.isEmpty() && !t.get(i).contains("\n") ? " " : s.isEmpty() ? "\n" : s);
        }
      }
    } else if (kind == 1) {
      for (int n = 1 + random.nextInt(4); n > 0; n--) {
        t.add(random.nextInt(t.size() + 1), COMMENTS.get(random.nextInt(COMMENTS.size())));
      }
    } else {
      int i = random.nextInt(t.size());
      switch (random.nextInt(3)) {
        case 0 -> t.remove(i);
        case 1 -> t.add(i, t.get(i));
        default -> {
          int j = random.nextInt(t.size());
          String a = t.get(i);
          t.set(i, t.get(j));
          t.set(j, a);
        }
      }
    }
    return String.join("", t);
  }
}
