package dev.slaservice.sla.rest;

import static dev.slaservice.sla.rest.TicketView.text;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import dev.slaservice.sla.domain.sla.SlaTimeline;
import dev.slaservice.sla.persistence.EventStore;
import dev.slaservice.sla.persistence.TicketList;
import java.util.List;
import java.util.Locale;

/** How ticket lists, event histories and timelines read over REST. */
final class TicketViews {

  private TicketViews() {}

  /**
   * One ticket of GET /tickets; with a metric filter, {@code metric}, state and deadline are that
   * clock's.
   */
  record Summary(
      @JsonUnwrapped TicketHeading heading,
      String metric,
      String state,
      String stateName,
      String deadline,
      String atRiskFrom) {

    static Summary of(TicketList.Entry e, Locale locale) {
      return new Summary(
          TicketHeading.of(e, locale),
          e.metric() == null ? null : e.metric().name(),
          e.state().name(),
          Names.state(locale, e.state()),
          text(e.deadline()),
          text(e.atRiskFrom()));
    }
  }

  /**
   * One stored event: {@code recordedAt} is when the service stored it; {@code event} as it was
   * posted.
   */
  record EventView(
      String eventId, String type, String occurredAt, String recordedAt, JsonNode event) {

    static EventView of(EventStore.StoredEvent e) {
      return new EventView(
          e.eventId(), e.eventType(), text(e.occurredAt()), text(e.recordedAt()), e.event());
    }
  }

  record TimelineView(
      String ticketId,
      String planId,
      String planName,
      int planVersion,
      String asOf,
      List<StepView> steps) {

    static TimelineView of(SlaTimeline timeline, Locale locale) {
      return new TimelineView(
          timeline.ticketId(),
          timeline.planId(),
          Names.plan(locale, timeline.planId(), null),
          timeline.planVersion(),
          text(timeline.asOf()),
          timeline.steps().stream().map(s -> StepView.of(s, locale)).toList());
    }
  }

  record StepView(
      String at,
      String cause,
      String eventId,
      String eventType,
      String metric,
      Integer percent,
      String priority,
      String priorityName,
      List<ClockStepView> clocks) {

    static StepView of(SlaTimeline.Step s, Locale locale) {
      return new StepView(
          text(s.at()),
          s.cause().name(),
          s.eventId(),
          s.eventType(),
          s.metric() == null ? null : s.metric().name(),
          s.percent(),
          s.priority(),
          Names.priority(locale, s.priority()),
          s.clocks().stream().map(c -> ClockStepView.of(c, locale)).toList());
    }
  }

  record ClockStepView(
      String metric,
      String metricName,
      String status,
      String state,
      String calendarId,
      int calendarVersion,
      String target,
      String counted,
      String elapsed,
      String deadline,
      String deadlineBefore,
      String cycleStartedAt) {

    static ClockStepView of(SlaTimeline.ClockStep c, Locale locale) {
      return new ClockStepView(
          c.metric().name(),
          Names.metric(locale, c.metric()),
          c.status().name(),
          c.state().name(),
          c.calendarId(),
          c.calendarVersion(),
          text(c.target()),
          text(c.counted()),
          text(c.elapsed()),
          text(c.deadline()),
          text(c.deadlineBefore()),
          text(c.cycleStartedAt()));
    }
  }
}
