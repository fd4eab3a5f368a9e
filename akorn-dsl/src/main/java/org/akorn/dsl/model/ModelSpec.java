package org.akorn.dsl.model;

import java.util.List;
import java.util.Optional;
import org.akorn.dsl.diag.SourceSpan;

/**
 * A linked, checked model: everything a code generator needs and nothing it has to compute.
 *
 * <ul>
 *   <li>{@code name}, {@code packageName} (may be empty), {@code doc} (the model's doc comment
 *       text, for Javadoc), {@code sourceFile} (as given to the compiler);
 *   <li>{@code inputs} in declaration order, {@code parameters} (hyper-parameters with defaults
 *       and effective values);
 *   <li>{@code stages}: the forward pass, fully unrolled ({@code repeat} expanded, {@code use}d
 *       blocks inlined); see {@link Stage} for what each does. Every number is an
 *       {@link IntValue}/{@link RealValue}/{@link Flag} holding the concrete value and the
 *       {@link Expr} over hyper-parameter names it came from;
 *   <li>{@code outputs}: the named results.
 * </ul>
 *
 * Immutable. Totals are derived from the stages.
 */
public record ModelSpec(
    String name,
    String packageName,
    String doc,
    String sourceFile,
    SourceSpan span,
    List<InputSpec> inputs,
    List<HyperParameter> parameters,
    List<Stage> stages,
    List<OutputSpec> outputs) {

  public ModelSpec {
    inputs = List.copyOf(inputs);
    parameters = List.copyOf(parameters);
    stages = List.copyOf(stages);
    outputs = List.copyOf(outputs);
  }

  /** Sum of the stages' trainable parameters. */
  public long trainableParameters() {
    return stages.stream().mapToLong(s -> s.info().trainableParameters()).sum();
  }

  /** Sum of the stages' MACs (Kuramoto layers counted for one step each). */
  public long macs() {
    return stages.stream().mapToLong(s -> s.info().macs()).sum();
  }

  /** The Kuramoto layers in order. */
  public List<Stage.KuramotoLayer> layers() {
    return stages.stream()
        .filter(Stage.KuramotoLayer.class::isInstance)
        .map(Stage.KuramotoLayer.class::cast)
        .toList();
  }

  public Optional<InputSpec> input(String inputName) {
    return inputs.stream().filter(i -> i.name().equals(inputName)).findFirst();
  }

  public Optional<HyperParameter> parameter(String paramName) {
    return parameters.stream().filter(p -> p.name().equals(paramName)).findFirst();
  }

  /** The fully qualified Java-style name, {@code package.Name} or {@code Name}. */
  public String qualifiedName() {
    return packageName.isEmpty() ? name : packageName + "." + name;
  }
}
