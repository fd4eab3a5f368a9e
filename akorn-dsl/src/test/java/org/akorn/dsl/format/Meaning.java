package org.akorn.dsl.format;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.akorn.dsl.AkornCompiler;
import org.akorn.dsl.CompileRequest;
import org.akorn.dsl.SourceReader;
import org.akorn.dsl.diag.DiagnosticSink;
import org.akorn.dsl.parse.AkornParsing;

/**
 * What a file means, with every source position left out: its syntax tree (doc comments
 * included) and the outcome of checking it (the linked models, or the diagnostics' codes and
 * messages). Two texts that differ only in layout have the same meaning.
 */
final class Meaning {
  private Meaning() {}

  /**
   * @param file the path of the file inside {@code files}
   * @param root the file to check (the file itself, or a model file that imports it)
   */
  static String of(String file, String text, Map<String, String> files, String root) {
    Pattern position = Pattern.compile(Pattern.quote(file) + ":\\d+:\\d+");
    DiagnosticSink sink = new DiagnosticSink();
    String ast = AkornParsing.parse(file, text, sink).map(Object::toString).orElse("syntax errors");
    Map<String, String> all = new HashMap<>(files);
    all.put(file, text);
    var result = AkornCompiler.check(new CompileRequest(List.of(Path.of(root)), Map.of(), SourceReader.of(all)));
    String checked = result.hasErrors()
        ? result.diagnostics().stream().map(d -> d.code() + " " + d.message()).collect(Collectors.joining("\n"))
        : result.models().toString();
    return position.matcher(ast + "\n" + checked).replaceAll("@");
  }
}
