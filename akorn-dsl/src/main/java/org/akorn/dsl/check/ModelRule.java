package org.akorn.dsl.check;

import org.akorn.dsl.diag.DiagnosticSink;
import org.akorn.dsl.model.ModelSpec;

/** One semantic rule over a linked model; reports each violation at the value that causes it. */
public interface ModelRule {
  void check(ModelSpec model, DiagnosticSink sink);
}
