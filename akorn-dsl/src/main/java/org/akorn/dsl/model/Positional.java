package org.akorn.dsl.model;

/** Positional treatment inside attention coupling: geometric transform attention or none. */
public enum Positional {
  GTA, NONE
}
