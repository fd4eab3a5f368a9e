/**
 * Import of reference PyTorch {@code state_dict}s saved as {@code .npz}: {@link
 * org.akorn.runtime.weights.StateDict} reads them, {@link org.akorn.runtime.weights.WeightMapping}
 * maps reference keys to DJL parameters (explicitly ignored keys included) and imports all or
 * nothing, reporting every missing, unexpected and wrongly shaped tensor in one {@link
 * org.akorn.runtime.weights.WeightImportException}.
 */
package org.akorn.runtime.weights;
