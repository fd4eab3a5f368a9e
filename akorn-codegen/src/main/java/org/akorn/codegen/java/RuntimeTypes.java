package org.akorn.codegen.java;

import com.palantir.javapoet.ClassName;

/** The runtime and DJL classes generated code refers to, by name (codegen does not depend on them). */
final class RuntimeTypes {
  private RuntimeTypes() {}

  private static final String RT = "org.akorn.runtime";
  private static final String NN = "org.akorn.runtime.nn";

  static final ClassName AKORN_MODEL = ClassName.get(RT, "AkornModel");
  static final ClassName GENERATED_MODEL = ClassName.get(RT, "GeneratedModel");
  static final ClassName AKORN_NETWORK = ClassName.get(RT, "AkornNetwork");
  static final ClassName AKORN_NETWORK_BUILDER = AKORN_NETWORK.nestedClass("Builder");
  static final ClassName AKORN_INPUT = ClassName.get(RT, "AkornInput");
  static final ClassName AKORN_RESULT = ClassName.get(RT, "AkornResult");
  static final ClassName RUN_OPTIONS = ClassName.get(RT, "RunOptions");
  static final ClassName MODEL_SUPPORT = ClassName.get(RT, "ModelSupport");
  static final ClassName ELEMENT_KIND = MODEL_SUPPORT.nestedClass("ElementKind");
  static final ClassName REFERENCE_LAYOUTS = ClassName.get(RT, "ReferenceLayouts");

  static final ClassName KURAMOTO_LAYER = ClassName.get(NN, "KuramotoLayer");
  static final ClassName STIMULUS_NORM = KURAMOTO_LAYER.nestedClass("StimulusNorm");
  static final ClassName KURAMOTO_RESULT = ClassName.get(NN, "KuramotoResult");
  static final ClassName STAGE = ClassName.get(NN, "Stage");
  static final ClassName OP_CHAIN = ClassName.get(NN, "OpChain");
  static final ClassName READ_OUT_CONV = ClassName.get(NN, "ReadOutConv");
  static final ClassName RESIDUAL_FEED_FORWARD = ClassName.get(NN, "ResidualFeedForward");
  static final ClassName NORM_RELU_CONV = ClassName.get(NN, "NormReluConv");
  static final ClassName CONV_STEM = ClassName.get(NN, "ConvStem");
  static final ClassName CONV2D_BLOCK = ClassName.get(NN, "Conv2dBlock");
  static final ClassName EMBEDDING_STEM = ClassName.get(NN, "EmbeddingStem");
  static final ClassName INITIAL_STATE = ClassName.get(NN, "InitialState");
  static final ClassName SHARED_TRANSITION = ClassName.get(NN, "SharedTransition");
  static final ClassName CELL_HEAD = ClassName.get(NN, "CellHead");
  static final ClassName LAYER_NORM_CELL_HEAD = ClassName.get(NN, "LayerNormCellHead");
  static final ClassName CHANNEL_LAYER_NORM = ClassName.get(NN, "ChannelLayerNorm");
  static final ClassName ITERATED_SELF_ATTENTION = ClassName.get(NN, "IteratedSelfAttention");
  static final ClassName GELU_MLP = ClassName.get(NN, "GeluMlp");
  static final ClassName SIN_COS_POSITION = ClassName.get(NN, "SinCosPosition");
  static final ClassName POOLED_LINEAR_HEAD = ClassName.get(NN, "PooledLinearHead");
  static final ClassName POOLED_MLP_HEAD = ClassName.get(NN, "PooledMlpHead");
  static final ClassName FEATURE_NORM = ClassName.get(NN, "FeatureNorm");
  static final ClassName POOLING = ClassName.get(NN, "Pooling");
  static final ClassName OMEGA_SCOPE = ClassName.get(NN, "OmegaTerm", "Scope");

  static final ClassName WEIGHT_MAPPING = ClassName.get(RT + ".weights", "WeightMapping");
  static final ClassName STATE_DICT = ClassName.get(RT + ".weights", "StateDict");
  static final ClassName CHECKPOINTS = ClassName.get(RT + ".checkpoint", "Checkpoints");
  static final ClassName CHECKPOINT_METADATA = ClassName.get(RT + ".checkpoint", "CheckpointMetadata");

  static final ClassName ND_ARRAY = ClassName.get("ai.djl.ndarray", "NDArray");
  static final ClassName ND_MANAGER = ClassName.get("ai.djl.ndarray", "NDManager");
  static final ClassName SHAPE = ClassName.get("ai.djl.ndarray.types", "Shape");
  static final ClassName DATA_TYPE = ClassName.get("ai.djl.ndarray.types", "DataType");
  static final ClassName PARAMETER_STORE = ClassName.get("ai.djl.training", "ParameterStore");
  static final ClassName BLOCK = ClassName.get("ai.djl.nn", "Block");
}
