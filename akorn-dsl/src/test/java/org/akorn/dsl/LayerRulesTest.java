package org.akorn.dsl;

import static com.google.common.truth.Truth.assertThat;
import static org.akorn.dsl.Diagnose.convModel;
import static org.akorn.dsl.Diagnose.headlines;

import org.junit.jupiter.api.Test;

/** The rules about Kuramoto layers, each with its exact message and position. */
class LayerRulesTest {

  @Test
  void acceptsACleanLayer() {
    assertThat(headlines(convModel("n = 4; channels = 16; steps = 3; connectivity = conv(kernel = 3);"))).isEmpty();
  }

  @Test
  void rejectsChannelsNotDivisibleByN() {
    String src = """
        model M {
          input c: stimulus[18, 6, 6];
          stem = identity(c);
          init = noise;
          layer { n = 4; channels = 18; steps = 3; connectivity = conv(kernel = 3); }
          output xs = states;
        }
        """;
    assertThat(headlines(src))
        .containsExactly("m.akorn:5:29: error[E200]: channels 18 are not divisible by n = 4");
  }

  @Test
  void rejectsOddNWithOmega() {
    assertThat(headlines(convModel("n = 1; channels = 16; steps = 3; connectivity = conv(kernel = 3); omega = global;")))
        .containsExactly("m.akorn:6:5: error[E201]: omega rotates pairs of channels, so n must be even, but n = 1");
  }

  @Test
  void rejectsHeadsThatDoNotDivideChannels() {
    assertThat(headlines(convModel("n = 4; channels = 16; steps = 3; connectivity = attention(heads = 3);")))
        .containsExactly("m.akorn:6:67: error[E202]: heads 3 do not divide channels 16");
  }

  @Test
  void rejectsGtaWithAnOddHeadDimension() {
    String src = """
        model M {
          input c: stimulus[24, 6, 6];
          stem = identity(c);
          init = noise;
          layer { n = 4; channels = 24; steps = 3; connectivity = attention(heads = 8, positional = gta); }
          output xs = states;
        }
        """;
    assertThat(headlines(src)).containsExactly(
        "m.akorn:5:77: error[E204]: positional = gta needs an even head dimension, but channels 24 / heads 8 = 3");
  }

  @Test
  void rejectsGtaWithoutAGrid() {
    String src = """
        model M {
          input c: stimulus[16, 30];
          stem = identity(c);
          init = noise;
          layer { n = 4; channels = 16; steps = 3; connectivity = attention(heads = 4, positional = gta); }
          output xs = states;
        }
        """;
    assertThat(headlines(src)).containsExactly(
        "m.akorn:5:77: error[E203]: positional = gta needs a [C, H, W] grid, but the layer's shape is [16, 30]");
  }

  @Test
  void rejectsConvCouplingWithoutAGrid() {
    String src = """
        model M {
          input c: stimulus[16, 30];
          stem = identity(c);
          init = noise;
          layer { n = 4; channels = 16; steps = 3; connectivity = conv(kernel = 3); }
          output xs = states;
        }
        """;
    assertThat(headlines(src)).containsExactly(
        "m.akorn:5:59: error[E214]: conv connectivity needs a [C, H, W] grid, but the layer's shape is [16, 30]");
  }

  @Test
  void rejectsStepsBelowOne() {
    assertThat(headlines(convModel("n = 4; channels = 16; steps = 0; connectivity = conv(kernel = 3);")))
        .containsExactly("m.akorn:6:31: error[E208]: steps must be at least 1, but is 0");
  }

  @Test
  void rejectsGammaNotPositive() {
    assertThat(headlines(convModel("n = 4; channels = 16; steps = 2; gamma = -0.5; connectivity = conv(kernel = 3);")))
        .containsExactly("m.akorn:6:42: error[E209]: gamma must be greater than 0, but is -0.5");
  }

  @Test
  void rejectsEvenKernels() {
    assertThat(headlines(convModel("n = 4; channels = 16; steps = 2; connectivity = conv(kernel = 4);")))
        .containsExactly(
            "m.akorn:6:63: error[E206]: kernel size 4 is even; use an odd size so that padding kernel/2 keeps the shape");
  }

  @Test
  void rejectsChannelsThatDoNotMatchTheStimulus() {
    assertThat(headlines(convModel("n = 4; channels = 32; steps = 2; connectivity = conv(kernel = 3);")))
        .containsExactly("m.akorn:6:19: error[E207]: layer has 32 channels but its stimulus c is [16, 6, 6]");
  }

  @Test
  void reportsEveryMissingPropertyAtOnce() {
    assertThat(headlines(convModel("n = 4;")))
        .containsExactly(
            "m.akorn:5:3: error[E104]: layer is missing the required property 'channels'",
            "m.akorn:5:3: error[E104]: layer is missing the required property 'steps'",
            "m.akorn:5:3: error[E104]: layer is missing the required property 'connectivity'")
        .inOrder();
  }

  @Test
  void rejectsUnknownAndDuplicateProperties() {
    assertThat(headlines(convModel("n = 4; n = 4; channels = 16; steps = 2; kernel = 3; connectivity = conv(kernel = 3);")))
        .containsExactly(
            "m.akorn:6:8: error[E103]: property 'n' is given twice in layer",
            "m.akorn:6:41: error[E102]: unknown property 'kernel' for layer; expected one of: n, channels, steps, "
                + "gamma, connectivity, omega, c_norm, projection")
        .inOrder();
  }

  @Test
  void rejectsUnknownOptionWords() {
    assertThat(headlines(convModel("n = 4; channels = 16; steps = 2; connectivity = conv(kernel = 3); c_norm = gn;")))
        .containsExactly("m.akorn:6:76: error[E107]: unknown c_norm 'gn'; expected one of: group, scale_bias, none");
  }

  @Test
  void rejectsWrongTypes() {
    assertThat(headlines(convModel("n = 4.5; channels = 16; steps = 2; connectivity = conv(kernel = 3); projection = 1;")))
        .containsExactly(
            "m.akorn:6:5: error[E105]: property 'n' of layer must be an integer, but this is a number",
            "m.akorn:6:82: error[E105]: property 'projection' of layer must be on/off (or true/false), but this is an integer")
        .inOrder();
  }

  @Test
  void rejectsNonPositiveSizes() {
    assertThat(headlines(convModel("n = 0; channels = 16; steps = 2; connectivity = conv(kernel = 3);")))
        .containsExactly("m.akorn:6:5: error[E112]: property 'n' of layer must be at least 1, but is 0");
  }
}
