package org.akorn.dsl.assist;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The words of the language by place: statement keywords, stage kinds, what each stage kind
 * takes (an option such as {@code attention(...)}, for {@code readout} and {@code features} also
 * each step after {@code ->}; for a layer, properties), the properties each option accepts and
 * their enumerated values. The linker decides what is valid; this table
 * mirrors it for completion, and a test holds the two together.
 */
public final class Vocabulary {
  /** A value word, with the properties it takes when written as a call ({@code gta}, {@code attention(...)}). */
  public record Option(String word, String doc, List<Property> properties) {
    public Option {
      properties = List.copyOf(properties);
    }

    public Optional<Property> property(String name) {
      return properties.stream().filter(p -> p.name().equals(name)).findFirst();
    }
  }

  /** A named property and the words it may take (none: any value, such as a number or a name). */
  public record Property(String name, String doc, List<Option> values) {
    public Property {
      values = List.copyOf(values);
    }
  }

  public static final List<String> TOP_LEVEL_KEYWORDS = List.of("package", "import", "model", "block");
  public static final List<String> STATEMENT_KEYWORDS = List.of("param", "input", "output", "repeat", "if", "use", "let");
  public static final List<String> PARAM_TYPES = List.of("int", "float", "bool");
  public static final List<String> INPUT_KINDS = List.of("float", "int", "bool", "stimulus", "state");
  public static final List<String> OUTPUT_SOURCES = List.of("state", "stimulus", "states", "energies");
  public static final List<String> FLAGS = List.of("on", "off", "true", "false");

  private static final List<Option> BLOCK_NORMS =
      List.of(word("batch", "BatchNorm"), word("group", "GroupNorm(8)"), word("none", "no normalisation"));
  private static final List<Option> POOLS = List.of(word("avg", "global average pool"), word("max", "global max pool"));

  private static final Option NORM_RELU_CONV = option("norm_relu_conv", "conv(ReLU(norm(c)))",
      free("kernel", "conv kernel (default 1)"), new Property("norm", "normalisation", BLOCK_NORMS),
      free("channels", "output channels (default: those of c)"), free("stride", "conv stride (default 1)"));
  private static final Option FEEDFORWARD = option("feedforward", "residual [norm, ReLU, conv] x 2",
      free("hidden", "hidden channels"), free("kernel", "conv kernel (default 1)"),
      new Property("norm", "normalisation", BLOCK_NORMS));

  private static final List<Option> READOUT_STEPS = List.of(
      option("readout", "ReadOutConv: conv to channels*N, L2 norm over groups of N, bias",
          free("N", "group size (usually n)"), free("kernel", "conv kernel (default 1)"),
          free("channels", "output channels (default: those of x)")),
      FEEDFORWARD,
      NORM_RELU_CONV);

  private static final List<Option> TOKEN_NORMS =
      List.of(word("layer", "LayerNorm over the channels (default)"), word("none", "no normalisation"));

  /**
   * Steps of a {@code features = ...} chain: the read-out steps except {@code readout} itself, and
   * the Transformer's units.
   */
  private static final List<Option> FEATURE_STEPS = java.util.stream.Stream.concat(
      READOUT_STEPS.stream().filter(o -> !o.word().equals("readout")),
      java.util.stream.Stream.of(
          option("layer_norm", "LayerNorm over the channels of every position"),
          option("self_attention", "steps x (c + Attention(norm(c))), shared weights (ItrSA when steps > 1)",
              free("heads", "attention heads"), free("steps", "iterations with shared weights (default 1)"),
              new Property("positional", "positional encoding", List.of(
                  word("gta", "geometric transform attention"), word("none", "none (default)"))),
              new Property("norm", "normalisation before attention", TOKEN_NORMS),
              new Property("latent", "where the iteration starts", List.of(
                  word("input", "from c (default)"), word("noise", "the first iteration attends over c plus Gaussian noise (ItrSA++)")))),
          option("gelu_mlp", "c + Linear(GELU(Linear(norm(c))))",
              free("hidden", "hidden width"), new Property("norm", "normalisation before the MLP", TOKEN_NORMS)),
          option("sincos_position", "c + a 2-D sin/cos position table",
              flag("learnable", "a trainable table (default on)")))).toList();

  private static final Map<String, List<Option>> STAGES = Map.of(
      "stem", List.of(
          option("embedding", "c = Embedding(vocab, dim) of an int grid input (first argument)",
              free("vocab", "number of symbols"), free("dim", "channels of c")),
          option("patchify", "c = conv with kernel = stride = patch of a float image input (first argument)",
              free("patch", "patch size"), free("channels", "channels of c"),
              flag("normalize", "map [0, 1] to [-1, 1] first (default on)")),
          option("conv", "c = conv of a float image input (first argument)",
              free("channels", "channels of c"), free("kernel", "conv kernel"),
              flag("bias", "conv bias (default on)"), flag("normalize", "map [0, 1] to [-1, 1] first (default on)")),
          option("identity", "c = a raw stimulus input (the input as first argument)")),
      "init", List.of(
          option("noise", "Gaussian noise shaped like c", free("clamp", "bool mask input: x = c where true")),
          option("learned", "a learnable tensor shaped like c"),
          option("given", "x = a state input (the input as first argument)")),
      "readout", READOUT_STEPS,
      "features", FEATURE_STEPS,
      "transition", List.of(
          option("conv", "one strided conv applied to x and c",
              free("kernel", "conv kernel"), free("stride", "stride (default 1)"), free("channels", "output channels"))),
      "next_x", List.of(
          word("last_state", "the layer's last state (default)"), word("noise", "fresh noise"),
          word("readout", "the read-out c")),
      "head", List.of(
          option("classifier", "global pool of c, then Linear(C -> classes)",
              new Property("pool", "pooling", POOLS), free("classes", "number of classes")),
          option("cell_classifier", "ReLU (or LayerNorm), then a linear map to classes per cell",
              free("classes", "number of classes"), new Property("pre", "what comes before the linear map", List.of(
                  word("relu", "ReLU, then a 1x1 conv (default)"), word("layer_norm", "LayerNorm, then a Linear")))),
          option("mlp", "global pool, Linear -> ReLU -> Linear",
              new Property("pool", "pooling", POOLS), free("hidden", "hidden width"),
              free("features", "output features"))));

  private static final Option LAYER = option("layer", "a Kuramoto layer: T steps of the oscillators under c",
      free("n", "components per oscillator"),
      free("channels", "channels C (C / n oscillators)"),
      free("steps", "Kuramoto steps T"),
      new Property("gamma", "step size: a number, learnable(VALUE) or fixed(VALUE)", List.of(
          option("learnable", "a learnable step size", free("init", "initial value")),
          option("fixed", "a fixed step size", free("init", "value")))),
      new Property("connectivity", "the coupling J", List.of(
          option("conv", "Conv2d(C -> C, kernel)", free("kernel", "odd kernel size")),
          option("attention", "multi-head attention over positions",
              free("heads", "attention heads"),
              new Property("positional", "positional encoding", List.of(
                  word("gta", "geometric transform attention"), word("none", "none (default)")))),
          word("dense", "fully connected over positions and channels"))),
      new Property("omega", "natural frequency", List.of(
          word("none", "no Omega (default; dx = x + y)"),
          option("global", "one frequency for the layer",
              free("init", "initial frequency (default 1.0)"), flag("learnable", "default on")),
          option("per_pair", "one frequency per channel pair",
              free("init", "initial frequency (default 1.0)"), flag("learnable", "default on")))),
      new Property("c_norm", "normalisation of the stimulus", List.of(
          word("group", "GroupNorm(C / n groups)"), word("scale_bias", "per-channel scale and bias"),
          word("none", "none (default)"))),
      flag("projection", "project onto the tangent space (default on)"));

  public static final List<String> STAGE_KINDS =
      List.of("stem", "init", "features", "layer", "readout", "transition", "next_x", "head");

  private Vocabulary() {}

  /** The values a chain stage takes ({@code stem = ...}), empty for others. */
  public static List<Option> stageValues(String kind) {
    return STAGES.getOrDefault(kind, List.of());
  }

  /** The properties of a block stage ({@code layer { ... }}), empty for others. */
  public static List<Property> blockStageProperties(String kind) {
    return kind.equals("layer") ? LAYER.properties() : List.of();
  }

  private static Option word(String word, String doc) {
    return new Option(word, doc, List.of());
  }

  private static Option option(String word, String doc, Property... properties) {
    return new Option(word, doc, List.of(properties));
  }

  private static Property free(String name, String doc) {
    return new Property(name, doc, List.of());
  }

  private static Property flag(String name, String doc) {
    return new Property(name, doc, FLAGS.stream().map(f -> word(f, "")).toList());
  }
}
