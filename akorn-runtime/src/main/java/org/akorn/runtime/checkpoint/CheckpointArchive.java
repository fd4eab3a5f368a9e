package org.akorn.runtime.checkpoint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.akorn.runtime.io.AtomicFiles;

/**
 * The ZIP container of a checkpoint: named entries, stored uncompressed (the arrays barely
 * compress, and a damaged byte then stays local to one entry), plus a trailing {@code SHA256SUMS}.
 */
final class CheckpointArchive {

  static final String CHECKSUMS = "SHA256SUMS";
  /** A fixed entry time (1980-01-02) so that equal contents give equal entry headers. */
  private static final long ENTRY_TIME = 315_619_200_000L;

  private CheckpointArchive() {}

  /** Writes {@code entries} (in order) and their checksums to {@code file} atomically. */
  static void writeAtomically(Path file, Map<String, byte[]> entries) throws IOException {
    AtomicFiles.write(file, encode(entries));
  }


  static byte[] encode(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringBuilder sums = new StringBuilder();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        put(zip, e.getKey(), e.getValue());
        sums.append(sha256(e.getValue())).append("  ").append(e.getKey()).append('\n');
      }
      put(zip, CHECKSUMS, sums.toString().getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setTime(ENTRY_TIME);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(data.length);
    entry.setCompressedSize(data.length);
    CRC32 crc = new CRC32();
    crc.update(data);
    entry.setCrc(crc.getValue());
    zip.putNextEntry(entry);
    zip.write(data);
    zip.closeEntry();
  }

  /**
   * Reads every entry and checks it against {@code SHA256SUMS}.
   *
   * @return the entries except {@code SHA256SUMS}, in archive order
   * @throws InvalidCheckpointException if the file is missing, truncated, not a ZIP, lacks or has
   *     extra entries, or a checksum differs
   */
  static Map<String, byte[]> readVerified(Path file) throws InvalidCheckpointException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    List<String> order = new ArrayList<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Enumeration<? extends ZipEntry> all = zip.entries();
      while (all.hasMoreElements()) {
        ZipEntry entry = all.nextElement();
        if (entries.containsKey(entry.getName())) {
          throw corrupt(file, "duplicate entry " + entry.getName());
        }
        try (InputStream in = zip.getInputStream(entry)) {
          entries.put(entry.getName(), in.readAllBytes());
        }
        order.add(entry.getName());
      }
    } catch (NoSuchFileException e) {
      throw new InvalidCheckpointException("checkpoint " + file + " does not exist", e);
    } catch (InvalidCheckpointException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw corrupt(file, "not a readable ZIP archive (truncated or damaged?): " + e.getMessage(), e);
    }
    if (order.isEmpty() || !order.get(order.size() - 1).equals(CHECKSUMS)) {
      throw corrupt(file, "the last entry is not " + CHECKSUMS + " (truncated or not a checkpoint)");
    }
    byte[] sums = entries.remove(CHECKSUMS);
    Map<String, String> expected = parseSums(file, sums);
    if (!expected.keySet().equals(entries.keySet())) {
      throw corrupt(file, CHECKSUMS + " lists " + expected.keySet() + " but the archive holds "
          + entries.keySet());
    }
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      String actual = sha256(e.getValue());
      if (!actual.equals(expected.get(e.getKey()))) {
        throw corrupt(file, "SHA-256 of " + e.getKey() + " is " + actual + ", expected "
            + expected.get(e.getKey()));
      }
    }
    return entries;
  }

  private static Map<String, String> parseSums(Path file, byte[] sums)
      throws InvalidCheckpointException {
    Map<String, String> out = new LinkedHashMap<>();
    String text = new String(sums, StandardCharsets.UTF_8);
    for (String line : text.split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      int split = line.indexOf("  ");
      if (split != 64 || !line.substring(0, 64).matches("[0-9a-f]{64}")) {
        throw corrupt(file, "malformed line in " + CHECKSUMS + ": '" + line + "'");
      }
      out.put(line.substring(66), line.substring(0, 64));
    }
    return out;
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  static InvalidCheckpointException corrupt(Path file, String why) {
    return new InvalidCheckpointException("checkpoint " + file + " is corrupt: " + why);
  }

  private static InvalidCheckpointException corrupt(Path file, String why, Throwable cause) {
    return new InvalidCheckpointException("checkpoint " + file + " is corrupt: " + why, cause);
  }
}
