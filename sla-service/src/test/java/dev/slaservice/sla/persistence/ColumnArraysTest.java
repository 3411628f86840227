package dev.slaservice.sla.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class ColumnArraysTest {

  @Test
  void unnestsOneTextArrayPerColumnUnderTheColumnsNamesWithTheirOrder() {
    assertThat(ColumnArrays.unnest("ticket_id", "due_at"))
        .isEqualTo(
            "unnest(cast(?1 as text[]), cast(?2 as text[])) with ordinality as r(ticket_id, due_at, ord)");
  }

  @Test
  void refusesARowThatDoesNotFitTheColumns() {
    assertThatThrownBy(() -> new ColumnArrays(2, 1).add("T-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("1 values for 2 columns");
  }

  @Test
  void refusesAValueWithoutATextFormRatherThanWritingItsToString() {
    assertThatThrownBy(() -> new ColumnArrays(1, 1).add(new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("no text form for java.lang.Object");
  }

  @Test
  void writesEachValueInTheFormItsCastReads() {
    assertThat(ColumnArrays.text("T-1")).isEqualTo("T-1");
    assertThat(ColumnArrays.text(7L)).isEqualTo("7");
    assertThat(ColumnArrays.text(true)).isEqualTo("true");
    assertThat(ColumnArrays.text(Instant.parse("2026-11-22T10:00:00Z")))
        .isEqualTo("2026-11-22T10:00:00Z");
    assertThat(ColumnArrays.text(OffsetDateTime.parse("2026-11-22T18:00+08:00")))
        .isEqualTo("2026-11-22T10:00:00Z");
    assertThat(ColumnArrays.text(null)).isNull();
  }
}
