package org.akorn.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.akorn.codegen.output.OutputWriter;
import org.akorn.dsl.diag.DiagnosticFormatter;
import org.akorn.dsl.format.AkornFormatter;
import org.akorn.dsl.format.FormatResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code akorn fmt FILE... [--check]}: rewrites files in the canonical layout (atomically, only
 * those that change) or, with {@code --check}, lists the files that would change and exits 1.
 * A file with syntax errors is left alone; its errors are printed and the exit status is 1.
 */
@Command(name = "fmt", mixinStandardHelpOptions = true,
    description = "Format .akorn files in the canonical layout (comments and meaning are kept).")
public final class FmtCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to format.")
  List<Path> files;

  @Option(names = "--check", description = "Change nothing; list the files that are not formatted and exit 1 if any.")
  boolean check;

  @Override
  public Integer call() throws IOException {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    List<Path> changed = new ArrayList<>();
    int broken = 0;
    for (Path file : files) {
      String text = read(file);
      FormatResult result = AkornFormatter.format(file.toString(), text);
      if (!result.ok()) {
        DiagnosticFormatter f = new DiagnosticFormatter(Map.of(file.toString(), text));
        result.errors().forEach(d -> err.println(f.format(d)));
        broken++;
      } else if (!result.text().equals(text)) {
        changed.add(file);
        if (check) {
          out.println(file);
        } else {
          OutputWriter.writeAtomically(file.toAbsolutePath(), result.text().getBytes(StandardCharsets.UTF_8));
          out.println("formatted " + file);
        }
      }
    }
    if (broken > 0) {
      err.println(count(broken, "file") + " not formatted because of syntax errors");
    }
    if (check && !changed.isEmpty()) {
      err.println(count(changed.size(), "file") + " would be reformatted; run akorn fmt on "
          + (changed.size() == 1 ? "it" : "them"));
    }
    out.flush();
    err.flush();
    return broken > 0 || (check && !changed.isEmpty()) ? AkornCli.EXIT_USER_ERROR : 0;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new UserException("cannot read file '" + file + "'");
    }
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
