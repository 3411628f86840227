package dev.slaservice.sla.rest;

import dev.slaservice.events.Metric;
import dev.slaservice.sla.domain.sla.TicketState;
import java.util.Locale;

/** Display names of plans, priorities, metrics and states in the client's language. */
final class Names {

  private Names() {}

  /**
   * @param fallback the plan's own name, used for plans without a translated name
   */
  static String plan(Locale locale, String planId, String fallback) {
    return planId == null
        ? null
        : Messages.name(locale, "plan." + planId, fallback == null ? planId : fallback);
  }

  static String priority(Locale locale, String priority) {
    return priority == null ? null : Messages.name(locale, "priority." + priority, priority);
  }

  static String metric(Locale locale, Metric metric) {
    return Messages.name(locale, "metric." + metric.name(), metric.name());
  }

  static String state(Locale locale, TicketState state) {
    return Messages.name(locale, "state." + state.name(), state.name());
  }
}
