package org.akorn.fuzz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Mutations that know the NumPy {@code .npy} layout: a rewritten header (other dtype, rank, shape,
 * order, keys, a header that is not a dict), a corrupted header length or version, and NaN or
 * infinity written into float32 data. Combine with {@link ZipMutators#entryContent} for
 * {@code .npz}.
 */
public final class NpyMutators {
  private static final String[] DESCRS = {"'<f4'", "'<f8'", "'<f2'", "'<i8'", "'|u1'", "'|b1'",
    "'>f4'", "'<c8'", "'<U3'", "'|O'", "'f4'", "''", "[('a', '<f4')]", "'<f4", "3"};
  private static final String[] SHAPES = {"()", "(0,)", "(3,)", "(2, 3)", "(1, 1, 1, 1, 1, 1, 1)",
    "(9999999999,)", "(-1,)", "(2147483648, 2147483648)", "(4294967296, 4294967296, 4)",
    "(1,)*40", "(", "[3]", "(3, 'a')", "(99999999999999999999999,)"};
  private static final String[] ORDERS = {"False", "True", "1", "None"};

  private NpyMutators() {}

  public static List<Mutator> all() {
    return List.of(NpyMutators::rewriteHeader, NpyMutators::rewriteHeader,
        NpyMutators::headerLength, NpyMutators::version, NpyMutators::nonFinite);
  }

  /** Whether {@code b} starts with the {@code .npy} magic and a version-1 preamble. */
  private static boolean isNpy(byte[] b) {
    return b.length >= 10 && (b[0] & 0xff) == 0x93 && b[1] == 'N' && b[6] == 1;
  }

  private static int dataOffset(byte[] b) {
    return 10 + ((b[8] & 0xff) | (b[9] & 0xff) << 8);
  }

  static byte[] rewriteHeader(byte[] in, Random r) {
    if (!isNpy(in) || dataOffset(in) > in.length) {
      return in.clone();
    }
    String descr = DESCRS[r.nextInt(DESCRS.length)];
    String order = ORDERS[r.nextInt(ORDERS.length)];
    String shape = SHAPES[r.nextInt(SHAPES.length)];
    String dict = switch (r.nextInt(8)) {
      case 0 -> "{'descr': " + descr + ", 'shape': " + shape + "}";
      case 1 -> "{'descr': " + descr + ", 'fortran_order': " + order + ", 'shape': " + shape
          + ", 'extra': 1}";
      case 2 -> "['descr', " + descr + "]";
      case 3 -> "{'descr': " + descr + ", 'descr': " + descr + ", 'fortran_order': False, "
          + "'shape': " + shape + "}";
      default -> "{'descr': " + descr + ", 'fortran_order': " + order + ", 'shape': " + shape
          + ", }";
    };
    byte[] text = dict.getBytes(StandardCharsets.ISO_8859_1);
    int headerLength = text.length + 1;
    headerLength += (64 - (10 + headerLength) % 64) % 64;
    byte[] out = new byte[10 + headerLength + in.length - dataOffset(in)];
    System.arraycopy(in, 0, out, 0, 8);
    out[8] = (byte) headerLength;
    out[9] = (byte) (headerLength >>> 8);
    java.util.Arrays.fill(out, 10, 10 + headerLength, (byte) ' ');
    System.arraycopy(text, 0, out, 10, text.length);
    out[10 + headerLength - 1] = '\n';
    System.arraycopy(in, dataOffset(in), out, 10 + headerLength, in.length - dataOffset(in));
    return out;
  }

  static byte[] headerLength(byte[] in, Random r) {
    byte[] out = in.clone();
    if (isNpy(out)) {
      int v = r.nextBoolean() ? 0xffff : r.nextInt(Math.max(1, out.length));
      out[8] = (byte) v;
      out[9] = (byte) (v >>> 8);
    }
    return out;
  }

  static byte[] version(byte[] in, Random r) {
    byte[] out = in.clone();
    if (out.length > 7) {
      out[6] = (byte) r.nextInt(5);
      out[7] = (byte) r.nextInt(2);
    }
    return out;
  }

  static byte[] nonFinite(byte[] in, Random r) {
    byte[] out = in.clone();
    if (!isNpy(out) || dataOffset(out) + 4 > out.length) {
      return out;
    }
    int start = dataOffset(out);
    int slots = (out.length - start) / 4;
    float[] values = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
    ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN)
        .putFloat(start + 4 * r.nextInt(slots), values[r.nextInt(values.length)]);
    return out;
  }
}
