package org.akorn.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates Java model classes from the {@code .akorn} files in {@code src/main/akorn} into
 * {@code target/generated-sources/akorn} and adds that directory to the compile source roots.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractGenerateMojo {
  /** The directory with the model files. */
  @Parameter(property = "akorn.sourceDirectory", defaultValue = "${project.basedir}/src/main/akorn")
  private File sourceDirectory;

  /** Where the generated Java sources go (added to the compile source roots). */
  @Parameter(property = "akorn.outputDirectory", defaultValue = "${project.build.directory}/generated-sources/akorn")
  private File outputDirectory;

  @Override
  protected File sourceDirectory() {
    return sourceDirectory;
  }

  @Override
  protected File outputDirectory() {
    return outputDirectory;
  }

  @Override
  protected String goal() {
    return "generate";
  }

  @Override
  protected String defaultOutputSubdirectory() {
    return "generated-sources/akorn";
  }

  @Override
  protected void addSourceRoot(MavenProject project, String path) {
    project.addCompileSourceRoot(path);
  }
}
