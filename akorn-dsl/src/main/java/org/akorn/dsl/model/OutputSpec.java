package org.akorn.dsl.model;

import org.akorn.dsl.diag.SourceSpan;

/**
 * A named model output. {@code head} names the head for {@link OutputSource#HEAD}, else null.
 * {@code afterStage} is the number of stages that ran before the value is taken (outputs are
 * snapshots where they are written). {@code shape} is without the batch axis: for
 * {@link OutputSource#STATES} the shape of one state (the output is a list of T of them, for the
 * last layer before the output), for {@link OutputSource#ENERGIES} the empty shape {@code []} of
 * one energy (the output holds, per layer, T + 1 energies per sample with e_0 = 0).
 */
public record OutputSpec(
    String name,
    OutputSource source,
    String head,
    Shape shape,
    int afterStage,
    String doc,
    SourceSpan span) {}
