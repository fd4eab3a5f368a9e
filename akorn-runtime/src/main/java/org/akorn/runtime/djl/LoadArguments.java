package org.akorn.runtime.djl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Criteria arguments ({@code Criteria.Builder.optArgument(name, value)}) an AKOrN checkpoint
 * is loaded and run with. Values may be given as text or as numbers and paths.
 *
 * @param checkpoint {@code checkpoint}: the checkpoint file (required)
 * @param modelClass {@code modelClass}: the generated class to load it into; when null, the class
 *     named by the package of the checkpoint's source and its architecture
 * @param output {@code output}: the model output the translators read; when null, the first
 *     declared output
 * @param steps {@code steps}: Kuramoto steps T of every layer at run time (test-time extension);
 *     when null, the model's own
 * @param votes {@code votes}: energy voting over K noise states, at least 1 (default 1: no vote)
 * @param seed {@code seed}: the seed of the initial noise (default 0); candidate k of a vote uses
 *     {@code seed + k}
 * @param classes {@code classes}: the class names of a classifier, comma-separated (default: the
 *     class indices)
 */
public record LoadArguments(Path checkpoint, String modelClass, String output, Integer steps,
    int votes, long seed, List<String> classes) {

  /** The argument that names the checkpoint file. */
  public static final String CHECKPOINT = "checkpoint";

  public LoadArguments {
    classes = classes == null ? null : List.copyOf(classes);
  }

  /**
   * Reads the arguments of a Criteria.
   *
   * @throws IllegalArgumentException naming the argument, for a value of the wrong kind
   */
  public static LoadArguments of(Map<String, ?> arguments) {
    Object file = arguments.get(CHECKPOINT);
    if (file == null) {
      throw new IllegalArgumentException("missing Criteria argument " + CHECKPOINT);
    }
    Path checkpoint = file instanceof Path p ? p : Path.of(file.toString());
    Integer steps = arguments.containsKey("steps") ? whole(arguments, "steps", 0) : null;
    int votes = arguments.containsKey("votes") ? whole(arguments, "votes", 1) : 1;
    long seed = arguments.containsKey("seed") ? seed(arguments.get("seed")) : 0L;
    return new LoadArguments(checkpoint, text(arguments, "modelClass"), text(arguments, "output"),
        steps, votes, seed, classes(arguments.get("classes")));
  }

  private static String text(Map<String, ?> arguments, String name) {
    Object v = arguments.get(name);
    return v == null ? null : v.toString().strip();
  }

  private static int whole(Map<String, ?> arguments, String name, int min) {
    String text = arguments.get(name).toString().strip();
    int value;
    try {
      value = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Criteria argument " + name + ": expected a whole number, got '" + text + "'");
    }
    if (value < min) {
      throw new IllegalArgumentException(
          "Criteria argument " + name + ": expected at least " + min + ", got " + value);
    }
    return value;
  }

  private static long seed(Object value) {
    String text = value.toString().strip();
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Criteria argument seed: expected a whole number, got '" + text + "'");
    }
  }

  /** Class names given as a list or as comma-separated text; null when not given. */
  static List<String> classes(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(Object::toString).toList();
    }
    List<String> out = new ArrayList<>();
    for (String part : value.toString().split(",", -1)) {
      out.add(part.strip());
    }
    return out;
  }
}
