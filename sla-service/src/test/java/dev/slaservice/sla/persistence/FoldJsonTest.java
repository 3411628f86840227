package dev.slaservice.sla.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slaservice.events.ExclusionReason;
import dev.slaservice.events.ReplyVisibility;
import dev.slaservice.events.TicketEvent;
import dev.slaservice.sla.domain.policy.BuiltInCatalog;
import dev.slaservice.sla.domain.sla.SlaEvaluator;
import dev.slaservice.sla.domain.sla.TicketFold;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FoldJsonTest {

  private static final String TICKET = "T-7";
  private static final OffsetDateTime OPENED = OffsetDateTime.parse("2026-11-02T09:00:00.5+08:00");

  private final SlaEvaluator evaluator = new SlaEvaluator(new BuiltInCatalog());

  /** Every part of a fold holds something: several priorities, closed and open waits, cycles. */
  private TicketFold busyFold(boolean waitingNow, boolean excluded) {
    List<TicketEvent> events = new ArrayList<>();
    events.add(new TicketEvent.TicketOpened("e0", TICKET, OPENED, "desk", "acme", "emq-5x8", "P2"));
    events.add(new TicketEvent.PriorityChanged("e1", TICKET, at(10), "desk", "P1"));
    events.add(new TicketEvent.CustomerReplied("e2", TICKET, at(11), "desk"));
    events.add(new TicketEvent.AgentReplied("e3", TICKET, at(20), "desk", ReplyVisibility.PUBLIC));
    events.add(new TicketEvent.WorkStarted("e4", TICKET, at(25), "desk"));
    events.add(new TicketEvent.TicketPaused("e5", TICKET, at(30), "desk"));
    events.add(new TicketEvent.TicketResumed("e6", TICKET, at(95), "desk"));
    events.add(new TicketEvent.TicketResolved("e7", TICKET, at(120), "desk"));
    events.add(new TicketEvent.TicketReopened("e8", TICKET, at(180), "desk"));
    events.add(new TicketEvent.CustomerReplied("e9", TICKET, at(181), "desk"));
    if (waitingNow) {
      events.add(new TicketEvent.TicketPaused("e10", TICKET, at(200), "desk"));
    }
    if (excluded) {
      events.add(
          new TicketEvent.TicketExcluded(
              "e11", TICKET, at(210), "desk", ExclusionReason.FORCE_MAJEURE));
    }
    return evaluator.fold(TICKET, events).orElseThrow();
  }

  private TicketFold justOpened(String eventId) {
    return evaluator
        .fold(
            TICKET,
            List.of(
                new TicketEvent.TicketOpened(
                    eventId, TICKET, OPENED, "desk", "acme", "emq-5x8", "P4")))
        .orElseThrow();
  }

  private static OffsetDateTime at(int minutes) {
    return OPENED.plusMinutes(minutes);
  }

  @Nested
  class GivenAFoldWritten {

    @Test
    void thenItReadsBackEqualWhateverItHolds() {
      for (boolean waiting : List.of(true, false)) {
        for (boolean excluded : List.of(true, false)) {
          TicketFold fold = busyFold(waiting, excluded);
          assertThat(FoldJson.read(FoldJson.write(fold))).contains(fold);
        }
      }
    }

    @Test
    void thenAFoldWithNothingButTheOpeningReadsBackEqual() {
      TicketFold fold = justOpened("e0");
      assertThat(FoldJson.read(FoldJson.write(fold))).contains(fold);
    }

    @Test
    void thenAResolvedTicketsFoldReadsBackEqual() {
      List<TicketEvent> events =
          List.of(
              new TicketEvent.TicketOpened("e0", TICKET, OPENED, "desk", "acme", "emq-5x8", "P1"),
              new TicketEvent.TicketResolved("e1", TICKET, at(30), "desk"));
      TicketFold fold = evaluator.fold(TICKET, events).orElseThrow();
      assertThat(fold.replies().open()).isFalse();
      assertThat(FoldJson.read(FoldJson.write(fold))).contains(fold);
    }

    /** It is written with every projection row, which PostgreSQL compresses past about 2 kB. */
    @Test
    void thenAJustOpenedTicketsFoldTakesFewBytes() {
      assertThat(FoldJson.write(justOpened("0b6a3f4e-5d3c-4c1e-9a57-1f0e8f4d2c11")))
          .hasSizeLessThan(400);
    }

    @Test
    void thenTheColumnSaysItsForm() {
      assertThat(FoldJson.write(busyFold(false, false))).startsWith("{\"form\":2,");
    }
  }

  @Nested
  class GivenAColumnTheServiceCannotUse {

    @Test
    void whenItIsNullThenThereIsNoFold() {
      assertThat(FoldJson.read(null)).isEmpty();
    }

    @Test
    void whenItIsInAnotherFormThenThereIsNoFoldSoTheHistoryIsFoldedInFull() {
      String written = FoldJson.write(busyFold(false, false));
      assertThat(FoldJson.read(written.replace("{\"form\":2,", "{\"form\":1,"))).isEmpty();
    }

    @Test
    void whenItIsCutShortThenThereIsNoFold() {
      String written = FoldJson.write(busyFold(true, true));
      assertThat(FoldJson.read(written.substring(0, written.length() / 2))).isEmpty();
    }

    @Test
    void whenItLacksARunThenThereIsNoFold() {
      String written = FoldJson.write(busyFold(false, false));
      assertThat(FoldJson.read(written.replaceFirst("\"RESTORE\":\\{[^}]*},", ""))).isEmpty();
    }
  }
}
