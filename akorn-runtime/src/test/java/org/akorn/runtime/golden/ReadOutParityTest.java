package org.akorn.runtime.golden;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import org.akorn.runtime.nn.FeatureNorm;
import org.akorn.runtime.nn.OpChain;
import org.akorn.runtime.nn.ReadOuts;
import org.akorn.runtime.weights.WeightMapping;
import org.junit.jupiter.api.Test;

class ReadOutParityTest {

  @Test
  void batchNormReadOutInEvalModeMatchesReference() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Golden g = new Golden(manager, "readout_bn_eval");
      OpChain chain = ReadOuts.full(16, 2, 3, FeatureNorm.BATCH);
      NDArray x = g.get("in.x");
      chain.initialize(manager, DataType.FLOAT32, x.getShape());
      WeightMapping mapping = WeightMapping.builder().add("", chain).build();
      mapping.importFrom(g.stateDict());
      NDArray y = chain.apply(new ParameterStore(manager, false), x, false);
      g.assertForward("y", y, "out.y");
      g.report();
    }
  }
}
