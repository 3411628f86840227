package dev.slaservice.sla.messaging;

import dev.slaservice.events.SlaEvent;
import java.util.List;

/** Kafka topic names and which published event goes to which topic. */
public final class Topics {

  /** Inbound ticket and customer events, keyed by ticket id (customer id for customer events). */
  public static final String TICKET_EVENTS = "ticket-events";

  /** Records from ticket-events that could not be processed, with the reason in headers. */
  public static final String TICKET_EVENTS_DEAD_LETTERS = "ticket-events-dlq";

  /** SlaBreached and SlaBreachRetracted, keyed by ticket id. */
  public static final String SLA_BREACHES = "sla-breaches";

  /** SlaWarningReached, keyed by ticket id. */
  public static final String SLA_WARNINGS = "sla-warnings";

  /** SlaMet and SlaGoalChanged (a clock's deadline moved), keyed by ticket id. */
  public static final String SLA_CLOCKS = "sla-clocks";

  /** CompensationAccrued, CompensationIssued and CompensationCorrected, keyed by customer id. */
  public static final String SLA_COMPENSATIONS = "sla-compensations";

  public static final List<String> ALL =
      List.of(
          TICKET_EVENTS,
          TICKET_EVENTS_DEAD_LETTERS,
          SLA_BREACHES,
          SLA_WARNINGS,
          SLA_CLOCKS,
          SLA_COMPENSATIONS);

  private Topics() {}

  /** The topic an event is published on. */
  public static String of(SlaEvent event) {
    if (event instanceof SlaEvent.SlaBreached || event instanceof SlaEvent.SlaBreachRetracted) {
      return SLA_BREACHES;
    }
    if (event instanceof SlaEvent.SlaWarningReached) {
      return SLA_WARNINGS;
    }
    return SLA_CLOCKS;
  }
}
