package org.akorn.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.akorn.dsl.AkornCompiler;
import org.akorn.dsl.CompileRequest;
import org.akorn.dsl.CompileResult;
import org.akorn.dsl.SummaryTable;
import org.akorn.dsl.model.ModelSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code akorn summary FILE [--model NAME]}: a table of stages, shapes, parameters and MACs. */
@Command(name = "summary", mixinStandardHelpOptions = true,
    description = "Print each model's stages with output shapes, trainable parameters and MACs per step.")
public final class SummaryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The model file.")
  Path file;

  @Option(names = "--model", paramLabel = "NAME", description = "Only this model of the file.")
  String model;

  @Override
  public Integer call() {
    CompileResult result = AkornCompiler.check(CompileRequest.of(file));
    var err = spec.commandLine().getErr();
    if (result.hasErrors()) {
      err.println(result.render());
      err.println(result.errorCount() + (result.errorCount() == 1 ? " error" : " errors"));
      err.flush();
      return AkornCli.EXIT_USER_ERROR;
    }
    List<ModelSpec> models = result.models();
    if (model != null) {
      models = models.stream().filter(m -> m.name().equals(model)).toList();
      if (models.isEmpty()) {
        throw new UserException("no model named '" + model + "' in " + file);
      }
    }
    var out = spec.commandLine().getOut();
    for (int i = 0; i < models.size(); i++) {
      if (i > 0) {
        out.println();
      }
      out.print(SummaryTable.render(models.get(i)));
    }
    out.flush();
    return 0;
  }
}
