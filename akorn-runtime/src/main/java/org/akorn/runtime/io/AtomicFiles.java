package org.akorn.runtime.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes result files atomically: the content goes to a temporary file in the target's folder,
 * is forced to disk, and is then renamed over the target, so a reader sees the old file or the
 * new one, never half of one, and a failure leaves no partial file behind. A missing folder is
 * created (with its parents); a target that is a folder, or a parent that is a file, is a {@link
 * BadFileException}.
 */
public final class AtomicFiles {
  /** Produces a file's content. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /** Writes {@code bytes} to {@code target} atomically. */
  public static void write(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes));
  }

  /** Writes what {@code content} produces to {@code target} atomically. */
  public static void write(Path target, Content content) throws IOException {
    Path file = target.toAbsolutePath().normalize();
    if (Files.isDirectory(file)) {
      throw new BadFileException(target.toString(), "is a folder; cannot write a file there");
    }
    Path dir = file.getParent();
    try {
      Files.createDirectories(dir);
    } catch (FileAlreadyExistsException e) {
      throw new BadFileException(dir.toString(), "is a file, not a folder; cannot write "
          + file.getFileName() + " into it");
    }
    // Not Files.createTempFile: its owner-only permissions would stick to the result.
    Path tmp = dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE)) {
        OutputStream out = Channels.newOutputStream(channel);
        content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Writes UTF-8 text to {@code target} atomically. */
  public static void writeString(Path target, String text) throws IOException {
    write(target, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
