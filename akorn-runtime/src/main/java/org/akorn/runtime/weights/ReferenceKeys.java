package org.akorn.runtime.weights;

/**
 * A block that knows how the reference PyTorch implementation names its tensors.
 *
 * <p>Implementations report, relative to a prefix, every reference {@code state_dict} key they
 * hold a DJL {@link ai.djl.nn.Parameter} for, and every key the reference has that they
 * deliberately do not import.
 */
public interface ReferenceKeys {

  /**
   * Reports this block's reference keys.
   *
   * @param prefix the reference key prefix of this block (e.g. {@code "layers.0.0."}), may be empty
   * @param mapping the mapping under construction
   */
  void collectReferenceKeys(String prefix, WeightMapping.Builder mapping);
}
