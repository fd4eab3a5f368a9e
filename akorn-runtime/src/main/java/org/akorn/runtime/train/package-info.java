/**
 * Training support for any DJL {@link ai.djl.nn.Block}: a PyTorch-exact Adam ({@link
 * org.akorn.runtime.train.AdamOptimizer}), clipping by the global gradient norm ({@link
 * org.akorn.runtime.train.GradientClipping}), an exponential moving average of the weights for
 * evaluation ({@link org.akorn.runtime.train.WeightEma}), a one-call training step ({@link
 * org.akorn.runtime.train.BlockTrainer}) and energy-based voting over noise samples at inference
 * ({@link org.akorn.runtime.train.EnergyVoting}) or by confidence ({@link
 * org.akorn.runtime.train.ConfidenceVoting}).
 *
 * <p>Native memory: every step and every voting candidate runs inside an {@link
 * ai.djl.ndarray.NDScope}; only long-lived state (weights, optimizer moments, EMA copies) outlives
 * it, so the number of open native arrays stays constant over any number of steps.
 */
package org.akorn.runtime.train;
