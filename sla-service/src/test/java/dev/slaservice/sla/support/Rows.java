package dev.slaservice.sla.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Compares table snapshots row by row, naming the first rows and columns that differ. */
public final class Rows {

  private Rows() {}

  /** Each row's first column names it in the findings. */
  public static void assertSame(List<List<String>> actual, List<List<String>> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < expected.size(); i++) {
      for (int c = 0; c < expected.get(i).size(); c++) {
        if (!Objects.equals(expected.get(i).get(c), actual.get(i).get(c))) {
          differences.add(
              expected.get(i).get(0)
                  + " column "
                  + c
                  + ": expected "
                  + expected.get(i).get(c)
                  + " but was "
                  + actual.get(i).get(c));
        }
      }
    }
    assertThat(differences.subList(0, Math.min(5, differences.size())))
        .as(differences.size() + " differences")
        .isEmpty();
  }
}
