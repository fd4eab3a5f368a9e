package org.akorn.codegen.compile;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.akorn.codegen.output.GeneratedFile;

/**
 * Compiles generated sources in memory with {@code javax.tools} ({@code -Xlint:all}) against a
 * class path, and loads the classes with a fresh class loader. Used by {@code akorn run} (so the
 * same generated classes are exercised) and by tests (which also require no warnings).
 */
public final class InMemoryJavaCompiler {
  private InMemoryJavaCompiler() {}

  /** What javac said, and the loader of the compiled classes (null when there were errors). */
  public record Result(List<String> errors, List<String> warnings, ClassLoader classLoader) {
    public Result {
      errors = List.copyOf(errors);
      warnings = List.copyOf(warnings);
    }

    public boolean succeeded() {
      return errors.isEmpty();
    }
  }

  /**
   * @param classPath the class path (e.g. {@code System.getProperty("java.class.path")})
   * @param parent the parent of the returned class loader (it must see the runtime classes)
   */
  public static Result compile(List<GeneratedFile> files, String classPath, ClassLoader parent) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      return new Result(List.of("no Java compiler available: run on a JDK, not a JRE"), List.of(), null);
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Map<String, ByteArrayOutputStream> classes = new HashMap<>();
    List<JavaFileObject> sources = new ArrayList<>();
    for (GeneratedFile f : files) {
      sources.add(new SimpleJavaFileObject(URI.create("string:///" + f.relativePath()), JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return f.content();
        }
      });
    }
    StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, null);
    JavaFileManager manager = new ForwardingJavaFileManager<>(standard) {
      @Override
      public JavaFileObject getJavaFileForOutput(
          Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
        return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
          @Override
          public OutputStream openOutputStream() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            classes.put(className, out);
            return out;
          }
        };
      }
    };
    List<String> options = List.of("-Xlint:all", "-proc:none", "-classpath", classPath);
    boolean ok = javac.getTask(null, manager, diagnostics, options, null, sources).call();
    List<String> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      String where = d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ";
      String text = where + d.getMessage(Locale.ROOT);
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(text);
      } else if (d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
        warnings.add(text);
      }
    }
    if (!ok || !errors.isEmpty()) {
      return new Result(errors.isEmpty() ? List.of("compilation failed") : errors, warnings, null);
    }
    Map<String, byte[]> bytes = new HashMap<>();
    classes.forEach((k, v) -> bytes.put(k, v.toByteArray()));
    return new Result(errors, warnings, new ClassLoader(parent) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b = bytes.get(name);
        if (b == null) {
          throw new ClassNotFoundException(name);
        }
        return defineClass(name, b, 0, b.length);
      }
    });
  }
}
