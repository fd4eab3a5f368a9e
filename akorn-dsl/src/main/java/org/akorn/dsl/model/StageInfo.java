package org.akorn.dsl.model;

import org.akorn.dsl.diag.SourceSpan;

/**
 * What every stage has: a display name ({@code "layer 1"}, or the user's name for heads), where
 * it was written, the inferred input and output shapes (no batch axis), its trainable parameter
 * count (fixed Omega or gamma are not trainable), and its multiply-accumulates: per Kuramoto step
 * for a {@link Stage.KuramotoLayer}, per forward pass for every other stage. MACs count
 * convolutions, linear maps, attention products and GTA rotations; elementwise work is not
 * counted.
 *
 * <p>For stages that act on the oscillators and the stimulus together (layers, transitions) the
 * shapes are those of x (equal to those of c).
 */
public record StageInfo(
    String name, SourceSpan span, Shape input, Shape output, long trainableParameters, long macs) {}
