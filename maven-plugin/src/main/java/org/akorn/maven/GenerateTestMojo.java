package org.akorn.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates Java model classes from the {@code .akorn} files in {@code src/test/akorn} into
 * {@code target/generated-test-sources/akorn} and adds that directory to the test source roots.
 */
@Mojo(name = "generate-test", defaultPhase = LifecyclePhase.GENERATE_TEST_SOURCES, threadSafe = true)
public class GenerateTestMojo extends AbstractGenerateMojo {
  /** The directory with the test model files. */
  @Parameter(property = "akorn.testSourceDirectory", defaultValue = "${project.basedir}/src/test/akorn")
  private File testSourceDirectory;

  /** Where the generated test sources go (added to the test compile source roots). */
  @Parameter(property = "akorn.testOutputDirectory",
      defaultValue = "${project.build.directory}/generated-test-sources/akorn")
  private File testOutputDirectory;

  /** No test sources are compiled, so none are generated either. */
  @Parameter(property = "maven.test.skip", defaultValue = "false")
  private boolean skipTestCompilation;

  @Override
  protected boolean skipped() {
    return skipTestCompilation;
  }

  @Override
  protected File sourceDirectory() {
    return testSourceDirectory;
  }

  @Override
  protected File outputDirectory() {
    return testOutputDirectory;
  }

  @Override
  protected String goal() {
    return "generate-test";
  }

  @Override
  protected String defaultOutputSubdirectory() {
    return "generated-test-sources/akorn";
  }

  @Override
  protected void addSourceRoot(MavenProject project, String path) {
    project.addTestCompileSourceRoot(path);
  }
}
