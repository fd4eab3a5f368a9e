package org.akorn.runtime.data;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads a NumPy {@code .npz} archive (as {@code numpy.savez} writes it) into one {@link Column}
 * per array, named after the array. Supported element types: float32/64, int8/16/32/64, uint8
 * and bool, little-endian, C order. Every array's header is checked against what the archive
 * can hold before its data is allocated, and the data must end where the header says.
 */
public final class NpzReader {
  private static final long MAX_DEFLATE_RATIO = 1032;
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private NpzReader() {}

  /** Reads every array of the archive, in archive order. */
  public static List<Column> read(Path file) throws DataFormatException {
    long fileSize = DataFiles.size(file);
    List<Column> columns = new ArrayList<>();
    Set<String> names = new HashSet<>();
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        String name = entry.getName();
        if (!name.endsWith(".npy")) {
          throw DataFormatException.of(file, "entry '" + name + "' is not a .npy array");
        }
        name = name.substring(0, name.length() - 4);
        if (!names.add(name)) {
          throw DataFormatException.of(file, "array '" + name + "' appears twice");
        }
        columns.add(readArray(file, name, zip, fileSize));
      }
    } catch (ZipException e) {
      throw DataFormatException.of(file, "not a valid .npz (zip) archive: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      // ZipInputStream's way of saying an entry name is not valid UTF-8
      throw DataFormatException.of(file, "not a valid .npz (zip) archive: an entry name is not"
          + " UTF-8 text");
    } catch (DataFormatException e) {
      throw e;
    } catch (IOException e) {
      throw DataFormatException.of(file, "cannot be read: " + e.getMessage());
    }
    if (columns.isEmpty()) {
      throw DataFormatException.of(file, "not a .npz archive with arrays");
    }
    return columns;
  }

  private static Column readArray(Path file, String name, InputStream in, long fileSize)
      throws IOException {
    String where = "array '" + name + "'";
    byte[] magic = DataFiles.readExactly(file, in, 8, where);
    if ((magic[0] & 0xff) != 0x93 || magic[1] != 'N' || magic[2] != 'U' || magic[3] != 'M'
        || magic[4] != 'P' || magic[5] != 'Y') {
      throw DataFormatException.of(file, where + " is not a .npy array");
    }
    int major = magic[6];
    int headerLength;
    if (major == 1) {
      byte[] len = DataFiles.readExactly(file, in, 2, where);
      headerLength = (len[0] & 0xff) | ((len[1] & 0xff) << 8);
    } else if (major == 2 || major == 3) {
      byte[] len = DataFiles.readExactly(file, in, 4, where);
      headerLength = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getInt();
    } else {
      throw DataFormatException.of(file, where + " has .npy version " + major);
    }
    if (headerLength < 0 || headerLength > 1 << 16) {
      throw DataFormatException.of(file, where + " has a header of " + headerLength + " bytes");
    }
    String header = new String(DataFiles.readExactly(file, in, headerLength, where), StandardCharsets.ISO_8859_1);
    String descr = group(file, where, DESCR, header, "descr");
    if (group(file, where, FORTRAN, header, "fortran_order").equals("True")) {
      throw DataFormatException.of(file, where + " is in Fortran order (save it in C order)");
    }
    long[] dims = parseShape(file, where, group(file, where, SHAPE, header, "shape"));
    Element element = Element.of(file, where, descr);
    long count = 1;
    for (long d : dims) {
      count *= d;
      if (count > Integer.MAX_VALUE - 16) {
        throw DataFormatException.of(file, where + " declares more than 2^31 values");
      }
    }
    long bytes = count * element.size;
    if (bytes > fileSize * MAX_DEFLATE_RATIO) {
      throw DataFormatException.of(file, where + " declares " + count + " values, more than "
          + fileSize + " bytes can hold");
    }
    if (bytes > Integer.MAX_VALUE - 16) {
      throw DataFormatException.of(file, where + " is larger than 2 GiB");
    }
    byte[] data = DataFiles.readExactly(file, in, (int) bytes, where);
    if (in.read() != -1) {
      throw DataFormatException.of(file, where + " has more data than its shape declares");
    }
    ByteBuffer buf = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    float[] values = new float[(int) count];
    for (int i = 0; i < values.length; i++) {
      values[i] = element.read(buf, i);
    }
    if (dims.length == 0) {
      throw DataFormatException.of(file, where + " is a scalar; data arrays have a leading"
          + " example axis");
    }
    long[] example = new long[dims.length - 1];
    System.arraycopy(dims, 1, example, 0, example.length);
    return new Column(name, new Shape(example), element.type, values);
  }

  private enum Element {
    F4(4, DataType.FLOAT32), F8(8, DataType.FLOAT32), I1(1, DataType.INT32), U1(1, DataType.INT32),
    I2(2, DataType.INT32), I4(4, DataType.INT32), I8(8, DataType.INT64), B1(1, DataType.BOOLEAN);

    final int size;
    final DataType type;

    Element(int size, DataType type) {
      this.size = size;
      this.type = type;
    }

    static Element of(Path file, String where, String descr) throws DataFormatException {
      return switch (descr) {
        case "<f4" -> F4;
        case "<f8" -> F8;
        case "|i1" -> I1;
        case "|u1" -> U1;
        case "<i2" -> I2;
        case "<i4" -> I4;
        case "<i8" -> I8;
        case "|b1" -> B1;
        default -> throw DataFormatException.of(file, where + " has element type '" + descr
            + "' (supported: <f4 <f8 |i1 |u1 <i2 <i4 <i8 |b1)");
      };
    }

    float read(ByteBuffer b, int i) {
      return switch (this) {
        case F4 -> b.getFloat(i * 4);
        case F8 -> (float) b.getDouble(i * 8);
        case I1 -> b.get(i);
        case U1, B1 -> b.get(i) & 0xff;
        case I2 -> b.getShort(i * 2);
        case I4 -> b.getInt(i * 4);
        case I8 -> b.getLong(i * 8);
      };
    }
  }

  private static String group(Path file, String where, Pattern p, String header, String key)
      throws DataFormatException {
    Matcher m = p.matcher(header);
    if (!m.find()) {
      throw DataFormatException.of(file, where + " has no '" + key + "' in its header");
    }
    return m.group(1);
  }

  private static long[] parseShape(Path file, String where, String text) throws DataFormatException {
    List<Long> dims = new ArrayList<>();
    for (String part : text.split(",")) {
      String t = part.strip();
      if (t.isEmpty()) {
        continue;
      }
      try {
        long d = Long.parseLong(t.endsWith("L") ? t.substring(0, t.length() - 1) : t);
        if (d < 0 || d > Integer.MAX_VALUE) {
          throw new NumberFormatException();
        }
        dims.add(d);
      } catch (NumberFormatException e) {
        throw DataFormatException.of(file, where + " has a bad shape (" + text + ")");
      }
    }
    return dims.stream().mapToLong(Long::longValue).toArray();
  }

}
