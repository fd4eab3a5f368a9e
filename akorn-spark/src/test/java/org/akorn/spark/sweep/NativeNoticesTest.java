package org.akorn.spark.sweep;

import static com.google.common.truth.Truth.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NativeNoticesTest {
  private static String copy(String text) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new NativeNotices().copy(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void keepsTheFirstNnpackNoticeAndDropsTheDeprecationWarning() throws Exception {
    String nnpack = "[W NNPACK.cpp:64] Could not initialize NNPACK! Reason: Unsupported hardware.\n";
    String in = "training Tiny\n"
        + "[W516 10:00:00.0 LegacyTypeDispatch.h:79] Warning: AutoNonVariableTypeMode is"
        + " deprecated and will be removed in 1.10 release.\n"
        + nnpack
        + "[######------]  50% step 3  0:01  loss 1.0\n"
        + nnpack + nnpack
        + "step 4 (0:02): loss 0.9" + nnpack
        + "trained Tiny: 4 steps";
    assertThat(copy(in)).isEqualTo("training Tiny\n"
        + nnpack
        + "[######------]  50% step 3  0:01  loss 1.0\n"
        + "step 4 (0:02): loss 0.9\n"
        + "trained Tiny: 4 steps");
  }

  @Test
  void otherTextPassesUnchanged() throws Exception {
    String in = "a\r\nb [Warning] c\n\nlast";
    assertThat(copy(in)).isEqualTo(in);
  }
}
