package org.akorn.maven;

import static com.google.common.truth.Truth.assertThat;

import java.io.File;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.akorn.dsl.diag.Diagnostic;
import org.akorn.dsl.diag.DiagnosticCode;
import org.akorn.dsl.diag.Severity;
import org.akorn.dsl.diag.SourceSpan;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.codehaus.plexus.build.BuildContext;
import org.junit.jupiter.api.Test;

class DiagnosticReporterTest {
  private final List<String> logged = new ArrayList<>();
  private final List<String> context = new ArrayList<>();

  private final Log log = new SystemStreamLog() {
    @Override
    public void error(CharSequence content) {
      logged.add("ERROR " + content);
    }

    @Override
    public void warn(CharSequence content) {
      logged.add("WARN " + content);
    }
  };

  private final BuildContext buildContext = (BuildContext) Proxy.newProxyInstance(
      BuildContext.class.getClassLoader(), new Class<?>[] {BuildContext.class}, (proxy, method, args) -> {
        switch (method.getName()) {
          case "addMessage" -> context.add("addMessage " + args[0] + " " + args[1] + ":" + args[2] + " " + args[3]
              + " severity=" + args[4]);
          case "removeMessages" -> context.add("removeMessages " + args[0]);
          default -> throw new AssertionError("unexpected call " + method.getName());
        }
        return null;
      });

  private static final String SOURCE = "model M {\n  layer {\n    channels = 30;\n  }\n}\n";
  private final Diagnostic error = Diagnostic.error(
      DiagnosticCode.DUPLICATE_NAME, new SourceSpan("/p/m.akorn", 3, 16, 3, 18), "model 'M' is already defined");

  @Test
  void logsHeadlineSourceLineAndCaretAndMarksTheFileInTheIde() {
    new DiagnosticReporter(log, buildContext, true, Path.of("/p")).report(List.of(error), Map.of("/p/m.akorn", SOURCE));

    assertThat(logged).containsExactly(
        "ERROR /p/m.akorn:3:16: error[E101]: model 'M' is already defined\n"
            + "        channels = 30;\n"
            + "                   ^");
    assertThat(context).containsExactly(
        "addMessage /p/m.akorn 3:16 error[E101]: model 'M' is already defined severity="
            + BuildContext.SEVERITY_ERROR);
  }

  @Test
  void warningsAreWarnings() {
    Diagnostic warning = new Diagnostic(Severity.WARNING, DiagnosticCode.DUPLICATE_NAME,
        new SourceSpan("rel/m.akorn", 1, 1, 1, 2), "just so");
    new DiagnosticReporter(log, buildContext, true, Path.of("/p")).report(List.of(warning), Map.of());

    assertThat(logged).containsExactly("WARN rel/m.akorn:1:1: warning[E101]: just so");
    assertThat(context).containsExactly(
        "addMessage " + new File("/p/rel/m.akorn") + " 1:1 warning[E101]: just so severity="
            + BuildContext.SEVERITY_WARNING);
  }

  @Test
  void onTheCommandLineOnlyTheLogGetsThem() {
    new DiagnosticReporter(log, buildContext, false, Path.of("/p")).report(List.of(error), Map.of());

    assertThat(logged).containsExactly("ERROR /p/m.akorn:3:16: error[E101]: model 'M' is already defined");
    assertThat(context).isEmpty();
  }

  @Test
  void clearRemovesOldMarkers() {
    new DiagnosticReporter(log, buildContext, true, Path.of("/p")).clear(List.of(Path.of("/p/a.akorn")));

    assertThat(context).containsExactly("removeMessages /p/a.akorn");
  }

  @Test
  void failureMessageCountsErrors() {
    assertThat(DiagnosticReporter.failureMessage(1)).isEqualTo("akorn: 1 error in model files");
    assertThat(DiagnosticReporter.failureMessage(2)).isEqualTo("akorn: 2 errors in model files");
  }
}
