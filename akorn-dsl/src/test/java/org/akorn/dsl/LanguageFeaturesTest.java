package org.akorn.dsl;

import static com.google.common.truth.Truth.assertThat;

import org.akorn.dsl.model.Coupling;
import org.akorn.dsl.model.Expr;
import org.akorn.dsl.model.InitKind;
import org.akorn.dsl.model.InputKind;
import org.akorn.dsl.model.ModelSpec;
import org.akorn.dsl.model.NextStateSource;
import org.akorn.dsl.model.OmegaKind;
import org.akorn.dsl.model.ParamType;
import org.akorn.dsl.model.Pool;
import org.akorn.dsl.model.Shape;
import org.akorn.dsl.model.Stage;
import org.akorn.dsl.model.StimulusNorm;
import org.junit.jupiter.api.Test;

/** Constructs not covered by the example models, linked end to end. */
class LanguageFeaturesTest {
  private static final String TOKENS = """
      package demo.tokens;
      // a line comment
      /* a block comment */
      /**
       * Tokens without a grid.
       */
      model Tokens {
        /** Width. */
        param ch: int = 8;
        param flag: bool = true;
        input c: stimulus[8, 5];
        stem = identity(c);
        init = learned;
        layer first {
          n = 2; channels = ch; steps = 2; gamma = learnable(0.5);
          connectivity = dense;
          omega = per_pair(init = 0.25);
          c_norm = scale_bias;
          projection = off;
        }
        readout = readout(N = 2);
        next_x = noise;
        if flag {
          let half = ch / 2;
          layer { n = 2; channels = ch; steps = 1; connectivity = attention(heads = half); }
        }
        head pooled = classifier(pool = max, classes = 3);
        output pooled;
        output x = state;
      }
      """;

  @Test
  void linksTokenModelsWithEveryLayerOption() {
    CompileResult r = AkornCompiler.check(CompileRequest.ofSource("t.akorn", TOKENS));

    assertThat(r.render()).isEmpty();
    ModelSpec m = r.models().get(0);
    assertThat(m.qualifiedName()).isEqualTo("demo.tokens.Tokens");
    assertThat(m.doc()).isEqualTo("Tokens without a grid.");
    assertThat(m.parameter("ch").orElseThrow().doc()).isEqualTo("Width.");
    assertThat(m.parameter("flag").orElseThrow().type()).isEqualTo(ParamType.BOOL);
    assertThat(m.inputs().get(0).kind()).isEqualTo(InputKind.RAW_STIMULUS);
    Stage.InitialState init = (Stage.InitialState) m.stages().get(1);
    assertThat(init.kind()).isEqualTo(InitKind.LEARNED);
    assertThat(init.info().trainableParameters()).isEqualTo(40);
    Stage.KuramotoLayer first = m.layers().get(0);
    assertThat(first.info().name()).isEqualTo("first");
    assertThat(first.coupling()).isInstanceOf(Coupling.Dense.class);
    assertThat(first.omega().kind()).isEqualTo(OmegaKind.PER_PAIR);
    assertThat(first.omega().init().value()).isEqualTo(0.25);
    assertThat(first.stimulusNorm()).isEqualTo(StimulusNorm.SCALE_BIAS);
    assertThat(first.projection().value()).isFalse();
    // dense 40*40 + 40, omega 8, scale and bias 16, learned gamma 1
    assertThat(first.info().trainableParameters()).isEqualTo(1600 + 40 + 8 + 16 + 1);
    Stage.NextState next = (Stage.NextState) m.stages().get(4);
    assertThat(next.source()).isEqualTo(NextStateSource.NOISE);
    Coupling.Attention second = (Coupling.Attention) m.layers().get(1).coupling();
    assertThat(second.grid()).isNull();
    assertThat(second.heads().value()).isEqualTo(4);
    assertThat(second.heads().expr().render()).isEqualTo("ch / 2");
    Stage.PooledClassifier head = (Stage.PooledClassifier) m.stages().get(6);
    assertThat(head.pool()).isEqualTo(Pool.MAX);
    assertThat(head.info().output()).isEqualTo(Shape.of(3));
    assertThat(m.outputs().get(1).shape()).isEqualTo(Shape.of(8, 5));
  }

  @Test
  void overridesCanSwitchOffAnIfBranch() {
    CompileResult r = AkornCompiler.check(
        CompileRequest.ofSource("t.akorn", TOKENS).withOverrides(java.util.Map.of("flag", "false")));

    assertThat(r.render()).isEmpty();
    assertThat(r.models().get(0).layers()).hasSize(1);
    assertThat(r.models().get(0).parameter("flag").orElseThrow().value()).isEqualTo(new Expr.BoolLiteral(false));
  }
}
