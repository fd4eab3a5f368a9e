package org.akorn.cli;

import static com.google.common.truth.Truth.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Every command's help renders cleanly: picocli formats help texts as format strings, and a bare
 * {@code %} (as in "10 % of") makes it print "[picocli WARN] Could not format ..." on stderr,
 * once per rendering, next to the help.
 */
class HelpTextTest {

  @Test
  void everyCommandsHelpRendersWithoutPicocliWarnings() {
    List<String> commands = new ArrayList<>();
    String warnings = picocliWarnings(() -> render(AkornCli.newCommandLine(), commands));
    assertThat(commands.size()).isGreaterThan(5);
    assertThat(commands).contains("akorn bench");
    assertThat(warnings).isEmpty();
  }

  @Command(name = "demo")
  static final class BarePercent {
    @Option(names = "--soak", description = "after 10 % of the steps")
    int soak;
  }

  @Test
  void aBarePercentInAHelpTextIsCaught() {
    String warnings = picocliWarnings(() -> new CommandLine(new BarePercent()).getUsageMessage());
    assertThat(warnings).contains("[picocli WARN] Could not format 'after 10 % of the steps'");
  }

  private static void render(CommandLine cli, List<String> commands) {
    commands.add(cli.getCommandSpec().qualifiedName());
    cli.getUsageMessage();
    for (CommandLine sub : cli.getSubcommands().values()) {
      if (sub.getCommandSpec().parent() == cli.getCommandSpec()) {
        render(sub, commands);
      }
    }
  }

  /** What picocli writes to System.err while {@code action} runs. */
  private static String picocliWarnings(Runnable action) {
    PrintStream saved = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(saved);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
