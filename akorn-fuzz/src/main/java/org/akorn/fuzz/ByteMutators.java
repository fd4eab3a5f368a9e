package org.akorn.fuzz;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Format-blind mutations: truncation, bit flips, interesting bytes and 32-bit integers, deleted,
 * duplicated and inserted ranges, and the empty file.
 */
public final class ByteMutators {
  private static final int[] INTERESTING_INTS = {
    0, 1, -1, 0x7fffffff, 0x80000000, 0xffff, 0x10000, 0x7fff, 255, 256, 1 << 30
  };
  private static final byte[] INTERESTING_BYTES = {0, 1, (byte) 0xff, 0x7f, (byte) 0x80, '\n',
    '\r', 0x1b, ',', '.', '(', ')', '\'', '"', ' ', '9'};

  private ByteMutators() {}

  /** Every mutation of this class. */
  public static List<Mutator> all() {
    return List.of(ByteMutators::truncate, ByteMutators::flipBit, ByteMutators::flipBit,
        ByteMutators::interestingByte, ByteMutators::interestingInt, ByteMutators::deleteRange,
        ByteMutators::duplicateRange, ByteMutators::insertRandom, ByteMutators::empty);
  }

  public static byte[] truncate(byte[] in, Random r) {
    return Arrays.copyOf(in, in.length == 0 ? 0 : r.nextInt(in.length));
  }

  public static byte[] flipBit(byte[] in, Random r) {
    byte[] out = in.clone();
    if (out.length > 0) {
      out[r.nextInt(out.length)] ^= (byte) (1 << r.nextInt(8));
    }
    return out;
  }

  public static byte[] interestingByte(byte[] in, Random r) {
    byte[] out = in.clone();
    if (out.length > 0) {
      out[r.nextInt(out.length)] = INTERESTING_BYTES[r.nextInt(INTERESTING_BYTES.length)];
    }
    return out;
  }

  public static byte[] interestingInt(byte[] in, Random r) {
    byte[] out = in.clone();
    if (out.length >= 4) {
      int p = r.nextInt(out.length - 3);
      int v = INTERESTING_INTS[r.nextInt(INTERESTING_INTS.length)];
      for (int k = 0; k < 4; k++) {
        out[p + k] = (byte) (v >>> (8 * k));
      }
    }
    return out;
  }

  public static byte[] deleteRange(byte[] in, Random r) {
    if (in.length == 0) {
      return in.clone();
    }
    int from = r.nextInt(in.length);
    int to = Math.min(in.length, from + 1 + r.nextInt(Math.max(1, in.length / 8)));
    byte[] out = new byte[in.length - (to - from)];
    System.arraycopy(in, 0, out, 0, from);
    System.arraycopy(in, to, out, from, in.length - to);
    return out;
  }

  public static byte[] duplicateRange(byte[] in, Random r) {
    if (in.length == 0) {
      return in.clone();
    }
    int from = r.nextInt(in.length);
    int length = Math.min(in.length - from, 1 + r.nextInt(Math.max(1, in.length / 8)));
    byte[] out = new byte[in.length + length];
    System.arraycopy(in, 0, out, 0, from + length);
    System.arraycopy(in, from, out, from + length, in.length - from);
    return out;
  }

  public static byte[] insertRandom(byte[] in, Random r) {
    int at = in.length == 0 ? 0 : r.nextInt(in.length + 1);
    byte[] noise = new byte[1 + r.nextInt(8)];
    r.nextBytes(noise);
    byte[] out = new byte[in.length + noise.length];
    System.arraycopy(in, 0, out, 0, at);
    System.arraycopy(noise, 0, out, at, noise.length);
    System.arraycopy(in, at, out, at + noise.length, in.length - at);
    return out;
  }

  public static byte[] empty(byte[] in, Random r) {
    return new byte[0];
  }
}
