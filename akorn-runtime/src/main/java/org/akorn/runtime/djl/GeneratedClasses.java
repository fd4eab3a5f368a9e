package org.akorn.runtime.djl;

import ai.djl.repository.zoo.ModelNotFoundException;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.checkpoint.CheckpointMetadata;

/**
 * Finds the generated class a checkpoint belongs to and builds it from the checkpoint with the
 * class's own {@code fromCheckpoint(Path)}. The class is the Criteria argument {@code modelClass},
 * or the checkpoint's architecture in the package its {@code .akorn} source declares.
 */
final class GeneratedClasses {
  private static final Pattern PACKAGE = Pattern.compile(
      "(?m)^\\s*package\\s+([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*)\\s*;");

  private GeneratedClasses() {}

  /**
   * The qualified name of the class for {@code meta}.
   *
   * @throws ModelNotFoundException when the checkpoint carries no source and none is given
   */
  static String className(Path file, CheckpointMetadata meta, String modelClass)
      throws ModelNotFoundException {
    if (modelClass != null) {
      return modelClass;
    }
    if (meta.source() == null) {
      throw new ModelNotFoundException("checkpoint " + file + " of " + meta.architecture()
          + " carries no model source; name its generated class with the Criteria argument"
          + " modelClass");
    }
    String main = meta.source().files().get(meta.source().mainFile());
    Matcher m = PACKAGE.matcher(main);
    return m.find() ? m.group(1) + "." + meta.architecture() : meta.architecture();
  }

  /**
   * Builds the model {@code className} from {@code file}.
   *
   * @throws ModelNotFoundException when the class is not on the class path or is no model class
   */
  static AkornModel fromCheckpoint(String className, Path file)
      throws ModelNotFoundException, IOException {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    Class<?> type;
    try {
      type = Class.forName(className, true,
          loader == null ? GeneratedClasses.class.getClassLoader() : loader);
    } catch (ClassNotFoundException e) {
      throw new ModelNotFoundException("the generated class " + className + " of checkpoint "
          + file + " is not on the class path", e);
    }
    Method build;
    try {
      build = type.getMethod("fromCheckpoint", Path.class);
    } catch (NoSuchMethodException e) {
      throw new ModelNotFoundException(className + " is not a generated model class", e);
    }
    if (!Modifier.isStatic(build.getModifiers())
        || !AkornModel.class.isAssignableFrom(build.getReturnType())) {
      throw new ModelNotFoundException(className + " is not a generated model class");
    }
    try {
      return (AkornModel) build.invoke(null, file);
    } catch (IllegalAccessException e) {
      throw new ModelNotFoundException(className + " is not public", e);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(cause);
    }
  }
}
