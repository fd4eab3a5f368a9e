package org.akorn.dsl.check;

import org.akorn.dsl.diag.DiagnosticCode;
import org.akorn.dsl.diag.DiagnosticSink;
import org.akorn.dsl.model.ModelSpec;
import org.akorn.dsl.model.Shape;
import org.akorn.dsl.model.Stage;

/** Patchify tiles the image exactly. */
final class PatchDividesImage implements ModelRule {
  @Override
  public void check(ModelSpec model, DiagnosticSink sink) {
    for (Stage s : model.stages()) {
      if (s instanceof Stage.PatchifyStem p) {
        Shape image = p.info().input();
        long k = p.patch().value();
        if (image.dim(1) % k != 0 || image.dim(2) % k != 0) {
          sink.error(DiagnosticCode.PATCH_DOES_NOT_DIVIDE_IMAGE, p.patch().span(),
              "patch size " + k + " does not divide the image size " + image.dim(1) + "x" + image.dim(2)
                  + " of input '" + p.input() + "'");
        }
      }
    }
  }
}
