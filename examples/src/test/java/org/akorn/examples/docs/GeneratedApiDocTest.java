package org.akorn.examples.docs;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java examples of docs/generated-api.md compile, exactly as printed, against this build. */
class GeneratedApiDocTest {
  private static final Path DOC = Path.of("..", "docs", "generated-api.md");
  private static final Pattern EXAMPLE =
      Pattern.compile("<!-- compiled: (\\w+) -->\n```java\n(.*?)```", Pattern.DOTALL);

  @TempDir Path dir;

  @Test
  void theExamplesCompile() throws IOException {
    Map<String, String> examples = new LinkedHashMap<>();
    Matcher m = EXAMPLE.matcher(Files.readString(DOC));
    while (m.find()) {
      examples.put(m.group(1), m.group(2));
    }
    assertThat(examples.keySet())
        .containsExactly("SolveWithTheGeneratedClass", "SolveWithDjlCriteria").inOrder();
    List<String> args = new ArrayList<>(List.of("-d", dir.resolve("classes").toString(),
        "-classpath", System.getProperty("java.class.path"), "-Xlint:all", "-Werror"));
    for (Map.Entry<String, String> e : examples.entrySet()) {
      assertWithMessage(e.getKey()).that(e.getValue()).contains("class " + e.getKey() + " {");
      Path source = dir.resolve(e.getKey() + ".java");
      Files.writeString(source, e.getValue());
      args.add(source.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();

    int exit = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));

    assertWithMessage(diagnostics.toString(StandardCharsets.UTF_8)).that(exit).isEqualTo(0);
    assertThat(Files.isRegularFile(dir.resolve("classes/SolveWithDjlCriteria.class"))).isTrue();
    assertThat(Files.isRegularFile(dir.resolve("classes/SolveWithTheGeneratedClass.class")))
        .isTrue();
  }
}
