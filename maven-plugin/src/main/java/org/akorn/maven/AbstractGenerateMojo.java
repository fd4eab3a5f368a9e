package org.akorn.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.akorn.codegen.AkornCodegen;
import org.akorn.codegen.GenerationRequest;
import org.akorn.codegen.GenerationResult;
import org.akorn.codegen.output.OutputWriter;
import org.akorn.codegen.output.WriteReport;
import org.akorn.dsl.SourceReader;
import org.akorn.dsl.model.HyperParameter;
import org.akorn.dsl.model.ModelSpec;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.build.BuildContext;
import org.codehaus.plexus.util.Scanner;

/**
 * Shared by {@code generate} and {@code generate-test}: a thin shell over {@link
 * AkornCodegen#generate} and {@link OutputWriter}, the same calls the command line makes.
 */
abstract class AbstractGenerateMojo extends AbstractMojo {
  /** Which files under the source directory are models (Ant patterns). */
  @Parameter
  private Set<String> includes = new LinkedHashSet<>(List.of("**/*.akorn"));

  /** Files under the source directory to leave out (Ant patterns), e.g. blocks only imported. */
  @Parameter
  private Set<String> excludes = new LinkedHashSet<>();

  /**
   * Hyper-parameter overrides for every model, e.g. {@code <parameters><ch>32</ch></parameters>};
   * checked like the defaults in the model files. Every model of this goal must declare each of them
   * (an unknown name is an error, not silently ignored).
   */
  @Parameter
  private Map<String, String> parameters = new LinkedHashMap<>();

  /** Overrides for single models: {@code <models><model><name>Sudoku4</name><parameters><T>16</T>...}. */
  @Parameter
  private List<ModelParameters> models = new ArrayList<>();

  /**
   * Overrides from the command line, {@code name=value} for every model and {@code Model.name=value}
   * for one, comma-separated: {@code -Dakorn.overrides="ch=32,Sudoku4.T=16"}. They win over {@code
   * parameters} and {@code models}.
   */
  @Parameter(property = "akorn.overrides")
  private String overrides;

  /** Skips the generation; the output directory is still a source root (sources generated earlier compile). */
  @Parameter(property = "akorn.skip", defaultValue = "false")
  private boolean skip;

  /**
   * Regenerates even when the inputs' fingerprint says nothing changed (files whose content is
   * unchanged are still left untouched).
   */
  @Parameter(property = "akorn.force", defaultValue = "false")
  private boolean force;

  /** Where the plugin keeps its state between builds (manifest of generated files, fingerprint). */
  @Parameter(property = "akorn.stateDirectory", defaultValue = "${project.build.directory}/akorn")
  private File stateDirectory;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  private PluginDescriptor plugin;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
  private MojoExecution mojoExecution;

  @Component
  private BuildContext buildContext;

  @Component
  private org.sonatype.plexus.build.incremental.BuildContext legacyBuildContext;

  /** The directory with the model files. */
  protected abstract File sourceDirectory();

  /** The directory the Java sources go to. */
  protected abstract File outputDirectory();

  /** The goal's name, which names its state files. */
  protected abstract String goal();

  /** The output directory's default below {@code target/}, e.g. {@code generated-sources/akorn}. */
  protected abstract String defaultOutputSubdirectory();

  /** Whether this goal has a reason of its own to do nothing. */
  protected boolean skipped() {
    return false;
  }

  /** Adds the output directory to the project's (test) compile source roots. */
  protected abstract void addSourceRoot(MavenProject project, String path);

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Path outputDir = outputDirectory().toPath().toAbsolutePath().normalize();
    addSourceRoot(project, outputDir.toString());
    if (skip || skipped()) {
      getLog().info("akorn: skipped");
      return;
    }

    Overrides merged;
    try {
      merged = Overrides.merge(parameters, models, overrides);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("akorn: " + e.getMessage());
    }
    List<Path> roots = scanRoots();
    Path stateDir = stateDirectory.toPath().toAbsolutePath().normalize();
    String state = stateName(goal(), outputDir,
        Path.of(project.getBuild().getDirectory(), defaultOutputSubdirectory()), mojoExecution.getExecutionId());
    Path manifest = stateDir.resolve(state + ".manifest");
    Path fingerprintFile = stateDir.resolve(state + ".fingerprint");
    String version = plugin.getVersion();
    String tool = Fingerprint.toolIdentity(version, AbstractGenerateMojo.class, AkornCodegen.class, SourceReader.class);
    try {
      if (!force && upToDate(fingerprintFile, manifest, outputDir, roots, merged, tool)) {
        getLog().info("akorn: " + roots.size() + " .akorn file(s) unchanged, nothing to generate");
        return;
      }
      GenerationResult result = roots.isEmpty()
          ? null
          : AkornCodegen.generate(new GenerationRequest(
              roots, merged.global(), merged.perModel(), SourceReader.fileSystem(), version));
      Set<Path> inputs = new LinkedHashSet<>(roots);
      if (result != null) {
        inputs.addAll(absolute(result.inputsRead()));
        DiagnosticReporter reporter = new DiagnosticReporter(
            getLog(), buildContext, ideMarkers(), project.getBasedir().toPath());
        reporter.clear(inputs);
        reporter.report(result.diagnostics(), result.sources());
        if (result.hasErrors()) {
          Files.deleteIfExists(fingerprintFile);
          throw new MojoFailureException(DiagnosticReporter.failureMessage(result.errorCount()));
        }
        List<String> unmatched = merged.unmatched(declaredParameters(result));
        if (!unmatched.isEmpty()) {
          Files.deleteIfExists(fingerprintFile);
          throw new MojoFailureException(String.join("\n", unmatched));
        }
      }
      WriteReport report = writeOrForget(outputDir, manifest, fingerprintFile, result == null ? List.of() : result.files());
      if (report.changedAnything()) {
        buildContext.refresh(outputDir.toFile());
      }
      Fingerprint.of(tool, outputDir, roots, merged, inputs).write(fingerprintFile);
      getLog().info("akorn: " + roots.size() + " .akorn file(s): " + report.written().size() + " written, "
          + report.unchanged().size() + " unchanged, " + report.deleted().size() + " deleted in " + outputDir);
    } catch (IOException e) {
      throw new MojoExecutionException("akorn: cannot write generated sources: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("akorn: " + e.getMessage(), e);
    }
  }

  /**
   * The name of an execution's state files: the goal for the default output directory (so {@code mvn
   * akorn:generate} and the lifecycle share it), the goal and execution id for any other, so that two
   * executions writing different directories never delete each other's sources.
   */
  static String stateName(String goal, Path outputDir, Path defaultOutputDir, String executionId) {
    boolean isDefault = outputDir.toAbsolutePath().normalize().equals(defaultOutputDir.toAbsolutePath().normalize());
    return isDefault ? goal : goal + "-" + executionId.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /** Writes the sources; when that fails the fingerprint goes too, so the next build starts afresh. */
  private static WriteReport writeOrForget(Path outputDir, Path manifest, Path fingerprintFile,
      List<org.akorn.codegen.output.GeneratedFile> files) throws IOException {
    try {
      return new OutputWriter(outputDir, manifest).write(files);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(fingerprintFile);
      throw e;
    }
  }

  /** Same roots, same overrides, same version, same content of every file read, outputs present. */
  private boolean upToDate(Path fingerprintFile, Path manifest, Path outputDir, List<Path> roots, Overrides merged,
      String tool) throws IOException {
    Fingerprint previous = Fingerprint.read(fingerprintFile);
    if (previous == null || !Files.isRegularFile(manifest)) {
      return false;
    }
    for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !Files.isRegularFile(outputDir.resolve(line.strip()))) {
        return false;
      }
    }
    Set<Path> inputs = new LinkedHashSet<>(roots);
    inputs.addAll(previous.inputs());
    return Fingerprint.of(tool, outputDir, roots, merged, inputs).digest().equals(previous.digest());
  }

  private static Map<String, Set<String>> declaredParameters(GenerationResult result) {
    Map<String, Set<String>> declared = new LinkedHashMap<>();
    for (ModelSpec m : result.models()) {
      declared.put(m.name(), m.parameters().stream().map(HyperParameter::name).collect(Collectors.toSet()));
    }
    return declared;
  }

  private List<Path> scanRoots() {
    File dir = sourceDirectory();
    if (!dir.isDirectory()) {
      getLog().info("akorn: no model directory " + dir + ", nothing to generate");
      return List.of();
    }
    Scanner scanner = buildContext.newScanner(dir, true);
    scanner.setIncludes(includes.toArray(String[]::new));
    scanner.setExcludes(excludes.toArray(String[]::new));
    scanner.scan();
    Path base = dir.toPath().toAbsolutePath().normalize();
    return java.util.Arrays.stream(scanner.getIncludedFiles()).map(f -> base.resolve(f).normalize()).sorted().toList();
  }

  private List<Path> absolute(Set<Path> paths) {
    Path basedir = project.getBasedir().toPath();
    return paths.stream().map(p -> (p.isAbsolute() ? p : basedir.resolve(p)).normalize()).toList();
  }

  /** On the command line the default build context would only print each diagnostic again. */
  private boolean ideMarkers() {
    return legacyBuildContext == null
        || !legacyBuildContext.getClass().getName().equals("org.sonatype.plexus.build.incremental.DefaultBuildContext");
  }
}
