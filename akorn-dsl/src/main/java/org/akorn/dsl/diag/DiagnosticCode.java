package org.akorn.dsl.diag;

/**
 * Every kind of problem the front end reports. The ids ({@code E001}, ...) are stable: they appear
 * in messages, and tools may filter on them. Never renumber; add new codes at the end of a group.
 */
public enum DiagnosticCode {
  // 0xx: reading files
  SYNTAX("E001"),
  FILE_NOT_READABLE("E002"),

  // 1xx: names, types and properties
  UNKNOWN_NAME("E100"),
  DUPLICATE_NAME("E101"),
  UNKNOWN_PROPERTY("E102"),
  DUPLICATE_PROPERTY("E103"),
  MISSING_PROPERTY("E104"),
  WRONG_TYPE("E105"),
  UNKNOWN_STAGE_KIND("E106"),
  UNKNOWN_OPTION("E107"),
  INTEGER_OVERFLOW("E108"),
  DIVISION_BY_ZERO("E109"),
  INDEX_OUT_OF_RANGE("E110"),
  BAD_OVERRIDE("E111"),
  VALUE_NOT_POSITIVE("E112"),
  INVALID_INPUT("E113"),
  UNKNOWN_MODEL("E114"),
  TOO_MANY_REPETITIONS("E115"),

  // 2xx: model structure and shapes
  CHANNELS_NOT_DIVISIBLE_BY_N("E200"),
  OMEGA_NEEDS_EVEN_N("E201"),
  HEADS_DO_NOT_DIVIDE_CHANNELS("E202"),
  GTA_NEEDS_GRID("E203"),
  GTA_NEEDS_EVEN_HEAD_DIM("E204"),
  PATCH_DOES_NOT_DIVIDE_IMAGE("E205"),
  EVEN_KERNEL("E206"),
  SHAPE_MISMATCH("E207"),
  STEPS_BELOW_ONE("E208"),
  GAMMA_NOT_POSITIVE("E209"),
  GROUPS_DO_NOT_DIVIDE_CHANNELS("E210"),
  MISSING_STAGE("E211"),
  STAGE_OUT_OF_ORDER("E212"),
  VOCAB_TOO_SMALL("E213"),
  CONV_NEEDS_GRID("E214"),
  POSITION_CHANNELS("E215"),

  // 3xx: imports and blocks
  IMPORT_CYCLE("E300"),
  IMPORT_NOT_FOUND("E301"),
  BLOCK_CYCLE("E302"),

  // 4xx: Java code generation
  INVALID_JAVA_NAME("E400"),
  JAVA_NAME_CLASH("E401"),
  NOT_GENERATABLE("E402");

  private final String id;

  DiagnosticCode(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
