package org.akorn.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.akorn.runtime.engine.EngineDiagnosis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code akorn doctor}: versions, device, threads, CPU and the engine self-check with the
 * convolution path chosen. Exit 0 when every check is right on the paths in use, 1 when the engine
 * computes wrong values that no detour fixes. What to paste into a bug report.
 */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Print Java, DJL, PyTorch and native library versions, device, threads, CPU model and flags,"
          + " and the engine self-check (convolution forward and gradients, batched matmul,"
          + " against double-precision loops) with the convolution path chosen.",
      "Exit status 0 when every check is right on the paths in use, 1 when a check failed with"
          + " no exact detour."
    })
public final class DoctorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println(new AkornCli.Version().getVersion()[0]);
    EngineDiagnosis diagnosis = EngineDiagnosis.collect();
    diagnosis.lines().forEach(out::println);
    out.flush();
    return diagnosis.report().healthy() ? 0 : AkornCli.EXIT_USER_ERROR;
  }
}
