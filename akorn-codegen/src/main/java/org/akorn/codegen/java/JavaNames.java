package org.akorn.codegen.java;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Java names for the names of a model. Class and package names must be valid as written (a clash
 * is a diagnostic); member names of hyper-parameters, inputs and outputs are allocated: a Java
 * keyword or a name the generated class already uses gets a trailing underscore.
 */
public final class JavaNames {
  private JavaNames() {}

  /** Simple names of the nested types and runtime classes a generated class refers to. */
  static final Set<String> RESERVED_TYPE_NAMES =
      Set.of(
          "Input", "Output", "Builder", "AkornModel", "AkornNetwork", "AkornInput", "AkornResult",
          "RunOptions", "ModelSupport", "ReferenceLayouts", "KuramotoLayer", "KuramotoResult",
          "Stage", "OpChain", "ReadOutConv", "ResidualFeedForward", "NormReluConv", "ConvStem",
          "Conv2dBlock", "EmbeddingStem", "InitialState", "SharedTransition", "CellHead",
          "LayerNormCellHead", "ChannelLayerNorm", "IteratedSelfAttention", "GeluMlp", "SinCosPosition",
          "PooledLinearHead", "PooledMlpHead", "FeatureNorm", "Pooling", "OmegaTerm",
          "WeightMapping", "StateDict", "Checkpoints", "CheckpointMetadata", "NDArray",
          "NDManager", "Shape", "DataType", "ParameterStore", "Block", "List", "Map", "Path",
          "IOException", "LinkedHashMap", "Collections", "String", "Object", "Override", "Math",
          "Integer", "Double", "Boolean", "IllegalArgumentException", "RuntimeException", "IllegalStateException", "UnsupportedOperationException");

  /** Members of the generated class, its builder and records that user names must not take. */
  static final Set<String> RESERVED_MEMBERS =
      Set.of(
          "manager", "network", "readOut", "builder", "build", "layers", "of", "forward", "run",
          "close", "modelName", "inputNames", "outputNames", "hyperParameters", "referenceMapping",
          "importReferenceWeights", "saveCheckpoint", "loadCheckpoint", "checkInput",
          "createNetwork", "createReadOut", "toString", "hashCode", "equals", "getClass",
          "notify", "notifyAll", "wait", "clone", "finalize", "inputs", "options", "input",
          "initialState", "result", "outputs", "file", "npz", "scratch", "MODEL_NAME", "INPUT_NAMES",
          "OUTPUT_NAMES", "steps", "stepsOf", "layer", "declared", "fromCheckpoint", "meta",
          "values", "model");

  public static boolean isValidTypeName(String name) {
    return SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name);
  }

  public static boolean isValidPackage(String pkg) {
    return pkg.isEmpty() || SourceVersion.isName(pkg);
  }

  /** Allocates member names for {@code names} in order; deterministic. */
  static Map<String, String> allocate(List<String> names) {
    Set<String> used = new HashSet<>(RESERVED_MEMBERS);
    Map<String, String> out = new LinkedHashMap<>();
    for (String n : names) {
      String candidate = n;
      while (SourceVersion.isKeyword(candidate) || used.contains(candidate) || !SourceVersion.isIdentifier(candidate)) {
        candidate = candidate + "_";
      }
      used.add(candidate);
      out.put(n, candidate);
    }
    return out;
  }
}
