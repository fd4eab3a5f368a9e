package org.akorn.runtime.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CPU's convolution fault map (test resource {@code engine/conv-faults-amd-family26.tsv}): per
 * geometry and path, the relative errors of forward output, input gradient and weight gradient
 * measured on that CPU against double-precision loops.
 */
final class FaultTable {
  static final String RESOURCE = "/engine/conv-faults-amd-family26.tsv";

  /** One row: measured errors, {forward, input gradient, weight gradient}. */
  record Row(ConvGeometry geometry, ConvolutionPath path, double[] errors) {
    boolean wrong() {
      for (double e : errors) {
        if (!(e <= PathVerdict.TOLERANCE)) {
          return true;
        }
      }
      return false;
    }
  }

  private final List<Row> rows;

  private FaultTable(List<Row> rows) {
    this.rows = rows;
  }

  static FaultTable load() {
    try (InputStream in = FaultTable.class.getResourceAsStream(RESOURCE);
        BufferedReader r =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<Row> rows = new ArrayList<>();
      String header = r.readLine();
      if (!header.startsWith("batch\tcin\tcout\tkernel\tstride\tpadding\theight\twidth\tpath")) {
        throw new IllegalStateException("unexpected header " + header);
      }
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split("\t");
        ConvGeometry g =
            new ConvGeometry(
                Integer.parseInt(f[0]),
                Integer.parseInt(f[1]),
                Integer.parseInt(f[2]),
                Integer.parseInt(f[3]),
                Integer.parseInt(f[6]),
                Integer.parseInt(f[7]),
                Integer.parseInt(f[4]),
                Integer.parseInt(f[5]));
        ConvolutionPath path =
            switch (f[8]) {
              case "engine" -> ConvolutionPath.ENGINE;
              case "padded16" -> ConvolutionPath.PADDED_CHANNELS;
              default -> throw new IllegalStateException("unknown path " + f[8]);
            };
        rows.add(
            new Row(
                g,
                path,
                new double[] {
                  Double.parseDouble(f[9]), Double.parseDouble(f[10]), Double.parseDouble(f[11])
                }));
      }
      return new FaultTable(List.copyOf(rows));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Row> rows() {
    return rows;
  }

  /** The distinct geometries, in table order. */
  List<ConvGeometry> geometries() {
    return rows.stream().map(Row::geometry).distinct().toList();
  }

  /** Errors by (geometry, path) for the rows the table marks wrong. */
  Map<FaultReplayKernels.Site, double[]> faults() {
    Map<FaultReplayKernels.Site, double[]> out = new LinkedHashMap<>();
    for (Row row : rows) {
      if (row.wrong()) {
        out.put(new FaultReplayKernels.Site(row.geometry(), row.path()), row.errors());
      }
    }
    return out;
  }
}
