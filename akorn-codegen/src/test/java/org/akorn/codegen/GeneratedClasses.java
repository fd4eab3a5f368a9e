package org.akorn.codegen;

import static com.google.common.truth.Truth.assertWithMessage;

import org.akorn.codegen.compile.InMemoryJavaCompiler;
import org.akorn.runtime.AkornModel;

/** The examples' generated classes, compiled once per test JVM and loaded. */
public final class GeneratedClasses {
  private static ClassLoader loader;

  private GeneratedClasses() {}

  static synchronized ClassLoader loader() {
    if (loader == null) {
      GenerationResult r = Examples.generateAll();
      assertWithMessage(r.render()).that(r.hasErrors()).isFalse();
      InMemoryJavaCompiler.Result c = InMemoryJavaCompiler.compile(
          r.files(), System.getProperty("java.class.path"), GeneratedClasses.class.getClassLoader());
      assertWithMessage("compile errors").that(c.errors()).isEmpty();
      loader = c.classLoader();
    }
    return loader;
  }

  /** {@code <qualifiedName>.builder().build()} of a generated class. */
  static AkornModel build(String qualifiedName) throws ReflectiveOperationException {
    Class<?> type = loader().loadClass(qualifiedName);
    Object builder = type.getMethod("builder").invoke(null);
    return (AkornModel) builder.getClass().getMethod("build").invoke(builder);
  }

  /** Calls a public no-argument method of a generated object. */
  static Object call(Object target, String method) throws ReflectiveOperationException {
    return target.getClass().getMethod(method).invoke(target);
  }
}
