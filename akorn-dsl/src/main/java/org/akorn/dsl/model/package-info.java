/**
 * The linked, checked model that code generators read — and the only thing they read.
 *
 * <p>{@link org.akorn.dsl.model.ModelSpec} holds a model's name, package, doc comment, source
 * file, {@link org.akorn.dsl.model.InputSpec inputs}, {@link org.akorn.dsl.model.HyperParameter
 * hyper-parameters}, the fully unrolled list of {@link org.akorn.dsl.model.Stage stages} and the
 * named {@link org.akorn.dsl.model.OutputSpec outputs}. Every stage has a
 * {@link org.akorn.dsl.model.StageInfo} with inferred input/output shapes (no batch axis), its
 * trainable parameter count and its MACs. Every number is an {@link org.akorn.dsl.model.IntValue},
 * {@link org.akorn.dsl.model.RealValue} or {@link org.akorn.dsl.model.Flag}: the concrete value,
 * the {@link org.akorn.dsl.model.Expr} over hyper-parameter names it came from (emit that to keep
 * the generated builder's parameters live), and its source position.
 *
 * <p>All types are immutable records or enums. A {@code ModelSpec} handed out by
 * {@link org.akorn.dsl.AkornCompiler#check} is free of errors.
 */
package org.akorn.dsl.model;
