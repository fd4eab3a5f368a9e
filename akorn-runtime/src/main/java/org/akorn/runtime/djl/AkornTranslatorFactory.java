package org.akorn.runtime.djl;

import ai.djl.Model;
import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDList;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorFactory;
import ai.djl.util.Pair;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The ready translators for the shipped heads, by input and output type:
 *
 * <ul>
 *   <li>classifier: {@code NDList} (the model's inputs) or a float image {@code float[C][H][W]}
 *       to {@link Classifications} (softmax of the logits; names from the argument {@code
 *       classes});
 *   <li>cell classifier: a Sudoku board {@code int[S][S]} (0 = blank) to the solved board {@code
 *       int[S][S]} (the most likely digit of every cell);
 *   <li>features: {@code NDList} or {@code float[C][H][W]} to {@code float[]} (the output,
 *       flattened).
 * </ul>
 */
public final class AkornTranslatorFactory implements TranslatorFactory {

  private final Map<Pair<Type, Type>, Function<Map<String, ?>, Translator<?, ?>>> translators =
      new LinkedHashMap<>();

  public AkornTranslatorFactory() {
    add(NDList.class, Classifications.class, a -> new AkornTranslator<>(InputConverter.arrays(),
        OutputConverter.classifications(classes(a))));
    add(float[][][].class, Classifications.class, a -> new AkornTranslator<>(
        InputConverter.image(), OutputConverter.classifications(classes(a))));
    add(int[][].class, int[][].class,
        a -> new AkornTranslator<>(InputConverter.board(), OutputConverter.board()));
    add(NDList.class, float[].class,
        a -> new AkornTranslator<>(InputConverter.arrays(), OutputConverter.features()));
    add(float[][][].class, float[].class,
        a -> new AkornTranslator<>(InputConverter.image(), OutputConverter.features()));
  }

  private void add(Type input, Type output, Function<Map<String, ?>, Translator<?, ?>> create) {
    translators.put(new Pair<>(input, output), create);
  }

  private static List<String> classes(Map<String, ?> arguments) {
    return arguments == null ? null : LoadArguments.classes(arguments.get("classes"));
  }

  @Override
  public Set<Pair<Type, Type>> getSupportedTypes() {
    return new LinkedHashSet<>(translators.keySet());
  }

  @Override
  @SuppressWarnings("unchecked")
  public <I, O> Translator<I, O> newInstance(Class<I> input, Class<O> output, Model model,
      Map<String, ?> arguments) throws TranslateException {
    Function<Map<String, ?>, Translator<?, ?>> create =
        translators.get(new Pair<Type, Type>(input, output));
    if (create == null) {
      throw new TranslateException("no AKOrN translator from " + input.getTypeName() + " to "
          + output.getTypeName() + "; there are " + describe());
    }
    return (Translator<I, O>) create.apply(arguments);
  }

  /** The supported pairs, e.g. {@code (int[][] -> int[][])}. */
  String describe() {
    StringBuilder sb = new StringBuilder();
    for (Pair<Type, Type> p : translators.keySet()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append('(').append(p.getKey().getTypeName()).append(" -> ")
          .append(p.getValue().getTypeName()).append(')');
    }
    return sb.toString();
  }
}
