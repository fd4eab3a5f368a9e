/**
 * Scoring object discovery: FG-ARI and MBO as the paper's reference computes them, k-means and
 * average-linkage clustering of per-patch features, nearest-neighbour upsampling of the labels,
 * the pixel-colour-and-position baseline, the evaluation of a network's last read-out ({@link
 * org.akorn.runtime.eval.segmentation.ObjectDiscoveryEvaluation}).
 */
package org.akorn.runtime.eval.segmentation;
