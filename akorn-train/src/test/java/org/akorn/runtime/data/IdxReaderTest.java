package org.akorn.runtime.data;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
  @TempDir Path dir;

  private static final byte[] HEADER_2X3 = {0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 3};

  @Test
  void readsPlainFileHandWritten() throws Exception {
    Path f = dir.resolve("a-idx2-ubyte");
    Files.write(f, concat(HEADER_2X3, new byte[] {1, 2, 3, 4, 5, (byte) 200}));
    IdxReader.IdxArray a = IdxReader.read(f);
    assertThat(a.dims()).asList().containsExactly(2, 3).inOrder();
    assertThat(a.unsigned(0)).isEqualTo(1);
    assertThat(a.unsigned(5)).isEqualTo(200);
  }

  @Test
  void readsGzipAsWrittenByTheWriter() throws Exception {
    Path f = dir.resolve("a-idx3-ubyte.gz");
    byte[] data = new byte[2 * 4 * 5];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 7);
    }
    IdxWriter.write(f, new int[] {2, 4, 5}, data);
    byte[] magic = new byte[2];
    System.arraycopy(Files.readAllBytes(f), 0, magic, 0, 2);
    assertThat(magic).isEqualTo(new byte[] {0x1f, (byte) 0x8b});
    IdxReader.IdxArray a = IdxReader.read(f);
    assertThat(a.dims()).asList().containsExactly(2, 4, 5).inOrder();
    assertThat(a.data()).isEqualTo(data);
  }

  @Test
  void rejectsHeaderThatDeclaresMoreThanTheFileHolds() throws Exception {
    Path f = dir.resolve("short");
    Files.write(f, concat(HEADER_2X3, new byte[] {1, 2, 3}));
    DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.read(f));
    assertThat(e).hasMessageThat().isEqualTo(
        f + ": IDX header declares 6 values of shape [2, 3] but the file holds 3");
  }

  @Test
  void rejectsHugeDeclaredGzipWithoutAllocating() throws Exception {
    Path f = dir.resolve("bomb.gz");
    byte[] header = {0, 0, 8, 2, 0x7f, 0, 0, 0, 0, 0, 0, 0x40};
    Files.write(f, gzip(header));
    DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.read(f));
    assertThat(e).hasMessageThat().isEqualTo(f + ": IDX header declares more than 2^31 values");
  }

  @Test
  void rejectsTruncatedGzipData() throws Exception {
    Path f = dir.resolve("cut.gz");
    Files.write(f, gzip(concat(HEADER_2X3, new byte[] {1, 2})));
    DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.read(f));
    assertThat(e).hasMessageThat().isEqualTo(f + ": the data ends early (2 of 6 bytes)");
  }

  @Test
  void rejectsOtherElementTypesAndNonIdx() throws Exception {
    Path f = dir.resolve("float");
    Files.write(f, new byte[] {0, 0, 0x0d, 1, 0, 0, 0, 1, 0, 0, 0, 0});
    assertThat(assertThrows(DataFormatException.class, () -> IdxReader.read(f)))
        .hasMessageThat().isEqualTo(
            f + ": IDX element type 0x0d is not supported (only unsigned bytes, 0x08)");
    Path g = dir.resolve("text");
    Files.writeString(g, "hello world");
    assertThat(assertThrows(DataFormatException.class, () -> IdxReader.read(g)))
        .hasMessageThat().isEqualTo(g + ": not an IDX file (the first two bytes are not zero)");
    Path h = dir.resolve("missing");
    assertThat(assertThrows(DataFormatException.class, () -> IdxReader.read(h)))
        .hasMessageThat().isEqualTo(h + ": no such file");
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static byte[] gzip(byte[] bytes) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }
}
