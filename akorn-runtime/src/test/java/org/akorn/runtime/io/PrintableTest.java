package org.akorn.runtime.io;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {
  @Test
  void showsControlCharactersAsPicturesAndKeepsTabsAndUnicode() {
    assertThat(Printable.visible("a\0b\u001b[2J\r\n\u007f\tä→")).isEqualTo(
        "a\u2400b\u241b[2J\u240d\u240a\u2421\tä→");
    assertThat(Printable.visible("x\u0085y\u2028")).isEqualTo("x\\u0085y\\u2028");
    assertThat(Printable.visible("plain")).isEqualTo("plain");
  }
}
