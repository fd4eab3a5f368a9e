package org.akorn.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Writes a float32 array as a NumPy {@code .npy} (version 1.0), for tests. */
final class Npy {
  private Npy() {}

  static byte[] float32(NDArray a) {
    long[] shape = a.getShape().getShape();
    String dims = Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "))
        + (shape.length == 1 ? "," : "");
    StringBuilder header = new StringBuilder(
        "{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + "), }");
    while ((10 + header.length() + 1) % 64 != 0) {
      header.append(' ');
    }
    header.append('\n');
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x93);
    out.writeBytes("NUMPY".getBytes(StandardCharsets.US_ASCII));
    out.write(1);
    out.write(0);
    out.write(header.length() & 0xff);
    out.write(header.length() >> 8);
    out.writeBytes(header.toString().getBytes(StandardCharsets.US_ASCII));
    float[] data = a.toType(DataType.FLOAT32, false).toFloatArray();
    ByteBuffer b = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(data);
    out.writeBytes(b.array());
    return out.toByteArray();
  }
}
