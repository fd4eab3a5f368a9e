package org.akorn.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import org.akorn.codegen.output.OutputWriter;

/**
 * What a generation depended on, kept in a plain-text file under {@code target/akorn} so the next
 * build can tell that nothing changed: a SHA-256 over the tool version, the output directory, the
 * root files, the overrides and the content of every file the generator read (imports included),
 * followed by the list of those files.
 *
 * <pre>
 * akorn-fingerprint 1
 * digest 3f2a...
 * input /project/src/main/akorn/common/readouts.akorn
 * input /project/src/main/akorn/sudoku4.akorn
 * </pre>
 */
public record Fingerprint(String digest, List<Path> inputs) {
  private static final String HEADER = "akorn-fingerprint 1";

  public Fingerprint {
    inputs = List.copyOf(inputs);
  }

  /** The fingerprint of a generation from {@code roots} that read {@code inputs}. */
  public static Fingerprint of(
      String toolVersion, Path outputDir, Collection<Path> roots, Overrides overrides, Collection<Path> inputs)
      throws IOException {
    List<Path> sortedInputs = new ArrayList<>(new TreeSet<>(inputs));
    MessageDigest sha = sha256();
    update(sha, "tool " + toolVersion);
    update(sha, "out " + outputDir.toAbsolutePath().normalize());
    for (Path root : new TreeSet<>(roots)) {
      update(sha, "root " + root);
    }
    for (String line : overrides.describe()) {
      update(sha, "override " + line);
    }
    for (Path input : sortedInputs) {
      String content = Files.isRegularFile(input) ? hex(sha256().digest(Files.readAllBytes(input))) : "missing";
      update(sha, "input " + input + " " + content);
    }
    return new Fingerprint(hex(sha.digest()), sortedInputs);
  }

  /**
   * The version plus where each class was loaded from, with that jar's size and time: a rebuilt
   * SNAPSHOT of the generator keeps its version but still invalidates old fingerprints.
   */
  public static String toolIdentity(String version, Class<?>... classes) {
    StringBuilder id = new StringBuilder(version);
    for (Class<?> c : classes) {
      id.append(' ');
      try {
        Path jar = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        id.append(jar).append(':').append(Files.size(jar)).append(':').append(Files.getLastModifiedTime(jar).toMillis());
      } catch (Exception e) {
        id.append(c.getName()).append(":unknown");
      }
    }
    return id.toString();
  }

  /** The stored fingerprint, or null when there is none or it is not one this version wrote. */
  public static Fingerprint read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.size() < 2 || !lines.get(0).equals(HEADER) || !lines.get(1).startsWith("digest ")) {
      return null;
    }
    List<Path> inputs = new ArrayList<>();
    for (String line : lines.subList(2, lines.size())) {
      if (line.startsWith("input ")) {
        inputs.add(Path.of(line.substring("input ".length())));
      }
    }
    return new Fingerprint(lines.get(1).substring("digest ".length()), inputs);
  }

  /** Writes the fingerprint; a file that already holds it is left untouched. */
  public void write(Path file) throws IOException {
    StringBuilder text = new StringBuilder(HEADER).append('\n').append("digest ").append(digest).append('\n');
    inputs.forEach(p -> text.append("input ").append(p).append('\n'));
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
      return;
    }
    OutputWriter.writeAtomically(file, bytes);
  }

  private static void update(MessageDigest sha, String line) {
    sha.update((line + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
