package org.akorn.dsl;

import static com.google.common.truth.Truth.assertThat;
import static org.akorn.dsl.Diagnose.headlines;

import java.util.List;
import org.akorn.dsl.model.AttentionLatent;
import org.akorn.dsl.model.CellHeadInput;
import org.akorn.dsl.model.ModelSpec;
import org.akorn.dsl.model.Positional;
import org.akorn.dsl.model.Shape;
import org.akorn.dsl.model.Stage;
import org.akorn.dsl.model.TokenNorm;
import org.junit.jupiter.api.Test;

/** The Transformer's units as features steps: shapes, counts, MACs and their checks. */
class TransformerStepsTest {
  private static final String ITRSA = """
      model Itrsa {
        param ch: int = 16;
        input digits: int[4, 4] in 0..4;
        stem = embedding(digits, vocab = 5, dim = ch);
        features = sincos_position
                -> self_attention(heads = 2, steps = 3)
                -> gelu_mlp(hidden = 24)
                -> layer_norm;
        head logits = cell_classifier(classes = 4, pre = layer_norm);
        output logits;
      }
      """;

  @Test
  void linksIteratedAttentionWithCountsAndMacs() {
    CompileResult r = AkornCompiler.check(CompileRequest.ofSource("itrsa.akorn", ITRSA));
    assertThat(r.render()).isEmpty();
    ModelSpec m = r.models().get(0);
    List<Stage> stages = m.stages();
    assertThat(stages).hasSize(6);
    Stage.SinCosPosition pos = (Stage.SinCosPosition) stages.get(1);
    assertThat(pos.learnable().value()).isTrue();
    assertThat(pos.info().trainableParameters()).isEqualTo(16 * 16);
    Stage.SelfAttention attn = (Stage.SelfAttention) stages.get(2);
    assertThat(attn.steps().value()).isEqualTo(3);
    assertThat(attn.norm()).isEqualTo(TokenNorm.LAYER);
    assertThat(attn.positional()).isEqualTo(Positional.NONE);
    assertThat(attn.grid()).isEqualTo(Shape.of(4, 4));
    assertThat(attn.latent()).isEqualTo(AttentionLatent.INPUT);
    assertThat(attn.info().output()).isEqualTo(Shape.of(16, 4, 4));
    // W_qkv 16x48 + 48, W_o 16x16 + 16, LayerNorm 2 * 16; shared by the three iterations
    assertThat(attn.info().trainableParameters()).isEqualTo(16 * 48 + 48 + 16 * 16 + 16 + 32);
    // per iteration: 16 positions x (48 + 16) x 16 for the projections, 2 x 16 x 16 x 16 for QK^T and AV
    assertThat(attn.info().macs()).isEqualTo(3L * (16 * 64 * 16 + 2 * 16 * 16 * 16));
    Stage.GeluMlp mlp = (Stage.GeluMlp) stages.get(3);
    assertThat(mlp.info().trainableParameters()).isEqualTo(16 * 24 + 24 + 24 * 16 + 16 + 32);
    assertThat(mlp.info().macs()).isEqualTo(16L * 2 * 16 * 24);
    assertThat(stages.get(4).info().trainableParameters()).isEqualTo(32);
    Stage.CellClassifier head = (Stage.CellClassifier) stages.get(5);
    assertThat(head.input()).isEqualTo(CellHeadInput.LAYER_NORM);
    assertThat(head.info().output()).isEqualTo(Shape.of(4, 4, 4));
    assertThat(head.info().trainableParameters()).isEqualTo(32 + 16 * 4 + 4);
  }

  @Test
  void cellClassifierDefaultsToRelu() {
    CompileResult r = AkornCompiler.check(CompileRequest.ofSource("m.akorn", ITRSA.replace(", pre = layer_norm", "")));
    Stage.CellClassifier head = (Stage.CellClassifier) r.models().get(0).stages().get(5);
    assertThat(head.input()).isEqualTo(CellHeadInput.RELU);
    assertThat(head.info().trainableParameters()).isEqualTo(16 * 4 + 4);
  }

  @Test
  void gtaAndFixedPositionsChangeTheCounts() {
    String src = ITRSA.replace("steps = 3)", "steps = 3, positional = gta, norm = none, latent = noise)")
        .replace("sincos_position", "sincos_position(learnable = off)");
    CompileResult r = AkornCompiler.check(CompileRequest.ofSource("m.akorn", src));
    assertThat(r.render()).isEmpty();
    List<Stage> stages = r.models().get(0).stages();
    assertThat(stages.get(1).info().trainableParameters()).isEqualTo(0);
    assertThat(((Stage.SelfAttention) stages.get(2)).latent()).isEqualTo(AttentionLatent.NOISE);
    // four GTA tables [16 positions, head_dim 8 / 2 pairs, 2, 2], no LayerNorm
    assertThat(stages.get(2).info().trainableParameters()).isEqualTo(16 * 48 + 48 + 16 * 16 + 16 + 4 * 16 * 4 * 4);
  }

  @Test
  void attentionChecksHeadsAndGta() {
    String src = """
        model M {
          input c: stimulus[12, 6];
          stem = identity(c);
          features = self_attention(heads = 5) -> self_attention(heads = 6, positional = gta)
                  -> self_attention(heads = 2, norm = batch);
          output c_out = stimulus;
        }
        """;
    assertThat(headlines(src)).containsExactly(
        "m.akorn:4:37: error[E202]: heads 5 do not divide channels 12",
        "m.akorn:4:66: error[E203]: positional = gta needs a [C, H, W] grid, but c is [12, 6]",
        "m.akorn:5:47: error[E107]: unknown norm 'batch'; expected one of: layer, none");
  }

  @Test
  void positionTableNeedsAGridAndChannelsDivisibleByFour() {
    String tokens = """
        model M {
          input c: stimulus[8, 6];
          stem = identity(c);
          features = sincos_position;
          output c_out = stimulus;
        }
        """;
    assertThat(headlines(tokens)).containsExactly(
        "m.akorn:4:14: error[E214]: sincos_position encodes rows and columns, so it needs a [C, H, W] grid,"
            + " but c is [8, 6]");
    String odd = """
        model M {
          input c: stimulus[6, 3, 3];
          stem = identity(c);
          features = sincos_position;
          output c_out = stimulus;
        }
        """;
    assertThat(headlines(odd)).containsExactly(
        "m.akorn:4:14: error[E215]: sincos_position needs channels divisible by 4 (sin and cos of rows and"
            + " of columns), but c has 6");
  }

  @Test
  void mlpNeedsItsHiddenWidth() {
    String src = """
        model M {
          input c: stimulus[8, 3, 3];
          stem = identity(c);
          features = gelu_mlp(norm = layer);
          output c_out = stimulus;
        }
        """;
    assertThat(headlines(src)).containsExactly(
        "m.akorn:4:14: error[E104]: gelu_mlp(...) is missing the required property 'hidden'");
  }
}
