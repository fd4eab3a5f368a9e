package org.akorn.spark.sweep;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SweepGridTest {
  @Test
  void theFirstOptionVariesSlowestAndFoldersNameTheSweptValues() {
    List<SweepConfiguration> grid = SweepGrid.expand(List.of("ch=16,32", "lr_scale=1", "T=2,3"));
    assertThat(grid.stream().map(SweepConfiguration::folder).toList()).containsExactly(
        "run-1-ch=16-T=2", "run-2-ch=16-T=3", "run-3-ch=32-T=2", "run-4-ch=32-T=3").inOrder();
    assertThat(grid.get(2).parameters().entrySet().stream().map(Object::toString).toList())
        .containsExactly("ch=32", "lr_scale=1", "T=2").inOrder();
    assertThat(grid.get(2).index()).isEqualTo(2);
    assertThat(grid.get(2).overrideArguments()).containsExactly(
        "-P", "ch=32", "-P", "lr_scale=1", "-P", "T=2").inOrder();
    assertThat(grid.get(2).describe()).isEqualTo("ch=32, lr_scale=1, T=2");
  }

  @Test
  void foldersArePaddedToTheLargestIndexAndUnsafeCharactersReplaced() {
    List<SweepConfiguration> grid = SweepGrid.expand(List.of(
        "a=1,2,3,4,5,6,7,8,9,10", " tag = x/y , z "));
    assertThat(grid).hasSize(20);
    assertThat(grid.get(0).folder()).isEqualTo("run-01-a=1-tag=x_y");
    assertThat(grid.get(19).folder()).isEqualTo("run-20-a=10-tag=z");
    assertThat(grid.get(0).parameters().get("tag")).isEqualTo("x/y");
  }

  @Test
  void anArrayValueKeepsItsCommas() {
    List<SweepConfiguration> grid = SweepGrid.expand(List.of("ksizes=[5,3], [3,3]", "T=2"));
    assertThat(grid.stream().map(c -> c.parameters().get("ksizes")).toList())
        .containsExactly("[5,3]", "[3,3]").inOrder();
    assertThat(grid.get(0).folder()).isEqualTo("run-1-ksizes=_5_3_");
    assertThat(grid.get(0).overrideArguments()).containsExactly(
        "-P", "ksizes=[5,3]", "-P", "T=2").inOrder();
  }

  @Test
  void noOptionsIsOneRunOfTheDefaults() {
    List<SweepConfiguration> grid = SweepGrid.expand(List.of());
    assertThat(grid).hasSize(1);
    assertThat(grid.get(0).folder()).isEqualTo("run-1");
    assertThat(grid.get(0).overrideArguments()).isEmpty();
  }

  @Test
  void mistakesAreOneLineNamingTheOption() {
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> SweepGrid.expand(List.of("ch"))).getMessage())
        .isEqualTo("-P expects name=value[,value...], got 'ch'");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> SweepGrid.expand(List.of("1ch=2"))).getMessage())
        .isEqualTo("-P expects name=value[,value...], got '1ch=2'");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> SweepGrid.expand(List.of("ch=1", "ch=2"))).getMessage())
        .isEqualTo("-P ch is given twice; list its values in one option: -P ch=a,b");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> SweepGrid.expand(List.of("ch=1,,2"))).getMessage())
        .isEqualTo("-P ch=1,,2: empty value");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> SweepGrid.expand(List.of("ch=1,2,1"))).getMessage())
        .isEqualTo("-P ch=1,2,1: 1 is listed twice");
    String many = "a=" + String.join(",", java.util.stream.IntStream.range(0, 40)
        .mapToObj(Integer::toString).toList());
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> SweepGrid.expand(List.of(many, many.replace("a=", "b=")))).getMessage())
        .isEqualTo("the grid has more than 1000 points");
  }
}
