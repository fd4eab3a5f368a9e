package org.akorn.dsl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/** {@link SourceReader#fileSystem()}: model files from disk, with a reason when unreadable. */
final class FileSystemSources implements SourceReader {
  /** The largest model file read: far above any real model, far below memory trouble. */
  static final long MAX_BYTES = 16L << 20;

  @Override
  public Optional<String> read(Path path) {
    try {
      return Optional.of(readChecked(path));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public String whyUnreadable(Path path) {
    try {
      readChecked(path);
      return null;
    } catch (IOException e) {
      return e.getMessage();
    }
  }

  private static String readChecked(Path path) throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new IOException("no such file");
    }
    if (attributes.isDirectory()) {
      throw new IOException("it is a directory");
    }
    if (!attributes.isRegularFile()) {
      throw new IOException("it is not a regular file (a FIFO, socket or device?)");
    }
    if (attributes.size() > MAX_BYTES) {
      throw new IOException("it has " + attributes.size() + " bytes, more than " + MAX_BYTES);
    }
    byte[] bytes = Files.readAllBytes(path);
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IOException("it is not UTF-8 text");
    }
  }
}
