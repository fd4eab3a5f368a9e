package org.akorn.runtime.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.akorn.runtime.io.BadFileException;
import org.akorn.runtime.io.NpyArray;
import org.akorn.runtime.io.NpzFiles;

/**
 * A reference PyTorch {@code state_dict} read from {@code .npz}. When any array name starts with
 * {@code param.} or {@code buffer.} (the golden-fixture layout), only those arrays are kept, with
 * the prefix removed; otherwise every array is kept under its own name.
 */
public final class StateDict {
  private final Map<String, NDArray> tensors;

  public StateDict(Map<String, NDArray> tensors) {
    this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
  }

  /**
   * Reads an {@code .npz} file; the arrays belong to {@code manager}.
   *
   * @throws BadFileException if the file is not a valid {@code .npz} or a tensor holds NaN or
   *     infinity (the message names the file and the tensor)
   */
  public static StateDict load(NDManager manager, Path npz) throws IOException {
    return of(manager, NpzFiles.read(npz), npz.toString());
  }

  /** Reads {@code .npz} bytes (validated like {@link #load(NDManager, Path)}). */
  public static StateDict load(NDManager manager, InputStream npz) throws IOException {
    return of(manager, NpzFiles.decode(npz.readAllBytes(), "weights"), "weights");
  }

  private static StateDict of(NDManager manager, List<NpyArray> arrays, String where)
      throws BadFileException {
    NpzFiles.requireFinite(arrays, where, "tensor");
    return of(NpzFiles.toNDList(manager, arrays));
  }

  /** Builds a state dict from named arrays (see the class comment for prefixes). */
  public static StateDict of(NDList arrays) {
    boolean prefixed = false;
    for (NDArray a : arrays) {
      String name = a.getName();
      if (name != null && (name.startsWith("param.") || name.startsWith("buffer."))) {
        prefixed = true;
        break;
      }
    }
    Map<String, NDArray> map = new LinkedHashMap<>();
    for (NDArray a : arrays) {
      String name = a.getName();
      if (name == null) {
        continue;
      }
      if (!prefixed) {
        map.put(name, a);
      } else if (name.startsWith("param.")) {
        map.put(name.substring("param.".length()), a);
      } else if (name.startsWith("buffer.")) {
        map.put(name.substring("buffer.".length()), a);
      }
    }
    return new StateDict(map);
  }

  public NDArray get(String key) {
    return tensors.get(key);
  }

  public Set<String> keys() {
    return tensors.keySet();
  }

  /** A copy without {@code key} (useful to test error reporting). */
  public StateDict without(String key) {
    Map<String, NDArray> m = new LinkedHashMap<>(tensors);
    m.remove(key);
    return new StateDict(m);
  }

  /** A copy with {@code key} set to {@code value}. */
  public StateDict with(String key, NDArray value) {
    Map<String, NDArray> m = new LinkedHashMap<>(tensors);
    m.put(key, value);
    return new StateDict(m);
  }
}
