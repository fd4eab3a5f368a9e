package org.akorn.runtime.io;

import ai.djl.ndarray.types.DataType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The header of a NumPy {@code .npy} array, parsed strictly: magic, version 1 to 3, a header length
 * inside the data, a dict literal with exactly {@code descr}, {@code fortran_order} and {@code
 * shape}, a little-endian (or one-byte) numeric dtype, non-negative dimensions whose product
 * times the item size equals the bytes that follow exactly (checked without overflow). {@code
 * fortranOrder} is true for an array of rank 2 or more stored column-major.
 */
record NpyHeader(String descr, DataType type, int itemSize, long[] shape, int dataOffset, boolean fortranOrder) {
  static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final int MAX_RANK = 32;
  private static final Map<String, DataType> TYPES = Map.of(
      "f2", DataType.FLOAT16, "f4", DataType.FLOAT32, "f8", DataType.FLOAT64,
      "i1", DataType.INT8, "i2", DataType.INT16, "i4", DataType.INT32, "i8", DataType.INT64,
      "u1", DataType.UINT8, "b1", DataType.BOOLEAN);

  static boolean looksLikeNpy(byte[] bytes) {
    if (bytes.length < MAGIC.length) {
      return false;
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (bytes[i] != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  long elementCount() {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return n;
  }

  static NpyHeader parse(byte[] npy, String where) throws BadFileException {
    if (!looksLikeNpy(npy)) {
      throw new BadFileException(where, "is not a NumPy .npy array (no \\x93NUMPY magic)");
    }
    if (npy.length < 10) {
      throw new BadFileException(where, "is truncated inside the .npy preamble");
    }
    int major = npy[6] & 0xff;
    long headerLength;
    int start;
    if (major == 1) {
      headerLength = (npy[8] & 0xff) | (npy[9] & 0xff) << 8;
      start = 10;
    } else if (major == 2 || major == 3) {
      if (npy.length < 12) {
        throw new BadFileException(where, "is truncated inside the .npy preamble");
      }
      headerLength = ((npy[8] & 0xffL) | (npy[9] & 0xffL) << 8 | (npy[10] & 0xffL) << 16
          | (npy[11] & 0xffL) << 24);
      start = 12;
    } else {
      throw new BadFileException(where, "has .npy format version " + major + "."
          + (npy[7] & 0xff) + " (1 to 3 are supported)");
    }
    if (start + headerLength > npy.length) {
      throw new BadFileException(where, "declares a .npy header of " + headerLength
          + " bytes, but only " + (npy.length - start) + " follow");
    }
    String text = new String(npy, start, (int) headerLength,
        major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    Map<String, Object> dict = new DictParser(text, where).parse();
    int dataOffset = start + (int) headerLength;
    return validate(dict, npy.length - dataOffset, dataOffset, where);
  }

  private static NpyHeader validate(Map<String, Object> dict, long dataBytes, int dataOffset,
      String where) throws BadFileException {
    if (!dict.keySet().equals(java.util.Set.of("descr", "fortran_order", "shape"))) {
      throw new BadFileException(where, "has .npy header keys " + dict.keySet()
          + ", expected descr, fortran_order and shape");
    }
    if (!(dict.get("descr") instanceof String descr)) {
      throw new BadFileException(where, "has a structured or unreadable dtype "
          + dict.get("descr") + " (plain numeric arrays only)");
    }
    if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
      throw new BadFileException(where, "has fortran_order " + dict.get("fortran_order")
          + " (True or False expected)");
    }
    if (!(dict.get("shape") instanceof long[] shape)) {
      throw new BadFileException(where, "has shape " + dict.get("shape") + " (a tuple expected)");
    }
    DataType type = type(descr, where);
    if (shape.length > MAX_RANK) {
      throw new BadFileException(where, "has rank " + shape.length + " (at most " + MAX_RANK
          + " supported)");
    }
    long count = 1;
    try {
      for (long d : shape) {
        if (d < 0) {
          throw new BadFileException(where, "has a negative dimension in shape "
              + shapeText(shape));
        }
        count = Math.multiplyExact(count, d);
      }
      long needed = Math.multiplyExact(count, (long) type.getNumOfBytes());
      if (needed != dataBytes) {
        throw new BadFileException(where, "holds " + dataBytes + " data bytes, but shape "
            + shapeText(shape) + " of " + descr + " needs " + needed + " (truncated?)");
      }
    } catch (ArithmeticException e) {
      throw new BadFileException(where, "has shape " + shapeText(shape)
          + ", which overflows a 64-bit size");
    }
    return new NpyHeader(descr, type, type.getNumOfBytes(), shape, dataOffset, fortran && shape.length > 1);
  }

  private static DataType type(String descr, String where) throws BadFileException {
    DataType type = descr.length() == 3 ? TYPES.get(descr.substring(1)) : null;
    char order = descr.isEmpty() ? '?' : descr.charAt(0);
    if (type != null && order == '>' && type.getNumOfBytes() > 1) {
      throw new BadFileException(where, "is big-endian (" + descr + "); save it as"
          + " little-endian (numpy: a.astype('<" + descr.substring(1) + "'))");
    }
    if (type == null || (order != '<' && order != '|' && order != '=' && order != '>')) {
      throw new BadFileException(where, "has dtype '" + descr + "' (supported: float16/32/64,"
          + " int8/16/32/64, uint8, bool)");
    }
    return type;
  }

  static String shapeText(long[] shape) {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      b.append(i == 0 ? "" : ", ").append(shape[i]);
    }
    return b.append(shape.length == 1 ? ",)" : ")").toString();
  }

  /** A parser for the small Python literal subset .npy headers use. */
  private static final class DictParser {
    private final String s;
    private final String where;
    private int i;

    DictParser(String s, String where) {
      this.s = s;
      this.where = where;
    }

    Map<String, Object> parse() throws BadFileException {
      Map<String, Object> out = new LinkedHashMap<>();
      expect('{');
      while (peek() != '}') {
        Object key = value();
        if (!(key instanceof String k)) {
          throw fail("a string key");
        }
        expect(':');
        if (out.put(k, value()) != null) {
          throw fail("each key once ('" + k + "' repeats)");
        }
        if (peek() == ',') {
          i++;
        } else if (peek() != '}') {
          throw fail("',' or '}'");
        }
      }
      i++;
      while (i < s.length()) {
        char c = s.charAt(i++);
        if (c != ' ' && c != '\n' && c != '\0') {
          throw fail("only padding after the dict");
        }
      }
      return out;
    }

    private Object value() throws BadFileException {
      char c = peek();
      if (c == '\'' || c == '"') {
        int end = s.indexOf(c, i + 1);
        if (end < 0) {
          throw fail("a closing quote");
        }
        String text = s.substring(i + 1, end);
        i = end + 1;
        return text;
      }
      if (s.startsWith("True", i)) {
        i += 4;
        return Boolean.TRUE;
      }
      if (s.startsWith("False", i)) {
        i += 5;
        return Boolean.FALSE;
      }
      if (c == '(') {
        i++;
        List<Long> dims = new ArrayList<>();
        while (peek() != ')') {
          dims.add(integer());
          if (peek() == ',') {
            i++;
          } else if (peek() != ')') {
            throw fail("',' or ')' in the shape");
          }
        }
        i++;
        return dims.stream().mapToLong(Long::longValue).toArray();
      }
      if (c == '[' || c == '{') {
        skipNested();
        return "a nested value";
      }
      return integer();
    }

    private void skipNested() throws BadFileException {
      int depth = 0;
      while (i < s.length()) {
        char c = s.charAt(i++);
        if (c == '[' || c == '{' || c == '(') {
          depth++;
        } else if ((c == ']' || c == '}' || c == ')') && --depth == 0) {
          return;
        }
      }
      throw fail("a closing bracket");
    }

    private long integer() throws BadFileException {
      peek();
      int start = i;
      if (i < s.length() && s.charAt(i) == '-') {
        i++;
      }
      while (i < s.length() && Character.isDigit(s.charAt(i)) && i - start < 20) {
        i++;
      }
      if (i < s.length() && s.charAt(i) == 'L') {
        i++;
      }
      String digits = s.substring(start, i).replace("L", "");
      try {
        return Long.parseLong(digits);
      } catch (NumberFormatException e) {
        throw fail("an integer");
      }
    }

    private char peek() throws BadFileException {
      while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\n')) {
        i++;
      }
      if (i >= s.length()) {
        throw fail("more header text");
      }
      return s.charAt(i);
    }

    private void expect(char c) throws BadFileException {
      if (peek() != c) {
        throw fail("'" + c + "'");
      }
      i++;
    }

    private BadFileException fail(String expected) {
      String near = s.substring(Math.min(i, s.length()), Math.min(s.length(), i + 20));
      return new BadFileException(where, "has a malformed .npy header: expected " + expected
          + " at character " + (i + 1) + " near '" + near + "'");
    }
  }
}
