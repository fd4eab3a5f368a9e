package org.akorn.runtime.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.NormalInitializer;

/** Small deterministic models for training tests. */
final class TinyModels {
  private TinyModels() {}

  /** Conv2d(1 -> 4, 3x3) -> ReLU -> flatten -> Linear(10), initialised for [B, 1, 8, 8]. */
  static Block convNet(NDManager manager, long seed, int batch) {
    SequentialBlock net =
        new SequentialBlock()
            .add(Conv2d.builder().setFilters(4).setKernelShape(new Shape(3, 3)).build())
            .add(Activation::relu)
            .add(Blocks.batchFlattenBlock())
            .add(Linear.builder().setUnits(10).build());
    net.setInitializer(new NormalInitializer(0.1f), ai.djl.nn.Parameter.Type.WEIGHT);
    manager.getEngine().setRandomSeed((int) seed);
    net.initialize(manager, DataType.FLOAT32, new Shape(batch, 1, 8, 8));
    return net;
  }

  /** Linear(units, no bias) initialised for [B, inputs]. */
  static Block linear(NDManager manager, int inputs, int units) {
    Block linear = Linear.builder().setUnits(units).optBias(false).build();
    linear.initialize(manager, DataType.FLOAT32, new Shape(1, inputs));
    return linear;
  }
}
