package org.akorn.dsl.model;

/**
 * Natural frequency of a layer. The initial 2-vector is init/sqrt(2) * (1, 1); with
 * {@code learnable} off it is a fixed buffer. For {@link OmegaKind#NONE}, init and learnable are
 * meaningless defaults.
 */
public record Omega(OmegaKind kind, RealValue init, Flag learnable) {}
