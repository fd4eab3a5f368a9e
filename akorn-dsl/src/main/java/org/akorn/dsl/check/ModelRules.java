package org.akorn.dsl.check;

import java.util.List;
import org.akorn.dsl.diag.DiagnosticSink;
import org.akorn.dsl.model.ModelSpec;

/** Every rule, in the order their diagnostics are reported. */
public final class ModelRules {
  private static final List<ModelRule> ALL =
      List.of(
          new StepsAtLeastOne(),
          new GammaPositive(),
          new ChannelsDivisibleByN(),
          new OmegaNeedsEvenN(),
          new HeadsDivideChannels(),
          new GtaNeedsGrid(),
          new GtaNeedsEvenHeadDim(),
          new PatchDividesImage(),
          new KernelsAreOdd(),
          new GroupNormDividesChannels());

  private ModelRules() {}

  public static void checkAll(ModelSpec model, DiagnosticSink sink) {
    for (ModelRule rule : ALL) {
      rule.check(model, sink);
    }
  }
}
