/**
 * Evaluation of classifiers as in the paper's robustness experiments: input gradients ({@link
 * org.akorn.runtime.eval.InputGradients}), Gaussian noise, FGSM and PGD ({@link
 * org.akorn.runtime.eval.Perturbations}), expected calibration error ({@link
 * org.akorn.runtime.eval.Calibration}) and the whole suite with its report values ({@link
 * org.akorn.runtime.eval.RobustnessSuite}); and AutoAttack-grade evaluation: APGD with the CE,
 * DLR and targeted DLR losses ({@link org.akorn.runtime.eval.Apgd}), the black-box Square attack
 * ({@link org.akorn.runtime.eval.SquareAttack}), robust accuracy as AutoAttack counts it ({@link
 * org.akorn.runtime.eval.RobustAccuracy}) over named attack sets ({@link
 * org.akorn.runtime.eval.AttackSets}), gradient-masking checks ({@link
 * org.akorn.runtime.eval.MaskingChecks}) and the whole evaluation under both threat models of a
 * randomized model ({@link org.akorn.runtime.eval.AutoAttackEvaluation}).
 */
package org.akorn.runtime.eval;
