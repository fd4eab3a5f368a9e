package org.akorn.runtime.data;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadersTest {
  @TempDir Path dir;

  @Test
  void cifarBatchGivesLabelsAndChannelFirstPixels() throws Exception {
    byte[] bytes = new byte[2 * Cifar10Reader.RECORD];
    bytes[0] = 3;
    bytes[1] = 10;
    bytes[Cifar10Reader.RECORD] = 9;
    bytes[Cifar10Reader.RECORD + 1 + 1024] = (byte) 255;
    Files.write(dir.resolve("data_batch_1.bin"), bytes);
    Files.write(dir.resolve("test_batch.bin"), bytes);
    DataFolder.Splits s = DataFolder.open(dir, List.of("image"));
    Dataset train = s.train();
    assertThat(train.size()).isEqualTo(2);
    Column image = train.inputs().get(0);
    assertThat(image.name()).isEqualTo("image");
    assertThat(image.exampleShape()).isEqualTo(new Shape(3, 32, 32));
    assertThat(image.values()[0]).isEqualTo(10 / 255f);
    assertThat(image.values()[3072 + 1024]).isEqualTo(1f);
    assertThat(train.labels().values()).isEqualTo(new float[] {3, 9});
  }

  @Test
  void cifarRejectsPartialRecordsAndBadLabels() throws Exception {
    Path f = dir.resolve("test_batch.bin");
    Files.write(f, new byte[Cifar10Reader.RECORD + 5]);
    assertThat(assertThrows(DataFormatException.class, () -> Cifar10Reader.read(f)))
        .hasMessageThat().isEqualTo(
            f + ": a CIFAR-10 batch holds whole records of 3073 bytes, but the file has 3078 bytes");
    byte[] bad = new byte[Cifar10Reader.RECORD];
    bad[0] = 12;
    Files.write(f, bad);
    assertThat(assertThrows(DataFormatException.class, () -> Cifar10Reader.read(f)))
        .hasMessageThat().isEqualTo(f + ": record 0 has label 12 (CIFAR-10 labels are 0..9)");
  }

  @Test
  void npzArraysByModelInputNamesAndLabel() throws Exception {
    Path train = dir.resolve("train.npz");
    writeNpz(train, Map.of(
        "image", npy("<f4", new long[] {2, 1, 2, 2}, floats(0.5f, 1, 0, 0.25f, 1, 1, 1, 1)),
        "label", npy("<i8", new long[] {2}, longs(7, 2))));
    Files.copy(train, dir.resolve("test.npz"));
    DataFolder.Splits s = DataFolder.open(dir, List.of("image"));
    assertThat(s.test().inputs().get(0).exampleShape()).isEqualTo(new Shape(1, 2, 2));
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = s.train().inputs(m, new int[] {1, 0}).get("image");
      assertThat(x.getShape()).isEqualTo(new Shape(2, 1, 2, 2));
      assertThat(x.toFloatArray()).isEqualTo(new float[] {1, 1, 1, 1, 0.5f, 1, 0, 0.25f});
      NDArray y = s.train().labels(m, new int[] {0, 1});
      assertThat(y.getDataType()).isEqualTo(DataType.INT64);
      assertThat(y.toLongArray()).isEqualTo(new long[] {7, 2});
    }
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> DataFolder.open(dir, List.of("digits")));
    assertThat(e).hasMessageThat().isEqualTo(
        train + ": has no array 'digits' for the model's input (it has [image, label])");
  }

  @Test
  void npzRejectsShapeLargerThanItsData() throws Exception {
    Path f = dir.resolve("x.npz");
    byte[] full = npy("<f4", new long[] {4}, floats(1, 2, 3, 4));
    byte[] cut = new byte[full.length - 8];
    System.arraycopy(full, 0, cut, 0, cut.length);
    writeNpz(f, Map.of("x", cut));
    assertThat(assertThrows(DataFormatException.class, () -> NpzReader.read(f)))
        .hasMessageThat().isEqualTo(f + " array 'x' holds 8 data bytes, but shape (4,) of <f4"
            + " needs 16 (truncated?)");
    writeNpz(f, Map.of("x", npy("<c8", new long[] {1}, floats(1, 2))));
    assertThat(assertThrows(DataFormatException.class, () -> NpzReader.read(f)))
        .hasMessageThat().isEqualTo(f + " array 'x' has dtype '<c8' (supported: float16/32/64,"
            + " int8/16/32/64, uint8, bool)");
    Files.writeString(f, "not a zip");
    assertThat(assertThrows(DataFormatException.class, () -> NpzReader.read(f)))
        .hasMessageThat().isEqualTo(f + " is not a NumPy .npz or .npy file");
  }

  @Test
  void npzEntryNamesComeFromTheCentralDirectory() throws Exception {
    // Found by the npz-data fuzz target when data had its own reader: a local header's name that
    // is not UTF-8 crashed java.util.zip's streaming reader. The one NumPy reader (NpzFiles) names
    // entries by the archive's central directory, which still says "x.npy".
    Path f = dir.resolve("names.npz");
    writeNpz(f, Map.of("x", npy("<f4", new long[] {1}, floats(1))));
    byte[] bytes = Files.readAllBytes(f);
    bytes[30] = (byte) 0xff; // first byte of the first local header's file name ("x.npy")
    Files.write(f, bytes);
    List<Column> columns = NpzReader.read(f);
    assertThat(columns).hasSize(1);
    assertThat(columns.get(0).name()).isEqualTo("x");
    assertThat(columns.get(0).values()).isEqualTo(new float[] {1});
  }

  @Test
  void npzElementTypesBecomeColumnsOfFloat32Int32Int64OrBool() throws Exception {
    Path f = dir.resolve("types.npz");
    ByteBuffer half = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    // 1, -2, 65504 (largest half), 2^-24 (smallest subnormal), +infinity, 0.333251953125
    for (int h : new int[] {0x3c00, 0xc000, 0x7bff, 0x0001, 0x7c00, 0x3555}) {
      half.putShort((short) h);
    }
    ByteBuffer i16 = ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN);
    i16.putShort((short) -3).putShort((short) 300).putShort(Short.MAX_VALUE);
    writeNpz(f, Map.of(
        "h", npy("<f2", new long[] {6}, half.array()),
        "d", npy("<f8", new long[] {2, 1}, doubles(0.1, -2.5)),
        "b", npy("|u1", new long[] {3}, new byte[] {0, (byte) 200, (byte) 255}),
        "s", npy("|i1", new long[] {2}, new byte[] {-128, 127}),
        "w", npy("<i2", new long[] {3}, i16.array()),
        "l", npy("<i8", new long[] {2}, longs(-7, 1L << 40)),
        "q", npy("|b1", new long[] {2}, new byte[] {1, 0})));
    java.util.Map<String, Column> byName = new java.util.HashMap<>();
    for (Column c : NpzReader.read(f)) {
      byName.put(c.name(), c);
    }
    assertThat(byName.get("h").type()).isEqualTo(DataType.FLOAT32);
    assertThat(byName.get("h").values())
        .isEqualTo(new float[] {1, -2, 65504, 0x1p-24f, Float.POSITIVE_INFINITY, 0.333251953125f});
    assertThat(byName.get("d").type()).isEqualTo(DataType.FLOAT32);
    assertThat(byName.get("d").exampleShape()).isEqualTo(new Shape(1));
    assertThat(byName.get("d").values()).isEqualTo(new float[] {0.1f, -2.5f});
    assertThat(byName.get("b").type()).isEqualTo(DataType.INT32);
    assertThat(byName.get("b").values()).isEqualTo(new float[] {0, 200, 255});
    assertThat(byName.get("s").values()).isEqualTo(new float[] {-128, 127});
    assertThat(byName.get("w").values()).isEqualTo(new float[] {-3, 300, 32767});
    assertThat(byName.get("l").type()).isEqualTo(DataType.INT64);
    assertThat(byName.get("l").values()).isEqualTo(new float[] {-7, 0x1p40f});
    assertThat(byName.get("q").type()).isEqualTo(DataType.BOOLEAN);
    assertThat(byName.get("q").values()).isEqualTo(new float[] {1, 0});
  }

  @Test
  void npzScalarsAndBareNpyFilesAreNotDataSets() throws Exception {
    Path f = dir.resolve("scalar.npz");
    writeNpz(f, Map.of("x", npy("<f4", new long[] {}, floats(1))));
    assertThat(assertThrows(DataFormatException.class, () -> NpzReader.read(f)))
        .hasMessageThat().isEqualTo(f + ": array 'x' is a scalar; data arrays have a leading"
            + " example axis");
    Path bare = dir.resolve("bare.npz");
    Files.write(bare, npy("<f4", new long[] {2}, floats(1, 2)));
    assertThat(assertThrows(DataFormatException.class, () -> NpzReader.read(bare)))
        .hasMessageThat().isEqualTo(bare + ": is a single .npy array; data sets are .npz"
            + " archives of named arrays (numpy.savez(file, image=..., label=...))");
  }

  @Test
  void idxFolderAndShapeCheckAgainstTheModel() throws Exception {
    IdxWriter.write(dir.resolve("train-images-idx3-ubyte.gz"), new int[] {3, 2, 2},
        new byte[] {0, (byte) 255, 51, 0, 1, 2, 3, 4, 5, 6, 7, 8});
    IdxWriter.write(dir.resolve("train-labels-idx1-ubyte.gz"), new int[] {3}, new byte[] {4, 0, 9});
    IdxWriter.write(dir.resolve("t10k-images-idx3-ubyte"), new int[] {1, 2, 2}, new byte[4]);
    IdxWriter.write(dir.resolve("t10k-labels-idx1-ubyte"), new int[] {1}, new byte[] {1});
    DataFolder.Splits s = DataFolder.open(dir, List.of("picture"));
    Dataset train = s.train();
    assertThat(train.size()).isEqualTo(3);
    assertThat(train.inputs().get(0).name()).isEqualTo("picture");
    assertThat(train.inputs().get(0).values()[1]).isEqualTo(1f);
    assertThat(train.inputs().get(0).values()[2]).isEqualTo(0.2f);
    assertThat(train.labels().values()).isEqualTo(new float[] {4, 0, 9});
    assertThat(s.test().size()).isEqualTo(1);
    train.checkAgainst(Map.of("picture", new Shape(1, 2, 2)));
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> train.checkAgainst(Map.of("picture", new Shape(3, 32, 32))));
    assertThat(e).hasMessageThat().isEqualTo("picture: model expects [3, 32, 32], data has [1, 2, 2]");
    assertThat(train.slice(1, 3).labels().values()).isEqualTo(new float[] {0, 9});
  }

  @Test
  void idxLabelsMustMatchImages() throws Exception {
    IdxWriter.write(dir.resolve("train-images-idx3-ubyte"), new int[] {2, 1, 1}, new byte[2]);
    IdxWriter.write(dir.resolve("train-labels-idx1-ubyte"), new int[] {3}, new byte[3]);
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> DataFolder.open(dir, List.of("image")));
    assertThat(e).hasMessageThat().isEqualTo(dir.resolve("train-labels-idx1-ubyte")
        + ": expected 2 labels (one per image of train-images-idx3-ubyte), this file has shape [3]");
  }

  @Test
  void unknownFolderSaysWhatItLooksFor() {
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> DataFolder.open(dir, List.of("image")));
    assertThat(e).hasMessageThat().isEqualTo(dir + ": no data set found (expected IDX files such as"
        + " train-images-idx3-ubyte.gz, CIFAR-10 test_batch.bin, train.npz or train.csv)");
  }

  @Test
  void sudokuCsvGivesDigitsGivenAndZeroBasedLabels() throws Exception {
    Path f = dir.resolve("train.csv");
    Files.writeString(f, "quizzes,solutions\n1.3.3..2....4.2.,1234341221434321\n");
    Dataset d = SudokuCsvReader.read(f);
    assertThat(d.size()).isEqualTo(1);
    assertThat(d.inputs().get(0).exampleShape()).isEqualTo(new Shape(4, 4));
    assertThat(d.inputs().get(0).values()[0]).isEqualTo(1f);
    assertThat(d.inputs().get(1).values()[1]).isEqualTo(0f);
    assertThat(d.labels().values()[1]).isEqualTo(1f);
    Files.writeString(f, "1234,1234\n");
    assertThat(assertThrows(DataFormatException.class, () -> SudokuCsvReader.read(f)))
        .hasMessageThat().isEqualTo(f + ":1: a puzzle has 81 (9x9) or 16 (4x4) characters, got 4");
  }

  @Test
  void sudokuCsvReportsBadLineWithFileAndLineNumber() throws Exception {
    Path f = dir.resolve("bad.csv");
    Files.writeString(f, "1234341221434321,1234341221434321\n1234341221434321,123434122143432\n");
    assertThat(assertThrows(DataFormatException.class, () -> SudokuCsvReader.read(f)))
        .hasMessageThat().isEqualTo(f + ":2: solution has 15 characters, puzzle has 16");
    assertThat(assertThrows(DataFormatException.class,
        () -> SudokuCsvReader.parseLine("2234341221434321,1234341221434321", "x.csv:4")))
        .hasMessageThat().isEqualTo("x.csv:4: clue 2 at cell 0 disagrees with the solution's 1");
  }

  static byte[] floats(float... v) {
    ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : v) {
      b.putFloat(f);
    }
    return b.array();
  }

  static byte[] doubles(double... v) {
    ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (double d : v) {
      b.putDouble(d);
    }
    return b.array();
  }

  static byte[] longs(long... v) {
    ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (long f : v) {
      b.putLong(f);
    }
    return b.array();
  }

  /** A version-1 .npy file as numpy writes it. */
  static byte[] npy(String descr, long[] shape, byte[] data) throws Exception {
    StringBuilder dims = new StringBuilder();
    for (long d : shape) {
      dims.append(d).append(", ");
    }
    String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': ("
        + dims.toString().strip() + "), }";
    int total = 10 + header.length() + 1;
    header = header + " ".repeat((64 - total % 64) % 64) + "\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
    out.write(new byte[] {(byte) header.length(), (byte) (header.length() >> 8)});
    out.write(header.getBytes(StandardCharsets.ISO_8859_1));
    out.write(data);
    return out.toByteArray();
  }

  static void writeNpz(Path file, Map<String, byte[]> arrays) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : new java.util.TreeMap<>(arrays).entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    Files.write(file, out.toByteArray());
  }
}
