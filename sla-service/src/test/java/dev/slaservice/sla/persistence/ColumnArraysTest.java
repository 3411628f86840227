package dev.slaservice.sla.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slaservice.sla.persistence.ColumnArrays.Type;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ColumnArraysTest {

  private static final ColumnArrays.Shape TIMERS =
      ColumnArrays.Shape.of(
          Type.TEXT.of("ticket_id"),
          Type.TIMESTAMPTZ.of("due_at"),
          Type.INTEGER.of("count"),
          Type.JSONB.of("clocks"));

  @Nested
  class GivenAShape {

    @Test
    void whenItsStatementIsWrittenThenEachColumnIsOneTypedArrayUnderItsName() {
      assertThat(TIMERS.unnest())
          .isEqualTo(
              "unnest($1::text[], $2::timestamptz[], $3::integer[], $4::text[])"
                  + " with ordinality as r(ticket_id, due_at, count, clocks, ord)");
      assertThat(TIMERS.names()).isEqualTo("ticket_id, due_at, count, clocks");
    }

    @Test
    void whenItsRowsAreInsertedThenAJsonColumnIsCastBackToJsonb() {
      assertThat(TIMERS.insertInto("sla_timer"))
          .isEqualTo(
              "insert into sla_timer (ticket_id, due_at, count, clocks)"
                  + " select ticket_id, due_at, count, cast(clocks as jsonb) from "
                  + TIMERS.unnest());
    }
  }

  @Nested
  class GivenRowsOfAShape {

    @Test
    void whenBoundThenEachColumnIsAnArrayOfItsJavaTypeWithInstantsInUtc() {
      Tuple tuple =
          TIMERS
              .rows(2)
              .add("T-1", Instant.parse("2026-11-22T10:00:00Z"), 7L, "{}")
              .add("T-2", OffsetDateTime.parse("2026-11-22T18:00+08:00"), null, null)
              .tuple();

      assertThat(tuple.size()).isEqualTo(4);
      assertThat((String[]) tuple.getValue(0)).containsExactly("T-1", "T-2");
      assertThat((OffsetDateTime[]) tuple.getValue(1))
          .containsExactly(
              OffsetDateTime.of(2026, 11, 22, 10, 0, 0, 0, ZoneOffset.UTC),
              OffsetDateTime.parse("2026-11-22T18:00+08:00"));
      assertThat((Integer[]) tuple.getValue(2)).containsExactly(7, null);
      assertThat((String[]) tuple.getValue(3)).containsExactly("{}", null);
    }

    @Test
    void whenARowDoesNotFitTheColumnsThenItIsRefused() {
      assertThatThrownBy(() -> TIMERS.rows(1).add("T-1"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("1 values for 4 columns");
    }

    @Test
    void whenAValueIsNotOfItsColumnsTypeThenItIsRefusedRatherThanWrittenAsText() {
      assertThatThrownBy(() -> TIMERS.rows(1).add("T-1", "tomorrow", 1, "{}"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("a java.lang.String for TIMESTAMPTZ column due_at");
    }

    @Test
    void whenFewerRowsWereAddedThanAnnouncedThenBindingFails() {
      assertThatThrownBy(() -> TIMERS.rows(2).add("T-1", null, null, null).tuple())
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("1 rows added of 2");
    }
  }
}
