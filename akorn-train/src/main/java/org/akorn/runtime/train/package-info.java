/**
 * Training support for any DJL {@link ai.djl.nn.Block}: a PyTorch-exact Adam ({@link
 * org.akorn.runtime.train.AdamOptimizer}), clipping by the global gradient norm ({@link
 * org.akorn.runtime.train.GradientClipping}), an exponential moving average of the weights for
 * evaluation with ema_pytorch's semantics ({@link org.akorn.runtime.train.WeightEma}, {@link
 * org.akorn.runtime.train.EmaSettings}) and batch-norm re-estimation for it ({@link
 * org.akorn.runtime.train.BatchNormEstimation}), a one-call training step ({@link
 * org.akorn.runtime.train.BlockTrainer}), the one training loop ({@link
 * org.akorn.runtime.train.TrainingLoop}) with the reference's settings per head ({@link
 * org.akorn.runtime.train.TrainingDefaults}) and augmented batches ({@link
 * org.akorn.runtime.train.AugmentedBatches}), and energy-based voting over noise samples at
 * inference ({@link org.akorn.runtime.train.EnergyVoting}) or by confidence ({@link
 * org.akorn.runtime.train.ConfidenceVoting}; both in akorn-runtime, as inference uses them).
 *
 * <p>Native memory: every step and every voting candidate runs inside an {@link
 * ai.djl.ndarray.NDScope}; only long-lived state (weights, optimizer moments, EMA copies) outlives
 * it, so the number of open native arrays stays constant over any number of steps.
 */
package org.akorn.runtime.train;
