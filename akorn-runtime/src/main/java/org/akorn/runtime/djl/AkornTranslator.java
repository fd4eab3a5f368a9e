package org.akorn.runtime.djl;

import ai.djl.ndarray.NDList;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;

/**
 * A translator of one input and one output kind. DJL's stack batchifier puts examples together
 * along a new first axis and splits the outputs again, so {@code batchPredict} runs the model once
 * for the whole batch.
 */
final class AkornTranslator<I, O> implements Translator<I, O> {
  private final InputConverter<I> input;
  private final OutputConverter<O> output;

  AkornTranslator(InputConverter<I> input, OutputConverter<O> output) {
    this.input = input;
    this.output = output;
  }

  @Override
  public NDList processInput(TranslatorContext ctx, I in) {
    return input.toInputs(ctx.getNDManager(), in);
  }

  @Override
  public O processOutput(TranslatorContext ctx, NDList list) {
    return output.fromOutput(list.get(0));
  }
}
