package org.akorn.runtime.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads a ZIP archive held in memory after checking every record against the archive's real
 * length: the central directory must lie inside the file, each entry's data must lie between its
 * local header and the central directory without overlapping another entry, a stored entry's size
 * must equal its stored bytes and a deflated entry may not declare more than DEFLATE's maximum
 * ratio (1032:1) of its compressed bytes, nor all entries together more than a caller's limit.
 * Only then is anything allocated by a declared size. Names must be relative paths without
 * {@code ..}, backslashes or control characters, and unique; CRC-32 is verified.
 */
public final class ZipEntries {
  private static final int EOCD = 0x06054b50;
  private static final int CENTRAL = 0x02014b50;
  private static final int LOCAL = 0x04034b50;
  private static final int EOCD_SIZE = 22;
  private static final int CENTRAL_SIZE = 46;
  private static final int LOCAL_SIZE = 30;
  private static final long DEFLATE_MAX_RATIO = 1032;
  private static final long U32 = 0xFFFF_FFFFL;

  private final byte[] zip;
  private final String where;

  private ZipEntries(byte[] zip, String where) {
    this.zip = zip;
    this.where = where;
  }

  /** Whether {@code bytes} start like a ZIP archive (a local header or an empty archive). */
  public static boolean looksLikeZip(byte[] bytes) {
    return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K'
        && ((bytes[2] == 3 && bytes[3] == 4) || (bytes[2] == 5 && bytes[3] == 6));
  }

  /**
   * The entries of {@code zip} in central-directory order.
   *
   * @param where names the archive in messages (a file, or a file and entry)
   * @param maxTotal the most bytes all entries may hold together once extracted
   */
  public static Map<String, byte[]> read(byte[] zip, String where, long maxTotal)
      throws BadFileException {
    return new ZipEntries(zip, where).read(maxTotal);
  }

  private record Entry(String name, int method, long crc, long compressed, long size,
      long localOffset, long dataStart) {}

  private Map<String, byte[]> read(long maxTotal) throws BadFileException {
    int eocd = findEndRecord();
    int entryCount = u16(eocd + 10);
    long cdSize = u32(eocd + 12);
    long cdOffset = u32(eocd + 16);
    if (u16(eocd + 4) != 0 || u16(eocd + 6) != 0 || u16(eocd + 8) != entryCount) {
      throw bad("is a multi-part ZIP archive, which is not supported");
    }
    if (cdOffset == U32 || cdSize == U32 || entryCount == 0xFFFF) {
      throw bad("is a ZIP64 archive with more than 65535 entries or 4 GiB, which is not supported");
    }
    if (cdOffset + cdSize > eocd) {
      throw bad("is truncated or damaged: its central directory (" + cdSize + " bytes at "
          + cdOffset + ") does not fit before its end record at " + eocd);
    }
    if ((long) entryCount * CENTRAL_SIZE > cdSize) {
      throw bad("is damaged: " + entryCount + " entries cannot fit in a central directory of "
          + cdSize + " bytes");
    }
    List<Entry> entries = new ArrayList<>(entryCount);
    Map<String, Entry> byName = new LinkedHashMap<>();
    long total = 0;
    int p = (int) cdOffset;
    int cdEnd = (int) (cdOffset + cdSize);
    for (int i = 0; i < entryCount; i++) {
      Entry e = centralEntry(p, cdEnd, (int) cdOffset, i);
      if (byName.put(e.name(), e) != null) {
        throw bad("holds the entry '" + e.name() + "' twice");
      }
      total += e.size();
      if (total > maxTotal) {
        throw bad("declares " + total + "+ bytes once extracted, more than the " + maxTotal
            + " allowed (a ZIP bomb?)");
      }
      entries.add(e);
      p = nextCentral;
    }
    checkNoOverlap(entries);
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (Entry e : entries) {
      out.put(e.name(), extract(e));
    }
    return out;
  }

  private int nextCentral;

  private Entry centralEntry(int p, int cdEnd, int cdOffset, int index) throws BadFileException {
    if (p + CENTRAL_SIZE > cdEnd || u32(p) != CENTRAL) {
      throw bad("is damaged: central directory record " + (index + 1) + " is missing or broken");
    }
    int flags = u16(p + 8);
    int method = u16(p + 10);
    long crc = u32(p + 16);
    long compressed = u32(p + 20);
    long size = u32(p + 24);
    int nameLength = u16(p + 28);
    int extraLength = u16(p + 30);
    int commentLength = u16(p + 32);
    long localOffset = u32(p + 42);
    int end = p + CENTRAL_SIZE + nameLength + extraLength + commentLength;
    if (end > cdEnd) {
      throw bad("is damaged: central directory record " + (index + 1) + " overruns the directory");
    }
    nextCentral = end;
    String name = name(p + CENTRAL_SIZE, nameLength, index);
    if (compressed == U32 || size == U32 || localOffset == U32) {
      long[] wide = zip64(p + CENTRAL_SIZE + nameLength, extraLength, size == U32,
          compressed == U32, localOffset == U32, name);
      size = wide[0] >= 0 ? wide[0] : size;
      compressed = wide[1] >= 0 ? wide[1] : compressed;
      localOffset = wide[2] >= 0 ? wide[2] : localOffset;
    }
    if ((flags & 1) != 0) {
      throw bad("entry '" + name + "' is encrypted");
    }
    if (method == 0 && compressed != size) {
      throw bad("entry '" + name + "' is stored with " + compressed + " bytes but declares "
          + size);
    }
    if (method == 8 && size > compressed * DEFLATE_MAX_RATIO + 1024) {
      throw bad("entry '" + name + "' declares " + size + " bytes from " + compressed
          + " compressed bytes, beyond what DEFLATE can expand (a ZIP bomb?)");
    }
    if (method != 0 && method != 8) {
      throw bad("entry '" + name + "' uses compression method " + method
          + " (only stored and deflated are supported)");
    }
    if (localOffset + LOCAL_SIZE > cdOffset || u32((int) localOffset) != LOCAL) {
      throw bad("is damaged: the local header of entry '" + name + "' is missing");
    }
    int local = (int) localOffset;
    long dataStart = localOffset + LOCAL_SIZE + u16(local + 26) + u16(local + 28);
    if (dataStart + compressed > cdOffset) {
      throw bad("is truncated or damaged: entry '" + name + "' (" + compressed
          + " bytes) runs past the end of the entries");
    }
    return new Entry(name, method, crc, compressed, size, localOffset, dataStart);
  }

  private long[] zip64(int p, int length, boolean size, boolean compressed, boolean offset,
      String name) throws BadFileException {
    int end = p + length;
    while (p + 4 <= end) {
      int id = u16(p);
      int dataSize = u16(p + 2);
      if (p + 4 + dataSize > end) {
        break;
      }
      if (id == 1) {
        long[] out = {-1, -1, -1};
        int q = p + 4;
        boolean[] present = {size, compressed, offset};
        for (int k = 0; k < 3; k++) {
          if (present[k]) {
            if (q + 8 > p + 4 + dataSize) {
              throw bad("entry '" + name + "' has a short ZIP64 extra field");
            }
            long v = u64(q);
            if (v < 0 || v > Integer.MAX_VALUE) {
              throw bad("entry '" + name + "' declares a ZIP64 size or offset of " + v
                  + ", beyond the file");
            }
            out[k] = v;
            q += 8;
          }
        }
        return out;
      }
      p += 4 + dataSize;
    }
    throw bad("entry '" + name + "' lacks the ZIP64 sizes its header announces");
  }

  private String name(int p, int length, int index) throws BadFileException {
    String name = new String(zip, p, length, StandardCharsets.UTF_8);
    String problem = null;
    if (name.isEmpty()) {
      problem = "an empty name";
    } else if (name.startsWith("/") || name.contains("\\") || name.matches("^[A-Za-z]:.*")) {
      problem = "an absolute or non-portable path";
    } else if (name.equals("..") || name.startsWith("../") || name.contains("/../")
        || name.endsWith("/..")) {
      problem = "a path that leaves the archive ('..')";
    } else if (name.endsWith("/")) {
      problem = "a directory where a file is expected";
    } else if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == 0xfffd)) {
      problem = "control characters or bytes that are not UTF-8";
    }
    if (problem != null) {
      throw bad("entry " + (index + 1) + " '" + name + "' has " + problem);
    }
    return name;
  }

  private void checkNoOverlap(List<Entry> entries) throws BadFileException {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingLong(Entry::localOffset));
    for (int i = 1; i < sorted.size(); i++) {
      Entry before = sorted.get(i - 1);
      if (before.dataStart() + before.compressed() > sorted.get(i).localOffset()) {
        throw bad("is damaged: entries '" + before.name() + "' and '" + sorted.get(i).name()
            + "' overlap");
      }
    }
  }

  private byte[] extract(Entry e) throws BadFileException {
    int start = (int) e.dataStart();
    byte[] data;
    if (e.method() == 0) {
      data = java.util.Arrays.copyOfRange(zip, start, start + (int) e.compressed());
    } else {
      data = new byte[(int) e.size()];
      Inflater inflater = new Inflater(true);
      try {
        inflater.setInput(zip, start, (int) e.compressed());
        int n = 0;
        while (n < data.length && !inflater.finished()) {
          int got = inflater.inflate(data, n, data.length - n);
          if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
            break;
          }
          n += got;
        }
        if (n != data.length || !finishedAt(inflater)) {
          throw bad("entry '" + e.name() + "' is damaged: it does not inflate to its declared "
              + e.size() + " bytes");
        }
      } catch (DataFormatException ex) {
        throw bad("entry '" + e.name() + "' is damaged: " + ex.getMessage());
      } finally {
        inflater.end();
      }
    }
    CRC32 crc = new CRC32();
    crc.update(data);
    if (crc.getValue() != e.crc()) {
      throw bad("entry '" + e.name() + "' is damaged: CRC-32 mismatch");
    }
    return data;
  }

  private static boolean finishedAt(Inflater inflater) throws DataFormatException {
    if (inflater.finished()) {
      return true;
    }
    byte[] one = new byte[1];
    return inflater.inflate(one) == 0 && inflater.finished();
  }

  private int findEndRecord() throws BadFileException {
    if (zip.length < EOCD_SIZE) {
      throw bad("is truncated: " + zip.length + " bytes cannot hold a ZIP archive");
    }
    int lowest = Math.max(0, zip.length - EOCD_SIZE - 0xFFFF);
    for (int p = zip.length - EOCD_SIZE; p >= lowest; p--) {
      if (u32(p) == EOCD && p + EOCD_SIZE + u16(p + 20) == zip.length) {
        return p;
      }
    }
    throw bad("is truncated or not a ZIP archive: no end-of-central-directory record");
  }

  private BadFileException bad(String what) {
    return new BadFileException(where, what);
  }

  private int u16(int p) {
    return (zip[p] & 0xff) | (zip[p + 1] & 0xff) << 8;
  }

  private long u32(int p) {
    return (u16(p) | (long) u16(p + 2) << 16) & U32;
  }

  private long u64(int p) {
    return u32(p) | u32(p + 4) << 32;
  }
}
