package org.akorn.dsl.model;

/** The type of a hyper-parameter. */
public enum ParamType {
  INT, FLOAT, BOOL, INT_LIST
}
