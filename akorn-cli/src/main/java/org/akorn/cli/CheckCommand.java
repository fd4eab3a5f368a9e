package org.akorn.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.akorn.dsl.AkornCompiler;
import org.akorn.dsl.CompileRequest;
import org.akorn.dsl.CompileResult;
import org.akorn.dsl.model.ModelSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code akorn check FILE...}: prints every diagnostic (with source line and caret) and exits 1
 * when there is an error; otherwise one "ok" line per model.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Check .akorn files and report every problem.")
public final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Model files to check.")
  List<Path> files;

  @Override
  public Integer call() {
    CompileResult result = AkornCompiler.check(CompileRequest.of(files));
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    if (result.hasErrors()) {
      err.println(result.render());
      long n = result.errorCount();
      err.println(n + (n == 1 ? " error" : " errors"));
      err.flush();
      return AkornCli.EXIT_USER_ERROR;
    }
    for (ModelSpec m : result.models()) {
      out.println("ok " + m.sourceFile() + ": model " + m.qualifiedName());
    }
    out.println(result.models().size() + (result.models().size() == 1 ? " model" : " models") + " checked, no errors");
    out.flush();
    return 0;
  }
}
