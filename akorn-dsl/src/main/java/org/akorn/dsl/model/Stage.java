package org.akorn.dsl.model;

/**
 * One step of a model's forward pass, fully resolved: repetitions unrolled, blocks expanded,
 * every number concrete (with its source {@link Expr}). Stages run in list order over two
 * tensors, the stimulus {@code c} and the oscillators {@code x}:
 *
 * <ul>
 *   <li>stems make {@code c} from an input;
 *   <li>{@link InitialState} makes the first {@code x};
 *   <li>{@link KuramotoLayer} runs T steps on {@code x} under {@code c}; afterwards {@code x} is
 *       the last state;
 *   <li>{@link ReadoutConv} maps {@code x} to a new {@code c}; {@link FeedForward} (residual) and
 *       {@link NormReluConv} then transform {@code c} (in a model without Kuramoto layers they
 *       follow the stem directly: {@code features = ...});
 *   <li>{@link LayerNorm}, {@link SelfAttention}, {@link GeluMlp} and {@link SinCosPosition}
 *       transform {@code c} as a Transformer's units do ({@code features = ...});
 *   <li>{@link Transition} applies one strided conv to both {@code x} and {@code c};
 *   <li>{@link NextState} replaces {@code x} before the next layer;
 *   <li>heads read {@code c} and produce a named result.
 * </ul>
 */
public sealed interface Stage {
  StageInfo info();

  /** c = Embedding(vocab, dim)(input), laid out as {@code [dim, H, W]}. */
  record EmbeddingStem(StageInfo info, String input, IntValue vocab, IntValue dim)
      implements Stage {}

  /**
   * c = Conv2d(C_in, channels, kernel = stride = patch, padding 0, bias)(normalised input); when
   * {@code normalize} is on the input is first mapped by (x - 0.5) / 0.5.
   */
  record PatchifyStem(
      StageInfo info, String input, IntValue patch, IntValue channels, Flag normalize)
      implements Stage {}

  /** c = Conv2d(C_in, channels, kernel, stride 1, padding kernel/2, bias on/off)(input, normalised). */
  record ConvStem(
      StageInfo info, String input, IntValue channels, IntValue kernel, Flag bias, Flag normalize)
      implements Stage {}

  /** c = the raw stimulus input itself. */
  record IdentityStem(StageInfo info, String input) implements Stage {}

  /**
   * The first x: Gaussian noise shaped like c; with {@code clampMask} set, x = c on cells where
   * the mask is true (clue cells) and noise elsewhere; {@link InitKind#LEARNED} a learnable
   * tensor shaped like c; {@link InitKind#GIVEN} the input named {@code stateInput}.
   */
  record InitialState(StageInfo info, InitKind kind, String clampMask, String stateInput)
      implements Stage {}

  /**
   * A Kuramoto layer (DESIGN.md): C/n oscillators of dimension n, T steps of
   * x = normalize(x + gamma * (Omega(x) + proj(J(x) + c_norm(c)))).
   *
   * @param index zero-based index among the model's Kuramoto layers
   * @param omega with {@link OmegaKind#NONE} the reference's identity quirk applies (dx = x + y)
   */
  record KuramotoLayer(
      StageInfo info,
      int index,
      IntValue n,
      IntValue channels,
      IntValue steps,
      Gamma gamma,
      Coupling coupling,
      Omega omega,
      StimulusNorm stimulusNorm,
      Flag projection)
      implements Stage {}

  /**
   * c = ReadOutConv(C_in -> channels, group N, kernel, padding kernel/2)(x): a conv to
   * channels*N, the L2 norm over each consecutive group of N, plus a bias per output channel.
   */
  record ReadoutConv(StageInfo info, IntValue groupSize, IntValue kernel, IntValue channels)
      implements Stage {}

  /**
   * c = c + [norm, ReLU, conv(C -> hidden, kernel)] then [norm, ReLU, conv(hidden -> C, kernel)];
   * padding kernel/2, convs with bias.
   */
  record FeedForward(StageInfo info, IntValue hidden, IntValue kernel, BlockNorm norm)
      implements Stage {}

  /** c = conv(C -> channels, kernel, stride, padding kernel/2, bias)(ReLU(norm(c))). */
  record NormReluConv(StageInfo info, IntValue kernel, BlockNorm norm, IntValue channels,
      IntValue stride) implements Stage {}

  /**
   * One Conv2d(C -> channels, kernel, stride, padding kernel/2, bias), the same module applied to
   * x and to c.
   */
  record Transition(StageInfo info, IntValue kernel, IntValue stride, IntValue channels)
      implements Stage {}

  /** Replaces x before the next layer (default after a layer is its last state). */
  record NextState(StageInfo info, NextStateSource source) implements Stage {}

  /** c = LayerNorm(C)(c): over the channels of every position, eps 1e-5, learnable scale and bias. */
  record LayerNorm(StageInfo info) implements Stage {}

  /**
   * {@code steps} times {@code c = c + Attention(norm(c))} with one set of weights (T = 1: a
   * Transformer's attention sub-layer; T > 1: iterated self-attention, ItrSA). Attention: Linear
   * W_qkv (C -> 3C) and W_o (C -> C) on every position, heads taking channels head-fastest, scale
   * 1/sqrt(C/heads), optionally GTA on the grid ({@code grid} null for tokens). With {@code latent}
   * NOISE the first iteration attends over c plus Gaussian noise z: {@code c + Attention(norm(c +
   * z))}.
   */
  record SelfAttention(StageInfo info, IntValue heads, IntValue steps, Positional positional, TokenNorm norm,
      Shape grid, AttentionLatent latent) implements Stage {}

  /** c = c + Linear(hidden -> C)(GELU(Linear(C -> hidden)(norm(c)))) on every position. */
  record GeluMlp(StageInfo info, IntValue hidden, TokenNorm norm) implements Stage {}

  /**
   * c = c + P: a {@code [H*W, C]} table initialised with the 2-D sin/cos encoding (the first half of
   * the channels encodes the column, the second half the row), learnable or fixed.
   */
  record SinCosPosition(StageInfo info, Flag learnable) implements Stage {}

  /** Global pool (avg | max) of c, then Linear(C -> classes). Output {@code [classes]}. */
  record PooledClassifier(StageInfo info, Pool pool, IntValue classes) implements Stage {}

  /**
   * A linear map C -> classes per cell of c, laid out per cell: output {@code [H, W, classes]};
   * {@code input} (written {@code pre = relu | layer_norm}) says what comes first: ReLU (then a 1x1 conv) or LayerNorm (then a Linear).
   */
  record CellClassifier(StageInfo info, IntValue classes, CellHeadInput input) implements Stage {}

  /** Global pool of c, Linear(C -> hidden), ReLU, Linear(hidden -> features). */
  record PooledMlp(StageInfo info, Pool pool, IntValue hidden, IntValue features)
      implements Stage {}

  /** True for the three head kinds, whose {@link StageInfo#name()} is the head's name. */
  default boolean isHead() {
    return this instanceof PooledClassifier || this instanceof CellClassifier || this instanceof PooledMlp;
  }
}
