package org.akorn.runtime.io;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.akorn.fuzz.ZipMutators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code .npz}/{@code .npy} reader: exact values for good files, one line for bad ones. */
class NpzFilesTest {
  @TempDir Path dir;

  /** A version-1 .npy file with {@code header} padded like NumPy pads it. */
  static byte[] npy(String descr, String shape, byte[] data) {
    return npy(descr, shape, data, false);
  }

  static byte[] npy(String descr, String shape, byte[] data, boolean fortranOrder) {
    String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortranOrder ? "True" : "False")
        + ", 'shape': " + shape + ", }";
    int length = dict.length() + 1;
    length += (64 - (10 + length) % 64) % 64;
    byte[] out = new byte[10 + length + data.length];
    byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) length, (byte) (length >> 8)};
    System.arraycopy(magic, 0, out, 0, 10);
    Arrays.fill(out, 10, 10 + length, (byte) ' ');
    System.arraycopy(dict.getBytes(StandardCharsets.ISO_8859_1), 0, out, 10, dict.length());
    out[10 + length - 1] = '\n';
    System.arraycopy(data, 0, out, 10 + length, data.length);
    return out;
  }

  static byte[] floats(float... values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      b.putFloat(v);
    }
    return b.array();
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  private static String rejection(Path file) {
    return assertThrows(BadFileException.class, () -> NpzFiles.read(file)).getMessage();
  }

  @Test
  void readsFortranOrderRowMajor() throws IOException {
    // a [2, 3, 2] array a[i][j][k] = 100 i + 10 j + k, written column-major (i fastest)
    float[] columnMajor = new float[12];
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 3; j++) {
        for (int k = 0; k < 2; k++) {
          columnMajor[i + 2 * j + 6 * k] = 100 * i + 10 * j + k;
        }
      }
    }
    NpyArray a = NpzFiles.read(write("f.npy", npy("<f4", "(2, 3, 2)", floats(columnMajor), true))).get(0);
    assertThat(a.shapeText()).isEqualTo("(2, 3, 2)");
    ByteBuffer b = ByteBuffer.wrap(a.data()).order(ByteOrder.LITTLE_ENDIAN);
    float[] rowMajor = new float[12];
    for (int n = 0; n < 12; n++) {
      rowMajor[n] = b.getFloat(4 * n);
    }
    assertThat(rowMajor).usingExactEquality()
        .containsExactly(0f, 1f, 10f, 11f, 20f, 21f, 100f, 101f, 110f, 111f, 120f, 121f).inOrder();
  }

  @Test
  void readsNumpyFilesWithTheirValues() throws IOException {
    Path seeds = NpzFuzzTest.CORPUS;
    NpyArray digits = NpzFiles.read(seeds.resolve("digits.npy")).get(0);
    assertThat(digits.name()).isNull();
    assertThat(digits.type()).isEqualTo(DataType.UINT8);
    assertThat(digits.shape()).asList().containsExactly(9L, 9L).inOrder();
    for (int i = 0; i < 81; i++) {
      assertThat((int) digits.data()[i]).isEqualTo(i % 10);
    }
    List<NpyArray> weights = NpzFiles.read(seeds.resolve("weights.npz"));
    assertThat(weights.stream().map(NpyArray::name).toList())
        .containsExactly("w1", "w2", "b1").inOrder();
    assertThat(weights.get(0).shapeText()).isEqualTo("(3, 4)");
    assertThat(weights.get(1).shapeText()).isEqualTo("(4,)");
    ByteBuffer b1 = ByteBuffer.wrap(weights.get(2).data()).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(new long[] {b1.getLong(0), b1.getLong(8), b1.getLong(16), b1.getLong(24)})
        .asList().containsExactly(0L, 1L, 2L, 3L).inOrder();
    NpyArray scalar = NpzFiles.read(seeds.resolve("scalar.npy")).get(0);
    assertThat(scalar.shapeText()).isEqualTo("()");
    assertThat(ByteBuffer.wrap(scalar.data()).order(ByteOrder.LITTLE_ENDIAN).getDouble())
        .isEqualTo(2.5);
  }

  @Test
  void agreesWithDjlOnAGoldenFixtureAndACompressedArchive() throws IOException {
    for (String name : List.of("klayer_conv_gn_globalomega.npz", "compressed.npz")) {
      byte[] bytes;
      if (name.startsWith("klayer")) {
        try (InputStream in = getClass().getResourceAsStream("/golden/" + name)) {
          bytes = in.readAllBytes();
        }
      } else {
        bytes = Files.readAllBytes(NpzFuzzTest.CORPUS.resolve(name));
      }
      try (NDManager m = NDManager.newBaseManager()) {
        NDList ours = NpzFiles.toNDList(m, NpzFiles.decode(bytes, name));
        NDList djl = NDList.decode(m, bytes);
        assertThat(ours.size()).isEqualTo(djl.size());
        for (int i = 0; i < djl.size(); i++) {
          NDArray a = ours.get(i);
          NDArray b = djl.get(i);
          assertThat(a.getName()).isEqualTo(b.getName());
          assertThat(a.getShape()).isEqualTo(b.getShape());
          assertThat(a.getDataType()).isEqualTo(b.getDataType());
          assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
        }
      }
    }
  }

  @Test
  void rejectsATruncatedArchiveInOneLine() throws IOException {
    byte[] full = Files.readAllBytes(NpzFuzzTest.CORPUS.resolve("weights.npz"));
    Path file = write("truncated.npz", Arrays.copyOf(full, 500));
    assertThat(rejection(file)).isEqualTo(file + " is truncated or not a ZIP archive:"
        + " no end-of-central-directory record");
  }

  @Test
  void rejectsEntryNamesThatLeaveTheArchiveOrRepeat() throws IOException {
    byte[] a = npy("<f4", "(1,)", floats(1f));
    Path traversal = write("t.npz", ZipMutators.storedZip(List.of(
        new ZipMutators.Entry("../evil.npy", a))));
    assertThat(rejection(traversal)).isEqualTo(traversal
        + " entry 1 '../evil.npy' has a path that leaves the archive ('..')");
    Path absolute = write("abs.npz", ZipMutators.storedZip(List.of(
        new ZipMutators.Entry("/etc/x.npy", a))));
    assertThat(rejection(absolute)).isEqualTo(absolute
        + " entry 1 '/etc/x.npy' has an absolute or non-portable path");
    Path folder = write("dir.npz", ZipMutators.storedZip(List.of(
        new ZipMutators.Entry("w.npy", a), new ZipMutators.Entry("sub/", new byte[0]))));
    assertThat(rejection(folder)).isEqualTo(folder
        + " entry 2 'sub/' has a directory where a file is expected");
    Path duplicate = write("dup.npz", ZipMutators.storedZip(List.of(
        new ZipMutators.Entry("w.npy", a), new ZipMutators.Entry("w.npy", a))));
    assertThat(rejection(duplicate)).isEqualTo(duplicate + " holds the entry 'w.npy' twice");
  }

  @Test
  void showsControlCharactersInNamesVisibly() throws IOException {
    Path file = write("ctl.npz", ZipMutators.storedZip(List.of(
        new ZipMutators.Entry("a\u0000\u001b[31m.npy", npy("<f4", "(1,)", floats(1f))))));
    assertThat(rejection(file)).isEqualTo(file
        + " entry 1 'a\u2400\u241b[31m.npy' has control characters or bytes that are not UTF-8");
  }

  @Test
  void rejectsAnEntryDeclaringMoreThanDeflateCanExpandBeforeAllocatingIt() throws IOException {
    byte[] zip = Files.readAllBytes(NpzFuzzTest.CORPUS.resolve("compressed.npz"));
    int central = indexOf(zip, new byte[] {'P', 'K', 1, 2});
    ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN).putInt(central + 24, 0x7ffffff0);
    int compressed = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN).getInt(central + 20);
    Path file = write("bomb.npz", zip);
    assertThat(rejection(file)).isEqualTo(file + " entry 'x1.npy' declares 2147483632 bytes from "
        + compressed + " compressed bytes, beyond what DEFLATE can expand (a ZIP bomb?)");
  }

  @Test
  void rejectsBadNpyHeaders() throws IOException {
    byte[] good = npy("<f4", "(2, 3)", floats(1, 2, 3, 4, 5, 6));
    byte[] huge = good.clone();
    huge[8] = (byte) 0xff;
    huge[9] = (byte) 0xff;
    Path hugeHeader = write("huge.npy", huge);
    assertThat(rejection(hugeHeader)).isEqualTo(hugeHeader
        + " declares a .npy header of 65535 bytes, but only " + (good.length - 10) + " follow");
    Path complex = write("c8.npy", npy("<c8", "(3,)", new byte[24]));
    assertThat(rejection(complex)).isEqualTo(complex + " has dtype '<c8' (supported:"
        + " float16/32/64, int8/16/32/64, uint8, bool)");
    Path bigEndian = write("be.npy", npy(">f4", "(1,)", new byte[4]));
    assertThat(rejection(bigEndian)).isEqualTo(bigEndian + " is big-endian (>f4); save it as"
        + " little-endian (numpy: a.astype('<f4'))");
    Path short6 = write("short.npy", npy("<f4", "(2, 3)", floats(1, 2, 3, 4)));
    assertThat(rejection(short6)).isEqualTo(short6
        + " holds 16 data bytes, but shape (2, 3) of <f4 needs 24 (truncated?)");
    Path overflow = write("overflow.npy", npy("<f8", "(4294967296, 4294967296, 4)", new byte[8]));
    assertThat(rejection(overflow)).isEqualTo(overflow
        + " has shape (4294967296, 4294967296, 4), which overflows a 64-bit size");
    Path negative = write("neg.npy", npy("<f4", "(-1,)", new byte[4]));
    assertThat(rejection(negative)).isEqualTo(negative
        + " has a negative dimension in shape (-1,)");
    Path notADict = write("list.npy", npy("<f4", "(1,)", new byte[4]).clone());
    byte[] bytes = Files.readAllBytes(notADict);
    bytes[10] = '[';
    Files.write(notADict, bytes);
    assertThat(rejection(notADict)).isEqualTo(notADict + " has a malformed .npy header:"
        + " expected '{' at character 1 near '['descr': '<f4', 'fo'");
  }

  @Test
  void namesTheArrayOfAnArchiveWhoseHeaderIsBad() throws IOException {
    Path file = write("bad-entry.npz", ZipMutators.storedZip(List.of(
        new ZipMutators.Entry("w.npy", npy("<f4", "(2,)", floats(1f))))));
    assertThat(rejection(file)).isEqualTo(file
        + " array 'w' holds 4 data bytes, but shape (2,) of <f4 needs 8 (truncated?)");
  }

  @Test
  void rejectsNonFiniteValuesNamingTheTensorAndTheCount() throws IOException {
    Path file = write("nan.npz", ZipMutators.storedZip(List.of(
        new ZipMutators.Entry("ok.npy", npy("<f4", "(2,)", floats(1f, 2f))),
        new ZipMutators.Entry("w1.npy", npy("<f4", "(2, 2)",
            floats(Float.NaN, 1f, Float.POSITIVE_INFINITY, 0f))))));
    List<NpyArray> arrays = NpzFiles.read(file);
    BadFileException e = assertThrows(BadFileException.class,
        () -> NpzFiles.requireFinite(arrays, file.toString(), "tensor"));
    assertThat(e).hasMessageThat().isEqualTo(file
        + " tensor 'w1' holds 2 non-finite values (NaN or infinity) among 4");
  }

  @Test
  void rejectsFoldersFifosEmptyAndMissingFilesWithoutOpeningThem() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("folder.npz"));
    assertThat(rejection(folder)).isEqualTo(folder + " is a directory, not a file");
    Path fifo = dir.resolve("fifo.npz");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isEqualTo(0);
    assertThat(rejection(fifo)).isEqualTo(fifo
        + " is not a regular file (a FIFO, socket or device?)");
    Path empty = write("empty.npz", new byte[0]);
    assertThat(rejection(empty)).isEqualTo(empty + " is empty");
    Path missing = dir.resolve("missing.npz");
    assertThat(rejection(missing)).isEqualTo(missing + " does not exist");
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
