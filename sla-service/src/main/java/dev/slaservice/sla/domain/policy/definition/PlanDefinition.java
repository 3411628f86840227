package dev.slaservice.sla.domain.policy.definition;

import dev.slaservice.events.Metric;
import dev.slaservice.sla.domain.calendar.BusinessCalendar;
import dev.slaservice.sla.domain.compensation.CreditRule;
import dev.slaservice.sla.domain.policy.ClockTerms;
import dev.slaservice.sla.domain.policy.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A plan as its owner writes it (PUT /plans/{planId}, or a data file shipped with the service):
 * names, priorities with their targets, warning shares, compensation and the events that drive each
 * clock. A definition is checked in full by {@link PlanDefinitionValidator} before it becomes a
 * {@link Plan}.
 *
 * @param allowsPerTicketUpgradeFrom the plans whose customers may open a single ticket on this plan
 *     by naming it (a per-ticket upgrade); any other plan named against the customer's subscription
 *     is refused
 */
public record PlanDefinition(
    LocalizedName names,
    List<PriorityDefinition> priorities,
    List<Integer> warningPercents,
    CompensationTerms compensation,
    Map<Metric, ClockEvents> clockEvents,
    List<String> allowsPerTicketUpgradeFrom) {

  /**
   * Lists may hold nulls only while a definition is being checked: the parser keeps the place of a
   * broken entry.
   */
  public PlanDefinition {
    priorities = Collections.unmodifiableList(new ArrayList<>(priorities));
    warningPercents = Collections.unmodifiableList(new ArrayList<>(warningPercents));
    allowsPerTicketUpgradeFrom =
        Collections.unmodifiableList(new ArrayList<>(allowsPerTicketUpgradeFrom));
    clockEvents =
        clockEvents.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(clockEvents));
  }

  /** Whether a customer subscribed to {@code subscribedPlanId} may open a ticket on this plan. */
  public boolean acceptsTicketsOf(String subscribedPlanId) {
    return allowsPerTicketUpgradeFrom.contains(subscribedPlanId);
  }

  public Optional<PriorityDefinition> priority(String id) {
    return priorities.stream().filter(p -> p != null && id.equals(p.id())).findFirst();
  }

  /**
   * The plan the engine judges by. Service-day targets count days of the calendar as given by
   * {@code calendars} (the version in force when the plan version takes effect).
   *
   * @throws IllegalArgumentException for a calendar {@code calendars} does not know
   */
  public Plan toPlan(
      String id,
      int version,
      Instant effectiveFrom,
      Function<String, Optional<BusinessCalendar>> calendars) {
    Map<String, Map<Metric, ClockTerms>> clocks = new LinkedHashMap<>();
    for (PriorityDefinition priority : priorities) {
      Map<Metric, ClockTerms> terms = new EnumMap<>(Metric.class);
      priority
          .targets()
          .forEach(
              (metric, t) ->
                  terms.put(
                      metric,
                      new ClockTerms(
                          metric,
                          duration(t, calendars),
                          t.calendarId(),
                          t.pausesWhileWaitingOnCustomer())));
      clocks.put(priority.id(), terms);
    }
    return new Plan(id, version, effectiveFrom, names.en(), clocks, warningPercents, credit());
  }

  private static Duration duration(
      MetricTerms terms, Function<String, Optional<BusinessCalendar>> calendars) {
    if (terms.target() instanceof Target.ServiceDays days) {
      BusinessCalendar calendar =
          calendars
              .apply(terms.calendarId())
              .orElseThrow(
                  () -> new IllegalArgumentException("unknown calendar " + terms.calendarId()));
      return calendar.serviceDay().multipliedBy(days.days());
    }
    return ((Target.Fixed) terms.target()).duration();
  }

  private CreditRule credit() {
    if (compensation instanceof CompensationTerms.PercentPerBreachedTicket percent) {
      return new CreditRule.PerMissedTicket(percent.percentOfMonthlyFee());
    }
    return new CreditRule.None();
  }
}
