package org.akorn.dsl;

import static com.google.common.truth.Truth.assertThat;
import static org.akorn.dsl.Diagnose.headlines;

import org.junit.jupiter.api.Test;

/** Stems, initial states, read-outs, transitions, heads: shapes and order. */
class StageDiagnosticsTest {

  @Test
  void rejectsAPatchSizeThatDoesNotDivideTheImage() {
    String src = """
        model M {
          input image: float[3, 30, 30];
          stem = patchify(image, patch = 4, channels = 8);
          output c = stimulus;
        }
        """;
    assertThat(headlines(src)).containsExactly(
        "m.akorn:3:34: error[E205]: patch size 4 does not divide the image size 30x30 of input 'image'");
  }

  @Test
  void rejectsAMaskWhoseShapeDiffersFromTheGrid() {
    String src = """
        model M {
          input digits: int[9, 9] in 0..9;
          input given: bool[4, 4];
          stem = embedding(digits, vocab = 10, dim = 8);
          init = noise(clamp = given);
          output x = state;
        }
        """;
    assertThat(headlines(src)).containsExactly(
        "m.akorn:5:24: error[E207]: mask 'given' has shape [4, 4] but the stimulus grid is [9, 9]");
  }

  @Test
  void rejectsAVocabularyThatDoesNotCoverTheInputRange() {
    String src = """
        model M {
          input digits: int[9, 9] in 0..9;
          stem = embedding(digits, vocab = 9, dim = 8);
          output c = stimulus;
        }
        """;
    assertThat(headlines(src)).containsExactly(
        "m.akorn:3:36: error[E213]: vocab 9 does not cover the values 0..9 of input 'digits'; it must be at least 10");
  }

  @Test
  void rejectsAStemOnAnInputOfTheWrongKind() {
    String src = """
        model M {
          input image: float[3, 8, 8];
          stem = embedding(image, vocab = 9, dim = 8);
          output c = stimulus;
        }
        """;
    assertThat(headlines(src)).containsExactly(
        "m.akorn:3:20: error[E105]: embedding(...) needs an int grid input, but 'image' is a float image");
  }

  @Test
  void rejectsInputsWithoutARangeOrWithTheWrongRank() {
    String src = """
        model M {
          input digits: int[9, 9];
          input image: float[32, 32];
          output c = stimulus;
        }
        """;
    assertThat(headlines(src))
        .containsExactly(
            "m.akorn:2:3: error[E113]: int input 'digits' needs a value range: int[H, W] in MIN..MAX",
            "m.akorn:3:3: error[E207]: input 'image' is a float image and needs a shape [C, H, W], but has 2 dimensions")
        .inOrder();
  }

  @Test
  void rejectsALayerBeforeItsStimulusAndState() {
    String src = """
        model M {
          input c: stimulus[8, 4, 4];
          layer { n = 2; channels = 8; steps = 1; connectivity = dense; }
          stem = identity(c);
          layer { n = 2; channels = 8; steps = 1; connectivity = dense; }
          output y = stimulus;
        }
        """;
    assertThat(headlines(src))
        .containsExactly(
            "m.akorn:3:3: error[E212]: a layer needs a stimulus c; write a stem before it",
            "m.akorn:5:3: error[E212]: a layer needs an initial state x; write 'init = noise;' before it")
        .inOrder();
  }

  @Test
  void rejectsAReadoutChainThatDoesNotStartWithReadout() {
    String src = """
        model M {
          input c: stimulus[8, 4, 4];
          stem = identity(c);
          init = noise;
          readout = feedforward(hidden = 8) -> readout(N = 2);
          output y = stimulus;
        }
        """;
    assertThat(headlines(src)).containsExactly(
        "m.akorn:5:13: error[E212]: a read-out chain starts with readout(...), which maps the oscillators to the stimulus");
  }

  @Test
  void rejectsGroupNormWhenEightGroupsDoNotDivideTheChannels() {
    String src = """
        model M {
          input x: state[12, 4, 4];
          init = given(x);
          readout = readout(N = 2) -> feedforward(hidden = 12, norm = group);
          output y = stimulus;
        }
        """;
    assertThat(headlines(src))
        .containsExactly(
            "m.akorn:4:31: error[E210]: norm = group uses 8 groups, which do not divide 12 channels",
            "m.akorn:4:52: error[E210]: norm = group uses 8 groups, which do not divide 12 channels")
        .inOrder();
  }

  @Test
  void rejectsATransitionBetweenMismatchedStateAndStimulus() {
    String src = """
        model M {
          input c: stimulus[8, 4, 4];
          stem = identity(c);
          init = noise;
          readout = readout(N = 2, channels = 16);
          transition = conv(kernel = 3, stride = 2, channels = 16);
          output y = stimulus;
        }
        """;
    assertThat(headlines(src)).containsExactly(
        "m.akorn:6:3: error[E207]: a transition applies one conv to x and c, but x is [8, 4, 4] and c is [16, 4, 4]");
  }

  @Test
  void rejectsUnknownHeadsAndDuplicateOutputs() {
    String src = """
        model M {
          input c: stimulus[8, 4, 4];
          stem = identity(c);
          head logits = softmax(classes = 3);
          head out = classifier(classes = 3, pool = mean);
          output y = stimulus;
          output y = stimulus;
        }
        """;
    assertThat(headlines(src))
        .containsExactly(
            "m.akorn:4:17: error[E107]: unknown head 'softmax'; expected one of: classifier, cell_classifier, mlp",
            "m.akorn:5:45: error[E107]: unknown pool 'mean'; expected one of: avg, max",
            "m.akorn:7:3: error[E101]: output 'y' is already defined")
        .inOrder();
  }

  @Test
  void rejectsNextStateFromAMissingReadout() {
    String src = """
        model M {
          input x: state[8, 4, 4];
          init = given(x);
          next_x = readout;
          output y = state;
        }
        """;
    assertThat(headlines(src)).containsExactly(
        "m.akorn:4:3: error[E212]: next_x = readout needs a stimulus c; write a stem or readout before it");
  }
}
