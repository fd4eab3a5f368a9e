package org.akorn.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.akorn.codegen.AkornCodegen;
import org.akorn.codegen.GenerationRequest;
import org.akorn.codegen.GenerationResult;
import org.akorn.codegen.output.OutputWriter;
import org.akorn.codegen.output.WriteReport;
import org.akorn.dsl.SourceReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code akorn compile FILE... -d OUTDIR [-P name=value]...}: generates one Java class per model
 * into OUTDIR (byte-identical for the same input; unchanged files are not rewritten; sources of
 * models no longer generated are removed, using a manifest next to OUTDIR).
 */
@Command(name = "compile", mixinStandardHelpOptions = true,
    description = "Generate Java model classes from .akorn files.")
public final class CompileCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Model files to compile.")
  List<Path> files;

  @Option(names = "-d", required = true, paramLabel = "OUTDIR", description = "Where the Java sources go.")
  Path outputDir;

  @Option(names = "-P", paramLabel = "name=value", description = "Override a hyper-parameter default.")
  List<String> overrides;

  @Override
  public Integer call() throws IOException {
    Map<String, String> values = Overrides.parse(overrides);
    GenerationResult result = AkornCodegen.generate(
        new GenerationRequest(files, values, Map.of(), SourceReader.fileSystem(), version()));
    var err = spec.commandLine().getErr();
    if (result.hasErrors()) {
      err.println(result.render());
      long n = result.errorCount();
      err.println(n + (n == 1 ? " error" : " errors"));
      err.flush();
      return AkornCli.EXIT_USER_ERROR;
    }
    Path dir = outputDir.toAbsolutePath().normalize();
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new UserException("-d: " + outputDir + " is a file, not a folder");
    }
    Path manifest = dir.resolveSibling("." + dir.getFileName() + ".akorn-manifest");
    WriteReport report;
    try {
      // Missing folders are created; every file is written atomically (OutputWriter).
      report = new OutputWriter(dir, manifest).write(result.files());
    } catch (IOException e) {
      throw new UserException("-d: cannot write into " + outputDir + ": " + e);
    }
    var out = spec.commandLine().getOut();
    out.println(result.files().size() + (result.files().size() == 1 ? " class" : " classes") + " generated in "
        + outputDir + " (" + report.written().size() + " written, " + report.unchanged().size()
        + " unchanged, " + report.deleted().size() + " deleted)");
    out.flush();
    return 0;
  }

  static String version() {
    String v = AkornCli.class.getPackage().getImplementationVersion();
    return v == null ? GenerationRequest.DEFAULT_TOOL_VERSION : v;
  }
}
