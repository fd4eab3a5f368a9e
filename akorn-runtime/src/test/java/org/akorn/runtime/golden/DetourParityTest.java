package org.akorn.runtime.golden;

import static com.google.common.truth.Truth.assertThat;

import org.akorn.runtime.engine.ConvolutionPath;
import org.akorn.runtime.engine.EngineChecks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The golden fixtures whose convolutions have channel counts that are not multiples of 16 (the
 * stem's 3 input channels, 8-channel layers) and the attention ones (1x1 convolutions), with each
 * convolution detour forced: on every machine the detours reproduce the reference, forward within
 * 1e-4 and gradients within 1e-3 as always.
 */
class DetourParityTest {

  @ParameterizedTest
  @EnumSource(
      value = ConvolutionPath.class,
      names = {"PADDED_CHANNELS", "PADDED_STRIDE_ONE_SUBSAMPLED", "UNFOLDED_MATMUL"})
  void convolutionLayersAndModelsMatchTheReferenceOnEachDetour(ConvolutionPath path)
      throws Exception {
    try (AutoCloseable forced = EngineChecks.force(path)) {
      assertThat(EngineChecks.forcedPath()).isEqualTo(path);
      KuramotoLayerParityTest layers = new KuramotoLayerParityTest();
      layers.convWithoutProjectionWithScaleAndBiasMatchesReference();
      layers.convWithGroupNormAndGlobalOmegaMatchesReference();
      layers.gtaAttentionWithoutOmegaMatchesReference();
      new ModelParityTest().classificationModelMatchesReferenceInEvalMode();
    }
  }
}
