package org.akorn.runtime.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files (the MNIST and Fashion-MNIST layout), plain or gzip-compressed ({@code .gz}):
 * a 4-byte magic {@code 0x00 0x00 0x08 ndims} (unsigned bytes), {@code ndims} big-endian 32-bit
 * sizes, then the bytes in row-major order. The header is checked against the real amount of
 * data before anything is allocated: a plain file must have exactly the bytes it declares; a
 * compressed one may not declare more than gzip could expand its size to.
 */
public final class IdxReader {
  /** The most gzip's deflate can expand: 1032 output bytes per input byte. */
  private static final long MAX_GZIP_RATIO = 1032;
  private static final int UNSIGNED_BYTE = 0x08;
  private static final int MAX_DIMS = 8;

  private IdxReader() {}

  /**
   * An IDX array.
   *
   * @param dims the sizes, outermost first
   * @param data the values, row-major
   */
  public record IdxArray(int[] dims, byte[] data) {
    /** The value at flat index {@code i}, 0..255. */
    public int unsigned(int i) {
      return data[i] & 0xff;
    }
  }

  /** Reads one IDX file; {@code .gz} names are decompressed. */
  public static IdxArray read(Path file) throws DataFormatException {
    boolean gz = file.getFileName().toString().endsWith(".gz");
    long fileSize = DataFiles.size(file);
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = gz ? new GZIPInputStream(raw, 1 << 16) : raw) {
      byte[] magic = DataFiles.readExactly(file, in, 4, "the header");
      if (magic[0] != 0 || magic[1] != 0) {
        throw DataFormatException.of(file, "not an IDX file (the first two bytes are not zero)");
      }
      if ((magic[2] & 0xff) != UNSIGNED_BYTE) {
        throw DataFormatException.of(file, String.format(
            "IDX element type 0x%02x is not supported (only unsigned bytes, 0x08)", magic[2] & 0xff));
      }
      int ndims = magic[3] & 0xff;
      if (ndims < 1 || ndims > MAX_DIMS) {
        throw DataFormatException.of(file, "IDX header declares " + ndims + " dimensions (1.."
            + MAX_DIMS + " supported)");
      }
      byte[] sizes = DataFiles.readExactly(file, in, 4 * ndims, "the header");
      int[] dims = new int[ndims];
      long count = 1;
      for (int d = 0; d < ndims; d++) {
        long v = ((sizes[4 * d] & 0xffL) << 24) | ((sizes[4 * d + 1] & 0xff) << 16)
            | ((sizes[4 * d + 2] & 0xff) << 8) | (sizes[4 * d + 3] & 0xff);
        if (v < 1 || v > Integer.MAX_VALUE) {
          throw DataFormatException.of(file, "IDX dimension " + d + " has size " + v);
        }
        dims[d] = (int) v;
        count *= v;
        if (count > Integer.MAX_VALUE - 16) {
          throw DataFormatException.of(file, "IDX header declares more than 2^31 values");
        }
      }
      long header = 4 + 4L * ndims;
      if (!gz && header + count != fileSize) {
        throw DataFormatException.of(file, "IDX header declares " + count + " values of shape "
            + shape(dims) + " but the file holds " + (fileSize - header));
      }
      if (gz && header + count > fileSize * MAX_GZIP_RATIO) {
        throw DataFormatException.of(file, "IDX header declares " + count + " values of shape "
            + shape(dims) + ", more than " + fileSize + " compressed bytes can hold");
      }
      byte[] data = DataFiles.readExactly(file, in, (int) count, "the data");
      if (in.read() != -1) {
        throw DataFormatException.of(file, "data continues after the " + count
            + " values the IDX header declares");
      }
      return new IdxArray(dims, data);
    } catch (ZipException e) {
      throw DataFormatException.of(file, "not a valid gzip file: " + e.getMessage());
    } catch (DataFormatException e) {
      throw e;
    } catch (IOException e) {
      throw DataFormatException.of(file, "cannot be read: " + e.getMessage());
    }
  }


  static String shape(int[] dims) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < dims.length; i++) {
      b.append(i == 0 ? "" : ", ").append(dims[i]);
    }
    return b.append(']').toString();
  }
}
