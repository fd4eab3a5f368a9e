package org.akorn.dsl.link;

import java.util.Map;
import org.akorn.dsl.model.InputKind;

/** The words for input kinds in source and in messages. */
public final class InputKinds {
  static final Map<String, InputKind> BY_WORD =
      Map.of(
          "float", InputKind.FLOAT_IMAGE,
          "int", InputKind.INT_GRID,
          "bool", InputKind.BOOL_MASK,
          "stimulus", InputKind.RAW_STIMULUS,
          "state", InputKind.RAW_STATE);

  private InputKinds() {}

  public static String describe(InputKind kind) {
    return switch (kind) {
      case FLOAT_IMAGE -> "a float image";
      case INT_GRID -> "an int grid";
      case BOOL_MASK -> "a bool mask";
      case RAW_STIMULUS -> "a raw stimulus";
      case RAW_STATE -> "a raw oscillator state";
    };
  }
}
