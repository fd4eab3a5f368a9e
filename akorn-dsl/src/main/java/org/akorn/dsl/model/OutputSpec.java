package org.akorn.dsl.model;

import org.akorn.dsl.diag.SourceSpan;

/**
 * A named model output. {@code head} names the head for {@link OutputSource#HEAD}, else null.
 * {@code afterStage} is the number of stages that ran before the value is taken (outputs are
 * snapshots where they are written). Shape without batch; for {@link OutputSource#STATES} it is
 * one state's shape, for {@link OutputSource#ENERGIES} {@code [layers, T+1]} is not fixed and
 * the shape is {@code [1]} per step.
 */
public record OutputSpec(
    String name,
    OutputSource source,
    String head,
    Shape shape,
    int afterStage,
    String doc,
    SourceSpan span) {}
