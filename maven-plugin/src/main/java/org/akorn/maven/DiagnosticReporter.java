package org.akorn.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.akorn.dsl.diag.Diagnostic;
import org.akorn.dsl.diag.DiagnosticFormatter;
import org.apache.maven.plugin.logging.Log;
import org.codehaus.plexus.build.BuildContext;

/**
 * Sends diagnostics to the Maven log (headline, source line, caret) and to the IDE through the
 * {@link BuildContext} (a marker at line:col), clearing the IDE's old markers first.
 */
final class DiagnosticReporter {
  private final Log log;
  private final BuildContext buildContext;
  private final boolean ideMarkers;
  private final Path basedir;

  /**
   * @param ideMarkers whether to hand diagnostics to the build context too; false on the command
   *     line, where the default build context would only print each one a second time
   */
  DiagnosticReporter(Log log, BuildContext buildContext, boolean ideMarkers, Path basedir) {
    this.log = log;
    this.buildContext = buildContext;
    this.ideMarkers = ideMarkers;
    this.basedir = basedir;
  }

  /** Removes the markers of a previous build from every file this build looks at. */
  void clear(Collection<Path> files) {
    for (Path f : files) {
      buildContext.removeMessages(f.toFile());
    }
  }

  void report(List<Diagnostic> diagnostics, Map<String, String> sources) {
    DiagnosticFormatter formatter = new DiagnosticFormatter(sources);
    for (Diagnostic d : diagnostics) {
      String text = formatter.format(d);
      if (d.isError()) {
        log.error(text);
      } else {
        log.warn(text);
      }
      if (ideMarkers) {
        buildContext.addMessage(
            fileOf(d),
            d.span().line(),
            d.span().column(),
            markerText(d),
            d.isError() ? BuildContext.SEVERITY_ERROR : BuildContext.SEVERITY_WARNING,
            null);
      }
    }
  }

  /** The headline without its {@code file:line:col: } prefix: {@code error[E200]: message}. */
  static String markerText(Diagnostic d) {
    return d.headline().substring(d.span().location().length() + 2);
  }

  private File fileOf(Diagnostic d) {
    Path p = Path.of(d.span().file());
    return (p.isAbsolute() ? p : basedir.resolve(p)).normalize().toFile();
  }

  /** "akorn: 1 error in model files", "akorn: 2 errors in model files". */
  static String failureMessage(long errors) {
    return "akorn: " + errors + (errors == 1 ? " error" : " errors") + " in model files";
  }
}
