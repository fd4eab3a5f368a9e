package org.akorn.maven;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OverridesTest {
  @Test
  void mergesConfigurationParametersAndModels() {
    Overrides o = Overrides.merge(
        Map.of("ch", "32"), List.of(new ModelParameters("Sudoku4", Map.of("T", "16"))), null);

    assertThat(o.global()).containsExactly("ch", "32");
    assertThat(o.perModel()).containsExactly("Sudoku4", Map.of("T", "16"));
    assertThat(o.describe()).containsExactly("ch=32", "Sudoku4.T=16").inOrder();
  }

  @Test
  void propertyEntriesWinOverTheConfiguration() {
    Overrides o = Overrides.merge(
        Map.of("ch", "32"), List.of(new ModelParameters("Sudoku4", Map.of("T", "16"))), "ch=64, Sudoku4.T=32,n=2");

    assertThat(o.global()).containsExactly("ch", "64", "n", "2").inOrder();
    assertThat(o.perModel().get("Sudoku4")).containsExactly("T", "32");
  }

  @Test
  void commasInsideBracketsBelongToAListValue() {
    Overrides o = Overrides.merge(null, null, "kernels=[9, 7, 5],Classifier.widths=[8,16]");

    assertThat(o.global()).containsExactly("kernels", "[9, 7, 5]");
    assertThat(o.perModel().get("Classifier")).containsExactly("widths", "[8,16]");
  }

  @Test
  void describeIsSortedWhateverTheConfigurationOrder() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("n", "2");
    params.put("ch", "8");
    Overrides o = Overrides.merge(params, List.of(
        new ModelParameters("Zeta", Map.of("T", "1")), new ModelParameters("Alpha", Map.of("T", "2"))), "");

    assertThat(o.describe()).containsExactly("ch=8", "n=2", "Alpha.T=2", "Zeta.T=1").inOrder();
  }

  @Test
  void noOverridesIsEmpty() {
    assertThat(Overrides.merge(null, null, null).isEmpty()).isTrue();
    assertThat(Overrides.merge(Map.of(), List.of(), " , ").isEmpty()).isTrue();
  }

  @Test
  void rejectsPropertyEntryWithoutEquals() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Overrides.merge(null, null, "ch32"));
    assertThat(e).hasMessageThat().isEqualTo("akorn.overrides: 'ch32' is not name=value or Model.name=value");
  }

  @Test
  void rejectsEmptyValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Overrides.merge(null, null, "T= "));
    assertThat(e).hasMessageThat().isEqualTo("akorn.overrides: parameter 'T' has no value");
  }

  @Test
  void rejectsBadName() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Overrides.merge(null, null, "Sudoku4.=3"));
    assertThat(e).hasMessageThat().isEqualTo("akorn.overrides: '' is not a parameter or model name");
  }

  @Test
  void rejectsModelWithoutName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Overrides.merge(null, List.of(new ModelParameters(null, Map.of("T", "3"))), null));
    assertThat(e).hasMessageThat().isEqualTo("<models>: a <model> has no <name>");
  }

  @Test
  void rejectsEmptyValueInModelConfiguration() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("T", null);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Overrides.merge(null, List.of(new ModelParameters("Sudoku4", params)), null));
    assertThat(e).hasMessageThat().isEqualTo("<model> Sudoku4: parameter 'T' has no value");
  }

  @Test
  void overridesThatMatchNoModelOrParameterAreReported() {
    Overrides o = Overrides.merge(Map.of("ch", "32", "chh", "8"),
        List.of(new ModelParameters("Sudoku4", Map.of("T", "16", "TT", "2")), new ModelParameters("Sudok4", Map.of("T", "1"))),
        null);
    Map<String, java.util.Set<String>> declared = Map.of(
        "Sudoku4", java.util.Set.of("ch", "T"), "Klayer", java.util.Set.of());

    assertThat(o.unmatched(declared)).containsExactly(
        "akorn: override chh=8 names no parameter of any model",
        "akorn: override Sudok4.T=1 names no model (models: Klayer, Sudoku4)",
        "akorn: override Sudoku4.TT=2 names no parameter of Sudoku4").inOrder();
  }

  @Test
  void overridesThatAllMatchAreNotReported() {
    Overrides o = Overrides.merge(Map.of("ch", "32"), List.of(new ModelParameters("Sudoku4", Map.of("T", "16"))), null);

    assertThat(o.unmatched(Map.of("Sudoku4", java.util.Set.of("ch", "T"), "Klayer", java.util.Set.of()))).isEmpty();
  }
}
