package org.akorn.runtime.io;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads NumPy {@code .npz} archives and {@code .npy} arrays a user hands in, validating every
 * record before anything is allocated by a declared size ({@link ZipEntries}, {@link NpyHeader}).
 * This is the one reader behind weights, inputs, initial states and checkpoint entries.
 */
public final class NpzFiles {
  private NpzFiles() {}

  /** Reads an {@code .npz} (named arrays) or {@code .npy} (one unnamed array) file. */
  public static List<NpyArray> read(Path file) throws BadFileException {
    byte[] bytes = InputFiles.readAll(file, InputFiles.MAX_BYTES);
    return decode(bytes, file.toString());
  }

  /**
   * Decodes {@code .npz} or {@code .npy} bytes.
   *
   * @param where names the bytes in messages (a file, or a file and an entry)
   */
  public static List<NpyArray> decode(byte[] bytes, String where) throws BadFileException {
    if (NpyHeader.looksLikeNpy(bytes)) {
      return List.of(array(null, bytes, where));
    }
    if (!ZipEntries.looksLikeZip(bytes)) {
      throw new BadFileException(where, bytes.length == 0 ? "is empty"
          : "is not a NumPy .npz or .npy file");
    }
    Map<String, byte[]> entries = ZipEntries.read(bytes, where, InputFiles.MAX_BYTES);
    List<NpyArray> out = new ArrayList<>(entries.size());
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      String entry = e.getKey();
      if (!entry.endsWith(".npy") || entry.length() == 4) {
        throw new BadFileException(where, "entry '" + entry + "' is not a named .npy array");
      }
      String name = entry.substring(0, entry.length() - 4);
      out.add(array(name, e.getValue(), where + " array '" + name + "'"));
    }
    return out;
  }

  private static NpyArray array(String name, byte[] npy, String where) throws BadFileException {
    NpyHeader header = NpyHeader.parse(npy, where);
    byte[] data = Arrays.copyOfRange(npy, header.dataOffset(), npy.length);
    if (header.fortranOrder()) {
      data = FortranOrder.toRowMajor(data, header.shape(), header.itemSize());
    }
    return new NpyArray(name, header.type(), header.shape(), data);
  }

  /**
   * Rejects floating-point arrays holding NaN or infinity, naming the first such array and how
   * many values are affected.
   *
   * @param what how the arrays are called in the message, e.g. "tensor" or "input"
   */
  public static void requireFinite(List<NpyArray> arrays, String where, String what)
      throws BadFileException {
    for (NpyArray a : arrays) {
      long bad = a.nonFiniteCount();
      if (bad > 0) {
        String which = a.name() == null ? "" : what + " '" + a.name() + "' ";
        throw new BadFileException(where, which + "holds " + bad + " non-finite value"
            + (bad == 1 ? "" : "s") + " (NaN or infinity) among "
            + Arrays.stream(a.shape()).reduce(1, (x, y) -> x * y));
      }
    }
  }

  /** Copies the arrays into {@code manager}, keeping their names. */
  public static NDList toNDList(NDManager manager, List<NpyArray> arrays) {
    NDList list = new NDList(arrays.size());
    for (NpyArray a : arrays) {
      list.add(a.toNDArray(manager));
    }
    return list;
  }
}
