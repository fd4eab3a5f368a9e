package org.akorn.codegen.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Writes generated sources into an output directory the way a build tool wants it:
 *
 * <ul>
 *   <li>a file whose content is already on disk is not touched (its timestamp stays);
 *   <li>every write is atomic (temporary file in the same folder, then a move), so an interrupted
 *       build never leaves half a source;
 *   <li>files this writer produced last time and not this time (a deleted or renamed model) are
 *       removed; the list of produced files is kept in a plain-text manifest;
 *   <li>nothing is written outside the output directory.
 * </ul>
 */
public final class OutputWriter {
  private final Path outputDir;
  private final Path manifest;

  /**
   * @param outputDir where sources go
   * @param manifest plain-text list of the files written last time (one relative path per line);
   *     kept outside {@code outputDir} so it never lands among sources
   */
  public OutputWriter(Path outputDir, Path manifest) {
    this.outputDir = outputDir.toAbsolutePath().normalize();
    this.manifest = manifest.toAbsolutePath().normalize();
  }

  /**
   * Writes {@code files}, deletes orphans from the previous run and updates the manifest.
   *
   * @throws IllegalArgumentException when a file's path would leave the output directory (checked
   *     for all files before anything is written)
   */
  public WriteReport write(List<GeneratedFile> files) throws IOException {
    for (GeneratedFile f : files) {
      if (f.resolveIn(outputDir) == null) {
        throw new IllegalArgumentException(
            "generated path '" + f.relativePath() + "' would leave " + outputDir);
      }
    }
    List<String> written = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    Set<String> produced = new LinkedHashSet<>();
    for (GeneratedFile f : files) {
      Path target = f.resolveIn(outputDir);
      byte[] bytes = f.content().getBytes(StandardCharsets.UTF_8);
      produced.add(f.relativePath());
      if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
        unchanged.add(f.relativePath());
        continue;
      }
      writeAtomically(target, bytes);
      written.add(f.relativePath());
    }
    List<String> deleted = new ArrayList<>();
    for (String previous : readManifest()) {
      if (produced.contains(previous)) {
        continue;
      }
      Path old = new GeneratedFile(previous, "").resolveIn(outputDir);
      if (old != null && Files.deleteIfExists(old)) {
        deleted.add(previous);
      }
    }
    String listing = produced.isEmpty() ? "" : String.join("\n", produced) + "\n";
    byte[] manifestBytes = listing.getBytes(StandardCharsets.UTF_8);
    if (!Files.isRegularFile(manifest) || !Arrays.equals(Files.readAllBytes(manifest), manifestBytes)) {
      writeAtomically(manifest, manifestBytes);
    }
    return new WriteReport(written, unchanged, deleted);
  }

  private List<String> readManifest() throws IOException {
    if (!Files.isRegularFile(manifest)) {
      return List.of();
    }
    return Files.readAllLines(manifest, StandardCharsets.UTF_8).stream()
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /** Writes {@code bytes} to {@code target} through a temporary file and a move. */
  public static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path dir = target.getParent();
    Files.createDirectories(dir);
    // Not Files.createTempFile: its owner-only permissions would stick to the generated file.
    Path tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      try {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
