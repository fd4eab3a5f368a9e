/**
 * DJL blocks of AKOrN models.
 *
 * <ul>
 *   <li>{@link org.akorn.runtime.nn.KuramotoLayer}: T oscillator updates with pluggable coupling
 *       ({@link org.akorn.runtime.nn.Conv2dBlock}, {@link org.akorn.runtime.nn.GtaAttention} with or
 *       without GTA, {@link org.akorn.runtime.nn.DenseConnectivity}), {@link
 *       org.akorn.runtime.nn.OmegaTerm}, stimulus norms ({@link org.akorn.runtime.nn.GroupNorm},
 *       {@link org.akorn.runtime.nn.ScaleAndBias}), projection, energies.
 *   <li>Read-outs: {@link org.akorn.runtime.nn.ReadOutConv}, {@link
 *       org.akorn.runtime.nn.ResidualFeedForward}, {@link org.akorn.runtime.nn.NormReluConv},
 *       chained by {@link org.akorn.runtime.nn.OpChain} ({@link org.akorn.runtime.nn.ReadOuts}).
 *   <li>Stems: {@link org.akorn.runtime.nn.EmbeddingStem}, {@link org.akorn.runtime.nn.ConvStem}
 *       (also patchify). Heads: {@link org.akorn.runtime.nn.PooledLinearHead}, {@link
 *       org.akorn.runtime.nn.PooledMlpHead}, {@link org.akorn.runtime.nn.CellHead}. Transition:
 *       {@link org.akorn.runtime.nn.SharedTransition}. Initial states: {@link
 *       org.akorn.runtime.nn.InitialState}.
 * </ul>
 *
 * <p>Every block implements {@link org.akorn.runtime.weights.ReferenceKeys}: it reports the
 * reference {@code state_dict} keys of its parameters relative to a prefix.
 */
package org.akorn.runtime.nn;
