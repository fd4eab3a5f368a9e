package org.akorn.runtime;

import org.akorn.runtime.nn.ArrayOp;
import org.akorn.runtime.nn.GeluMlp;
import org.akorn.runtime.nn.IteratedSelfAttention;
import org.akorn.runtime.nn.OpChain;
import org.akorn.runtime.nn.SinCosPosition;
import org.akorn.runtime.nn.Stage;
import org.akorn.runtime.weights.WeightMapping;

/**
 * The reference implementation's {@code state_dict} layouts of the three model families and the
 * Sudoku Transformer baselines, as
 * explicit mappings onto an {@link AkornNetwork} assembled like the reference model.
 */
public final class ReferenceLayouts {
  private ReferenceLayouts() {}

  /**
   * {@code source/models/sudoku/knet.py SudokuAKOrN}: {@code embedding}, {@code layers.<l>.0}
   * (KLayer), {@code layers.<l>.1} (read-out Sequential), {@code out} (ReLU, conv), {@code gamma};
   * the unused {@code x0} is ignored.
   */
  public static WeightMapping sudoku(AkornNetwork net) {
    WeightMapping.Builder b = WeightMapping.builder().add("embedding.", net.stem());
    for (int l = 0; l < net.stages().size(); l++) {
      Stage s = net.stages().get(l);
      b.add("layers." + l + ".0.", s.layer()).add("layers." + l + ".1.", s.readOut());
    }
    b.add("out.", net.head());
    gamma(net, b);
    b.ignore("x0", "declared by the reference Sudoku model but never used in forward");
    return b.build();
  }

  /**
   * {@code source/models/objs/knet.py AKOrN}: {@code patchfy.1} (conv after normalisation),
   * {@code layers.<l>.0} (KLayer), {@code layers.<l>.1} (a single ReadOutConv), {@code out}
   * (pool, Linear, ReLU, Linear), {@code gamma}.
   */
  public static WeightMapping objects(AkornNetwork net) {
    WeightMapping.Builder b = WeightMapping.builder().add("patchfy.1.", net.stem());
    for (int l = 0; l < net.stages().size(); l++) {
      Stage s = net.stages().get(l);
      b.add("layers." + l + ".0.", s.layer());
      OpChain ro = s.readOut();
      if (ro.ops().size() == 1) {
        b.add("layers." + l + ".1.", ro.ops().get(0));
      } else if (!ro.ops().isEmpty()) {
        throw new IllegalArgumentException(
            "the object-discovery layout has a single ReadOutConv per layer, stage "
                + l
                + " has "
                + ro.ops().size()
                + " read-out parts");
      }
    }
    b.add("out.", net.head());
    gamma(net, b);
    return b.build();
  }

  /**
   * {@code source/models/classification/knet.py AKOrN}: {@code conv0}, {@code layers.<l>.0.0}
   * and {@code layers.<l>.0.1} (the one transition conv under two names), {@code layers.<l>.2}
   * (KLayer), {@code layers.<l>.3} (read-out Sequential), {@code out} (Linear), {@code gamma}.
   */
  public static WeightMapping classification(AkornNetwork net) {
    WeightMapping.Builder b = WeightMapping.builder().add("conv0.", net.stem());
    for (int l = 0; l < net.stages().size(); l++) {
      Stage s = net.stages().get(l);
      if (s.transition() != null) {
        b.add("layers." + l + ".0.", s.transition());
      }
      b.add("layers." + l + ".2.", s.layer()).add("layers." + l + ".3.", s.readOut());
    }
    b.add("out.", net.head());
    gamma(net, b);
    return b.build();
  }

  /**
   * {@code source/models/sudoku/transformer.py SudokuTransformer}: {@code embedding}, {@code
   * pos_embed}, {@code transformer_encoder.<b>} (each an {@link IteratedSelfAttention} followed by
   * a {@link GeluMlp}), {@code out} (LayerNorm, Linear). The network is one stage without a
   * Kuramoto layer whose chain is the position table, then the blocks' units in order.
   */
  public static WeightMapping sudokuTransformer(AkornNetwork net) {
    WeightMapping.Builder b = WeightMapping.builder().add("embedding.", net.stem());
    if (net.stages().size() != 1 || net.stages().get(0).layer() != null) {
      throw new IllegalArgumentException("the Sudoku Transformer layout has one stage without a Kuramoto layer");
    }
    int block = 0;
    for (ArrayOp op : net.stages().get(0).readOut().ops()) {
      if (op instanceof SinCosPosition) {
        b.add("", op);
      } else if (op instanceof IteratedSelfAttention) {
        b.add("transformer_encoder." + block + ".", op);
      } else if (op instanceof GeluMlp) {
        b.add("transformer_encoder." + block++ + ".", op);
      } else {
        throw new IllegalArgumentException("the Sudoku Transformer layout has no place for " + op.getClass().getSimpleName());
      }
    }
    b.add("out.", net.head());
    return b.build();
  }

  private static void gamma(AkornNetwork net, WeightMapping.Builder b) {
    if (net.gamma() != null) {
      b.map("gamma", net.gamma());
    }
  }
}
