package org.akorn.runtime.nn;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.Pair;
import org.akorn.runtime.weights.ReferenceKeys;

/**
 * Base class of the runtime's blocks. Every parameter shape is fixed by the block's
 * hyper-parameters at construction, so children are initialised independently of the input
 * shapes and {@link #initialize} may be given the shapes of the block's real input.
 */
public abstract class AkornBlock extends AbstractBlock implements ReferenceKeys {

  protected AkornBlock() {
    super((byte) 1);
  }

  @Override
  protected void initializeChildBlocks(
      NDManager manager, DataType dataType, Shape... inputShapes) {
    for (Pair<String, Block> child : children) {
      child.getValue().initialize(manager, dataType, inputShapes);
    }
  }

  /** Creates a parameter with a fixed shape and initialiser. */
  protected static Parameter param(
      String name, Parameter.Type type, Shape shape, Initializer init, boolean trainable) {
    return Parameter.builder()
        .setName(name)
        .setType(type)
        .optShape(shape)
        .optInitializer(init)
        .optRequiresGrad(trainable)
        .build();
  }
}
