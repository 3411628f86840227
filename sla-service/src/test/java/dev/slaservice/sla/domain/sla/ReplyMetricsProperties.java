package dev.slaservice.sla.domain.sla;

import static dev.slaservice.sla.domain.sla.TicketHistoryBuilder.T0;
import static dev.slaservice.sla.domain.sla.TicketHistoryBuilder.TICKET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slaservice.events.Metric;
import dev.slaservice.events.ReplyVisibility;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ReplyMetricsProperties {

  private final SlaEvaluator evaluator = new SlaEvaluator(ReplyPlans.catalog());

  /**
   * Each customer reply is answered publicly within the target's wall time (2 h at P1; OFFICE's 4 h
   * of business time is never less wall time), with internal notes and a wait on the customer in
   * between.
   */
  @Property(tries = 300)
  void aPublicReplyWithinTheTargetNeverBreaches(
      @ForAll boolean office,
      @ForAll @Size(min = 1, max = 6) List<@IntRange(max = 3_000) Integer> gapsInMinutes,
      @ForAll @IntRange(max = 120) int answerAfterMinutes,
      @ForAll boolean noteAndWait) {
    TicketHistoryBuilder history =
        TicketHistoryBuilder.opened(ReplyPlans.REPLY_DESK, office ? "OFFICE" : "P1");
    Duration at = Duration.ZERO;
    for (int gap : gapsInMinutes) {
      at = at.plusMinutes(gap);
      history.customerReplied(at);
      if (noteAndWait) {
        history
            .agentReplied(at.plusMinutes(answerAfterMinutes / 3), ReplyVisibility.INTERNAL)
            .paused(at.plusMinutes(answerAfterMinutes / 3))
            .resumed(at.plusMinutes(answerAfterMinutes / 2));
      }
      at = at.plusMinutes(answerAfterMinutes);
      history.agentReplied(at, ReplyVisibility.PUBLIC);
    }
    TicketSla sla =
        evaluator.evaluate(TICKET, history.events(), T0.plus(at).plus(Duration.ofDays(30)));
    assertThat(sla.dueFacts())
        .noneMatch(f -> f.metric() == Metric.NEXT_REPLY && f instanceof SlaFact.Breach);
    assertThat(sla.dueFacts())
        .filteredOn(f -> f.metric() == Metric.NEXT_REPLY && f instanceof SlaFact.Met)
        .hasSize(gapsInMinutes.size());
  }
}
