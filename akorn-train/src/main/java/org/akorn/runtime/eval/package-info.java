/**
 * Evaluation of classifiers as in the paper's robustness experiments: input gradients ({@link
 * org.akorn.runtime.eval.InputGradients}), Gaussian noise, FGSM and PGD ({@link
 * org.akorn.runtime.eval.Perturbations}), expected calibration error ({@link
 * org.akorn.runtime.eval.Calibration}) and the whole suite with its report values ({@link
 * org.akorn.runtime.eval.RobustnessSuite}).
 */
package org.akorn.runtime.eval;
