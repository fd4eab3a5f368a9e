package org.akorn.dsl;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.akorn.dsl.model.BinaryOp;
import org.akorn.dsl.model.Coupling;
import org.akorn.dsl.model.Expr;
import org.akorn.dsl.model.InitKind;
import org.akorn.dsl.model.InputKind;
import org.akorn.dsl.model.ModelSpec;
import org.akorn.dsl.model.OmegaKind;
import org.akorn.dsl.model.OutputSource;
import org.akorn.dsl.model.Positional;
import org.akorn.dsl.model.Shape;
import org.akorn.dsl.model.Stage;
import org.junit.jupiter.api.Test;

/** The example models check clean and link to the expected, fully resolved specs. */
class ExampleModelsTest {

  @Test
  void everyExampleAndGoldenModelChecksClean() {
    List<Path> files = Examples.all().stream().filter(p -> !p.toString().contains("common")).toList();

    CompileResult result = AkornCompiler.check(CompileRequest.of(files));

    assertThat(result.render()).isEmpty();
    assertThat(result.models()).hasSize(19);
  }

  @Test
  void fashionBaselineHasTheParameterCountOfItsUnits() {
    ModelSpec m = Examples.compileClean(Examples.MODELS.resolve("fashion_cnn.akorn"));
    long stem = 1 * 32 * 2 * 2 + 32;
    long unit1 = 32 * 64 * 9 + 64 + 2 * 32;          // conv + bias + BatchNorm(32)
    long unit2 = 64 * 128 * 9 + 128 + 2 * 64;
    long residual = 2 * 128 * 64 * 9 + 64 + 128 + 2 * 128 + 2 * 64;
    long head = 128 * 10 + 10;
    assertThat(m.trainableParameters()).isEqualTo(stem + unit1 + unit2 + residual + head);
    assertThat(m.trainableParameters()).isEqualTo(242_026);
    assertThat(m.layers()).isEmpty();
  }

  @Test
  void sudokuLinksToThePapersConfiguration() {
    ModelSpec m = Examples.compileClean(Examples.MODELS.resolve("sudoku.akorn"));

    assertThat(m.qualifiedName()).isEqualTo("org.akorn.examples.Sudoku");
    assertThat(m.doc()).startsWith("The paper's 9x9 Sudoku solver");
    assertThat(m.inputs().get(0).kind()).isEqualTo(InputKind.INT_GRID);
    assertThat(m.inputs().get(0).max().value()).isEqualTo(9);
    assertThat(m.inputs().get(1).kind()).isEqualTo(InputKind.BOOL_MASK);
    Stage.InitialState init = (Stage.InitialState) m.stages().get(1);
    assertThat(init.kind()).isEqualTo(InitKind.CLAMPED_NOISE);
    assertThat(init.clampMask()).isEqualTo("given");
    Stage.KuramotoLayer layer = m.layers().get(0);
    assertThat(layer.info().output()).isEqualTo(Shape.of(512, 9, 9));
    assertThat(layer.gamma().learnable().value()).isTrue();
    assertThat(layer.omega().kind()).isEqualTo(OmegaKind.GLOBAL);
    assertThat(layer.omega().learnable().value()).isFalse();
    assertThat(layer.omega().init().value()).isEqualTo(0.1);
    Coupling.Attention attention = (Coupling.Attention) layer.coupling();
    assertThat(attention.positional()).isEqualTo(Positional.GTA);
    assertThat(attention.grid()).isEqualTo(Shape.of(9, 9));
    assertThat(attention.heads().expr()).isEqualTo(new Expr.ParamRef("heads"));
    assertThat(m.outputs().get(0).shape()).isEqualTo(Shape.of(9, 9, 9));
    assertThat(m.outputs().get(1).source()).isEqualTo(OutputSource.ENERGIES);
    assertThat(m.trainableParameters()).isEqualTo(2_940_938L);
  }

  @Test
  void classificationUnrollsTheRepetitionWithPerIndexValues() {
    ModelSpec m = Examples.compileClean(Examples.MODELS.resolve("classification.akorn"));

    List<Stage.KuramotoLayer> layers = m.layers();
    assertThat(layers).hasSize(3);
    assertThat(layers.stream().map(l -> l.channels().value()).toList()).containsExactly(64L, 128L, 256L).inOrder();
    assertThat(layers.stream().map(l -> ((Coupling.Conv) l.coupling()).kernel().value()).toList())
        .containsExactly(9L, 7L, 5L)
        .inOrder();
    assertThat(((Coupling.Conv) layers.get(2).coupling()).kernel().expr())
        .isEqualTo(new Expr.Index(new Expr.ParamRef("ksizes"), new Expr.IntLiteral(2)));
    assertThat(layers.get(1).channels().expr())
        .isEqualTo(new Expr.Binary(BinaryOp.MULTIPLY, new Expr.ParamRef("ch"),
            new Expr.Binary(BinaryOp.POWER, new Expr.IntLiteral(2), new Expr.IntLiteral(1))));
    assertThat(layers.get(1).channels().expr().render()).isEqualTo("ch * (2 ^ 1)");
    List<Stage.Transition> transitions =
        m.stages().stream().filter(Stage.Transition.class::isInstance).map(Stage.Transition.class::cast).toList();
    assertThat(transitions.stream().map(t -> t.info().output()).toList())
        .containsExactly(Shape.of(128, 16, 16), Shape.of(256, 8, 8))
        .inOrder();
    assertThat(m.trainableParameters()).isEqualTo(7_023_760L);
  }

  @Test
  void objectsAndSmallSudokuHaveTheirTotals() {
    ModelSpec objects = Examples.compileClean(Examples.MODELS.resolve("objects.akorn"));
    ModelSpec sudoku4 = Examples.compileClean(Examples.MODELS.resolve("sudoku4.akorn"));

    assertThat(objects.stages().get(0).info().output()).isEqualTo(Shape.of(256, 16, 16));
    assertThat(objects.outputs().stream().map(o -> o.name()).toList())
        .containsExactly("features", "c_last", "x_last")
        .inOrder();
    assertThat(objects.trainableParameters()).isEqualTo(1_760_256L);
    assertThat(sudoku4.trainableParameters()).isEqualTo(47_429L);
  }

  @Test
  void summaryTableListsStagesAndTotals() {
    ModelSpec m = Examples.compileClean(Examples.GOLDEN.resolve("readout_bn_eval.akorn"));

    assertThat(SummaryTable.render(m))
        .isEqualTo(
            """
            model org.akorn.golden.ReadoutBnEval (../examples/models/golden/readout_bn_eval.akorn)
            stage             kind            output shape  parameters  MACs/step
            ---------------------------------------------------------------------
            init              init given      [16, 6, 6]             0          0
            readout 1         readout         [16, 6, 6]         4,656    165,888
            feedforward 1     feedforward     [16, 6, 6]         4,704    165,888
            norm_relu_conv 1  norm_relu_conv  [16, 6, 6]         2,352     82,944
            ---------------------------------------------------------------------
            total                                               11,712    414,720
            """);
  }
}
