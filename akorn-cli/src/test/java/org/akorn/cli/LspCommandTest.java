package org.akorn.cli;

import static com.google.common.truth.Truth.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scripted session with {@code akorn lsp} in its own process, as an editor runs it: JSON-RPC
 * messages framed with Content-Length on stdin and stdout.
 */
class LspCommandTest {
  private static final String MODEL = "model M {\n  /** Width. */\n  param ch: int = 4;\n  output o = state;\n}\n";

  @Test
  void answersAScriptedSessionOverStdio(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("m.akorn");
    Files.writeString(file, MODEL);
    String uri = file.toUri().toString();
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), AkornCli.class.getName(), "lsp", "--stdio")
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    OutputStream in = p.getOutputStream();
    InputStream out = p.getInputStream();

    send(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}");
    String init = readUntil(out, "\"id\":1");
    send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
    send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":"
        + "{\"uri\":\"" + uri + "\",\"languageId\":\"akorn\",\"version\":1,\"text\":" + json(MODEL) + "}}}");
    String diagnostics = readUntil(out, "publishDiagnostics");
    send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":"
        + "{\"uri\":\"" + uri + "\"},\"position\":{\"line\":2,\"character\":9}}}");
    String hover = readUntil(out, "\"id\":2");
    send(in, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"shutdown\"}");
    String shutdown = readUntil(out, "\"id\":3");
    send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");

    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(0);
    assertThat(init).contains("\"hoverProvider\":true");
    assertThat(init).contains("\"serverInfo\":{\"name\":\"akorn\"");
    assertThat(diagnostics).contains("\"diagnostics\":[{\"range\":{\"start\":{\"line\":3,\"character\":2},"
        + "\"end\":{\"line\":3,\"character\":19}},\"severity\":1,\"code\":\"E212\",\"source\":\"akorn\"");
    assertThat(hover).contains("\"value\":\"```akorn\\nparam ch: int \\u003d 4\\n```\\n\\ndefault: `4`\\n\\nWidth.\"");
    assertThat(shutdown).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":null}");
  }

  private static void send(OutputStream in, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    in.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    in.write(body);
    in.flush();
  }

  /** Reads framed messages until one contains {@code marker}; returns that one. */
  private static String readUntil(InputStream out, String marker) throws IOException {
    List<String> seen = new ArrayList<>();
    while (true) {
      String message = read(out);
      if (message == null) {
        throw new AssertionError("stream ended before " + marker + "; saw " + seen);
      }
      if (message.contains(marker)) {
        return message;
      }
      seen.add(message);
    }
  }

  private static String read(InputStream out) throws IOException {
    int length = -1;
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b = out.read();
      if (b < 0) {
        return null;
      }
      if (b == '\n') {
        String header = line.toString(StandardCharsets.US_ASCII).strip();
        line.reset();
        if (header.isEmpty()) {
          break;
        }
        if (header.startsWith("Content-Length:")) {
          length = Integer.parseInt(header.substring("Content-Length:".length()).strip());
        }
      } else {
        line.write(b);
      }
    }
    return new String(out.readNBytes(length), StandardCharsets.UTF_8);
  }

  private static String json(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
