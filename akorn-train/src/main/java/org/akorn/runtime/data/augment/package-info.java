/**
 * Image augmentations for training, with torchvision's formulas: the deterministic operations
 * ({@link org.akorn.runtime.data.augment.ImageOps}), the random ones that draw their parameters
 * from a seeded generator ({@link org.akorn.runtime.data.augment.RandomFlip}, {@link
 * org.akorn.runtime.data.augment.RandomResizedCrop}, {@link
 * org.akorn.runtime.data.augment.ColorJitter}, {@link org.akorn.runtime.data.augment.AugMix}),
 * and the recipes a run may choose ({@link org.akorn.runtime.data.augment.Augmentations}: none, or
 * the reference's strong one).
 */
package org.akorn.runtime.data.augment;
