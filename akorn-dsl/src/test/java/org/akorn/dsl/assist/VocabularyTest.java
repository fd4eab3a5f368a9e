package org.akorn.dsl.assist;

import static com.google.common.truth.Truth.assertWithMessage;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.akorn.dsl.AkornCompiler;
import org.akorn.dsl.CompileRequest;
import org.akorn.dsl.assist.Vocabulary.Option;
import org.akorn.dsl.assist.Vocabulary.Property;
import org.akorn.dsl.diag.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * The completion vocabulary says what the linker accepts: for every stage value and option, an
 * unknown property or word makes the linker list what it expects, and that list must be the
 * vocabulary's.
 */
class VocabularyTest {
  private static final String MODEL = String.join("\n",
      "model M {",
      "  input d: int[4, 4] in 0..3;",
      "  input img: float[3, 8, 8];",
      "  input x0: state[8, 4, 4];",
      "  stem = embedding(d, vocab = 4, dim = 8);",
      "  init = noise;",
      "  transition = conv(kernel = 1, channels = 8);",
      "  layer {",
      "    n = 2;",
      "    channels = 8;",
      "    steps = 1;",
      "    gamma = learnable(init = 1.0);",
      "    connectivity = attention(heads = 2, positional = gta);",
      "    omega = global(init = 1.0, learnable = on);",
      "    c_norm = group;",
      "  }",
      "  next_x = noise;",
      "  readout = readout(N = 2) -> feedforward(hidden = 8, norm = batch) -> norm_relu_conv(kernel = 1);",
      "  head h = classifier(classes = 3, pool = avg);",
      "  output h;",
      "}",
      "");

  private static final Pattern EXPECTED = Pattern.compile("expected one of: (.*)$");

  /** The names the linker lists after replacing {@code from} by {@code to} in the model. */
  private static List<String> expected(String from, String to) {
    if (!MODEL.contains(from)) {
      throw new IllegalArgumentException(from);
    }
    var result = AkornCompiler.check(CompileRequest.ofSource("m.akorn", MODEL.replace(from, to)));
    for (Diagnostic d : result.diagnostics()) {
      Matcher m = EXPECTED.matcher(d.message());
      if (d.message().contains("zzz") && d.message().endsWith("it takes no properties")) {
        return List.of();
      }
      if (d.message().contains("zzz") && m.find()) {
        return List.of(m.group(1).split(", "));
      }
    }
    throw new AssertionError("no list of expected names for " + to + ":\n" + result.render());
  }

  private static Option option(String stage, String word) {
    return Vocabulary.stageValues(stage).stream().filter(o -> o.word().equals(word)).findFirst().orElseThrow();
  }

  private static Property layer(String property) {
    return Vocabulary.blockStageProperties("layer").stream().filter(p -> p.name().equals(property)).findFirst().orElseThrow();
  }

  private static List<String> names(List<Property> properties) {
    return properties.stream().map(Property::name).toList();
  }

  private static List<String> words(List<Option> options) {
    return options.stream().map(Option::word).toList();
  }

  private static void check(String what, List<String> linker, List<String> vocabulary) {
    assertWithMessage(what).that(vocabulary).containsExactlyElementsIn(linker);
  }

  @Test
  void layerPropertiesAndTheirValues() {
    check("layer", expected("c_norm = group;", "c_norm = group; zzz = 1;"), names(Vocabulary.blockStageProperties("layer")));
    check("connectivity", expected("attention(heads = 2, positional = gta)", "zzz"), words(layer("connectivity").values()));
    check("attention", expected("positional = gta)", "positional = gta, zzz = 1)"),
        names(layer("connectivity").values().get(1).properties()));
    check("positional", expected("positional = gta", "positional = zzz"),
        words(layer("connectivity").values().get(1).property("positional").orElseThrow().values()));
    check("omega", expected("omega = global(init = 1.0, learnable = on)", "omega = zzz"), words(layer("omega").values()));
    check("global", expected("learnable = on)", "learnable = on, zzz = 1)"),
        names(layer("omega").values().get(1).properties()));
    check("c_norm", expected("c_norm = group", "c_norm = zzz"), words(layer("c_norm").values()));
    check("learnable", expected("learnable(init = 1.0)", "learnable(init = 1.0, zzz = 1)"),
        names(layer("gamma").values().get(0).properties()));
  }

  @Test
  void conventionalConvConnectivityTakesAKernel() {
    check("conv", expected("attention(heads = 2, positional = gta)", "conv(kernel = 3, zzz = 1)"),
        names(layer("connectivity").values().get(0).properties()));
  }

  @Test
  void stemsAndInits() {
    check("stem", expected("embedding(d", "zzz(d"), words(Vocabulary.stageValues("stem")));
    check("embedding", expected("dim = 8)", "dim = 8, zzz = 1)"), names(option("stem", "embedding").properties()));
    check("patchify", expected("embedding(d, vocab = 4, dim = 8)", "patchify(img, patch = 2, channels = 8, zzz = 1)"),
        names(option("stem", "patchify").properties()));
    check("conv stem", expected("embedding(d, vocab = 4, dim = 8)", "conv(img, channels = 8, kernel = 3, zzz = 1)"),
        names(option("stem", "conv").properties()));
    check("init", expected("init = noise;", "init = zzz;"), words(Vocabulary.stageValues("init")));
    check("noise", expected("init = noise;", "init = noise(zzz = 1);"), names(option("init", "noise").properties()));
    check("given", expected("init = noise;", "init = given(x0, zzz = 1);"), names(option("init", "given").properties()));
    check("next_x", expected("next_x = noise;", "next_x = zzz;"), words(Vocabulary.stageValues("next_x")));
    check("transition", expected("channels = 8);", "channels = 8, zzz = 1);"), names(option("transition", "conv").properties()));
  }

  @Test
  void readoutStepsAndHeads() {
    check("readout steps", expected("-> norm_relu_conv(kernel = 1)", "-> zzz(kernel = 1)"), words(Vocabulary.stageValues("readout")));
    check("readout", expected("readout(N = 2)", "readout(N = 2, zzz = 1)"), names(option("readout", "readout").properties()));
    check("feedforward", expected("norm = batch)", "norm = batch, zzz = 1)"), names(option("readout", "feedforward").properties()));
    check("norm", expected("norm = batch", "norm = zzz"), words(option("readout", "feedforward").property("norm").orElseThrow().values()));
    check("norm_relu_conv", expected("norm_relu_conv(kernel = 1)", "norm_relu_conv(kernel = 1, zzz = 1)"),
        names(option("readout", "norm_relu_conv").properties()));
    check("features steps", expected("readout = readout(N = 2) -> feedforward(hidden = 8, norm = batch) -> norm_relu_conv(kernel = 1);",
        "features = zzz(kernel = 1);"), words(Vocabulary.stageValues("features")));
    check("heads", expected("classifier(classes = 3, pool = avg)", "zzz(classes = 3)"), words(Vocabulary.stageValues("head")));
    check("classifier", expected("pool = avg)", "pool = avg, zzz = 1)"), names(option("head", "classifier").properties()));
    check("pool", expected("pool = avg", "pool = zzz"), words(option("head", "classifier").property("pool").orElseThrow().values()));
    check("cell_classifier", expected("classifier(classes = 3, pool = avg)", "cell_classifier(classes = 3, zzz = 1)"),
        names(option("head", "cell_classifier").properties()));
    check("mlp", expected("classifier(classes = 3, pool = avg)", "mlp(hidden = 4, features = 4, zzz = 1)"),
        names(option("head", "mlp").properties()));
    check("cell_classifier pre", expected("classifier(classes = 3, pool = avg)", "cell_classifier(classes = 3, pre = zzz)"),
        words(option("head", "cell_classifier").property("pre").orElseThrow().values()));
  }

  @Test
  void transformerFeatureSteps() {
    String features = "features = ";
    String readout = "readout = readout(N = 2) -> feedforward(hidden = 8, norm = batch) -> norm_relu_conv(kernel = 1);";
    check("self_attention", expected(readout, features + "self_attention(heads = 2, zzz = 1);"),
        names(option("features", "self_attention").properties()));
    check("self_attention positional", expected(readout, features + "self_attention(heads = 2, positional = zzz);"),
        words(option("features", "self_attention").property("positional").orElseThrow().values()));
    check("self_attention norm", expected(readout, features + "self_attention(heads = 2, norm = zzz);"),
        words(option("features", "self_attention").property("norm").orElseThrow().values()));
    check("self_attention latent", expected(readout, features + "self_attention(heads = 2, latent = zzz);"),
        words(option("features", "self_attention").property("latent").orElseThrow().values()));
    check("gelu_mlp", expected(readout, features + "gelu_mlp(hidden = 4, zzz = 1);"),
        names(option("features", "gelu_mlp").properties()));
    check("sincos_position", expected(readout, features + "sincos_position(zzz = 1);"),
        names(option("features", "sincos_position").properties()));
    check("layer_norm", expected(readout, features + "layer_norm(zzz = 1);"),
        names(option("features", "layer_norm").properties()));
  }

  @Test
  void typesAndInputKinds() {
    check("input kinds", expected("input img: float[3, 8, 8];", "input img: zzz[3, 8, 8];"), Vocabulary.INPUT_KINDS);
  }
}
