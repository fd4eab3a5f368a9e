package org.akorn.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Mutations that know the ZIP layout (used for {@code .npz} files and checkpoints): entry names
 * that leave the archive or name a folder, duplicated names, enormous declared sizes (ZIP-bomb
 * like), broken offsets and counts, and changes inside one entry with the archive rebuilt around
 * it so that the change reaches the entry's own reader.
 */
public final class ZipMutators {
  /** One archive entry. */
  public record Entry(String name, byte[] data) {}

  private static final int CENTRAL = 0x02014b50;
  private static final int EOCD = 0x06054b50;

  private ZipMutators() {}

  /** Structural mutations of the archive itself. */
  public static List<Mutator> structural() {
    return List.of(ZipMutators::hostileName, ZipMutators::duplicateName,
        ZipMutators::hugeDeclaredSize, ZipMutators::brokenOffset, ZipMutators::brokenCount);
  }

  /** Applies one of {@code inner} to one entry's data and rebuilds the archive (stored). */
  public static Mutator entryContent(List<Mutator> inner) {
    return (in, r) -> {
      List<Entry> entries = readEntries(in);
      if (entries == null || entries.isEmpty()) {
        return in.clone();
      }
      int i = r.nextInt(entries.size());
      Entry e = entries.get(i);
      entries.set(i, new Entry(e.name(), inner.get(r.nextInt(inner.size())).mutate(e.data(), r)));
      return storedZip(entries);
    };
  }

  static byte[] hostileName(byte[] in, Random r) {
    byte[] out = in.clone();
    List<int[]> names = centralNames(out);
    if (names.isEmpty()) {
      return out;
    }
    int[] n = names.get(r.nextInt(names.size()));
    String[] prefixes = {"../", "/", "a/../../", "C:\\", "\0", "dir/"};
    byte[] replacement = prefixes[r.nextInt(prefixes.length)].getBytes(StandardCharsets.UTF_8);
    boolean asFolder = r.nextInt(4) == 0;
    for (int target : new int[] {n[0], n[2]}) {
      if (target < 0) {
        continue;
      }
      if (asFolder) {
        out[target + n[1] - 1] = '/';
      } else {
        System.arraycopy(replacement, 0, out, target, Math.min(replacement.length, n[1]));
      }
    }
    return out;
  }

  static byte[] duplicateName(byte[] in, Random r) {
    byte[] out = in.clone();
    List<int[]> names = centralNames(out);
    for (int a = 0; a < names.size(); a++) {
      for (int b = a + 1; b < names.size(); b++) {
        int[] x = names.get(a);
        int[] y = names.get(b);
        if (x[1] == y[1] && r.nextBoolean()) {
          System.arraycopy(out, x[0], out, y[0], x[1]);
          if (x[2] >= 0 && y[2] >= 0) {
            System.arraycopy(out, x[2], out, y[2], x[1]);
          }
          return out;
        }
      }
    }
    return out;
  }

  static byte[] hugeDeclaredSize(byte[] in, Random r) {
    byte[] out = in.clone();
    List<Integer> records = centralRecords(out);
    if (records.isEmpty()) {
      return out;
    }
    int p = records.get(r.nextInt(records.size()));
    long[] sizes = {0x7ffffff0L, 0xfffffffeL, 0xffffffffL, 1L << 30, 0};
    long v = sizes[r.nextInt(sizes.length)];
    int field = r.nextInt(3);
    if (field != 1) {
      put32(out, p + 24, v);
    }
    if (field != 0) {
      put32(out, p + 20, v);
    }
    return out;
  }

  static byte[] brokenOffset(byte[] in, Random r) {
    byte[] out = in.clone();
    List<Integer> records = centralRecords(out);
    if (records.isEmpty()) {
      return out;
    }
    int p = records.get(r.nextInt(records.size()));
    put32(out, p + 42, r.nextBoolean() ? r.nextInt(Math.max(1, out.length)) : 0xfffffff0L);
    return out;
  }

  static byte[] brokenCount(byte[] in, Random r) {
    byte[] out = in.clone();
    int eocd = endRecord(out);
    if (eocd < 0) {
      return out;
    }
    int[] fields = {8, 10, 12, 16};
    int f = fields[r.nextInt(fields.length)];
    long v = r.nextBoolean() ? 0xffffL : r.nextInt(1 << 16);
    if (f >= 12) {
      put32(out, eocd + f, r.nextBoolean() ? 0xffffffffL : r.nextInt(Math.max(1, out.length)));
    } else {
      out[eocd + f] = (byte) v;
      out[eocd + f + 1] = (byte) (v >>> 8);
    }
    return out;
  }

  /** The entries of a well-formed archive, or {@code null} when it cannot be read. */
  public static List<Entry> readEntries(byte[] zip) {
    int eocd = endRecord(zip);
    if (eocd < 0) {
      return null;
    }
    List<Entry> out = new ArrayList<>();
    for (int p : centralRecords(zip)) {
      int method = u16(zip, p + 10);
      long compressed = u32(zip, p + 20);
      long size = u32(zip, p + 24);
      int nameLength = u16(zip, p + 28);
      long local = u32(zip, p + 42);
      if (p + 46 + nameLength > zip.length || local + 30 > zip.length || size > 1 << 26) {
        return null;
      }
      long start = local + 30 + u16(zip, (int) local + 26) + u16(zip, (int) local + 28);
      if (start + compressed > zip.length) {
        return null;
      }
      String name = new String(zip, p + 46, nameLength, StandardCharsets.UTF_8);
      byte[] data = new byte[(int) size];
      if (method == 0 && compressed == size) {
        System.arraycopy(zip, (int) start, data, 0, (int) size);
      } else if (method == 8) {
        Inflater inflater = new Inflater(true);
        try {
          inflater.setInput(zip, (int) start, (int) compressed);
          if (inflater.inflate(data) != size) {
            return null;
          }
        } catch (DataFormatException e) {
          return null;
        } finally {
          inflater.end();
        }
      } else {
        return null;
      }
      out.add(new Entry(name, data));
    }
    return out;
  }

  /** A stored (uncompressed) archive of {@code entries}, duplicates and odd names included. */
  public static byte[] storedZip(List<Entry> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream central = new ByteArrayOutputStream();
    for (Entry e : entries) {
      byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
      CRC32 crc = new CRC32();
      crc.update(e.data());
      int offset = out.size();
      writeHeader(out, 0x04034b50, false, name, crc.getValue(), e.data().length, 0);
      out.writeBytes(e.data());
      writeHeader(central, CENTRAL, true, name, crc.getValue(), e.data().length, offset);
    }
    int cdOffset = out.size();
    byte[] cd = central.toByteArray();
    out.writeBytes(cd);
    byte[] end = new byte[22];
    put32(end, 0, EOCD);
    end[8] = end[10] = (byte) entries.size();
    end[9] = end[11] = (byte) (entries.size() >>> 8);
    put32(end, 12, cd.length);
    put32(end, 16, cdOffset);
    out.writeBytes(end);
    return out.toByteArray();
  }

  private static void writeHeader(ByteArrayOutputStream out, int signature, boolean central,
      byte[] name, long crc, int size, int offset) {
    byte[] h = new byte[central ? 46 : 30];
    put32(h, 0, signature);
    int p = central ? 6 : 4;
    h[p - (central ? 2 : 0)] = 20;
    put32(h, p + 10, crc);
    put32(h, p + 14, size);
    put32(h, p + 18, size);
    h[p + 22] = (byte) name.length;
    h[p + 23] = (byte) (name.length >>> 8);
    if (central) {
      put32(h, 42, offset);
    }
    out.writeBytes(h);
    out.writeBytes(name);
  }

  /** For each central record: {name offset, name length, local name offset or -1}. */
  private static List<int[]> centralNames(byte[] zip) {
    List<int[]> out = new ArrayList<>();
    for (int p : centralRecords(zip)) {
      int length = u16(zip, p + 28);
      long local = u32(zip, p + 42);
      int localName = local + 30 + length <= zip.length && u16(zip, (int) local + 26) == length
          ? (int) local + 30 : -1;
      if (length > 0 && p + 46 + length <= zip.length) {
        out.add(new int[] {p + 46, length, localName});
      }
    }
    return out;
  }

  private static List<Integer> centralRecords(byte[] zip) {
    List<Integer> out = new ArrayList<>();
    int eocd = endRecord(zip);
    if (eocd < 0) {
      return out;
    }
    long p = u32(zip, eocd + 16);
    while (p + 46 <= eocd && u32(zip, (int) p) == CENTRAL) {
      out.add((int) p);
      p += 46 + u16(zip, (int) p + 28) + u16(zip, (int) p + 30) + u16(zip, (int) p + 32);
    }
    return out;
  }

  private static int endRecord(byte[] zip) {
    for (int p = zip.length - 22; p >= 0 && p >= zip.length - 22 - 0xffff; p--) {
      if (u32(zip, p) == EOCD) {
        return p;
      }
    }
    return -1;
  }

  private static int u16(byte[] b, int p) {
    return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8;
  }

  private static long u32(byte[] b, int p) {
    return (u16(b, p) | (long) u16(b, p + 2) << 16) & 0xffffffffL;
  }

  private static void put32(byte[] b, int p, long v) {
    for (int k = 0; k < 4; k++) {
      b[p + k] = (byte) (v >>> (8 * k));
    }
  }
}
