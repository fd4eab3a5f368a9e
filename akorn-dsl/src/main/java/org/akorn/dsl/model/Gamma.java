package org.akorn.dsl.model;

/** The step size gamma of a layer: its initial value and whether it is a trainable parameter. */
public record Gamma(RealValue value, Flag learnable) {}
