package dev.slaservice.sla.rest;

import dev.slaservice.events.CheckedEvent;
import dev.slaservice.events.InboundEvent;
import dev.slaservice.events.TicketEvent;
import dev.slaservice.sla.application.CustomerPlans;
import dev.slaservice.sla.config.SlaConfig;
import dev.slaservice.sla.domain.policy.CatalogCheck;
import dev.slaservice.sla.domain.policy.PlanAssignment;
import dev.slaservice.sla.observability.SlaMetrics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Turns a POST /events body into events, or a 400 problem naming every wrong event and field. */
@ApplicationScoped
public class EventRequestReader {

  private static final Logger LOG = Logger.getLogger(EventRequestReader.class);

  private final EventBodyReader bodyReader;

  private final SlaMetrics metrics;
  private final CustomerPlans customerPlans;
  private final Duration subscriptionTimeout;

  public EventRequestReader(
      CatalogCheck catalogCheck,
      SlaConfig config,
      SlaMetrics metrics,
      CustomerPlans customerPlans) {
    this.customerPlans = customerPlans;
    this.subscriptionTimeout = config.intake().subscriptionTimeout();
    this.metrics = metrics;
    this.bodyReader = new EventBodyReader(catalogCheck, config.intake().maxBatch());
  }

  /** The body's events, each with the text it was checked from (ADR 0019). */
  public List<CheckedEvent> read(String body) {
    try {
      return bodyReader.read(body, () -> UUID.randomUUID().toString());
    } catch (ProblemException e) {
      metrics.rejected("invalid");
      throw e;
    }
  }

  /**
   * The events as they go to Kafka: each TicketOpened on the plan its customer's subscription gives
   * (ADR 0013), or a 400 naming every opening the subscription does not allow.
   */
  public Uni<List<CheckedEvent>> withPlans(List<CheckedEvent> checked) {
    List<InboundEvent> events = checked.stream().map(CheckedEvent::event).toList();
    return customerPlans
        .assign(events)
        .ifNoItem()
        .after(subscriptionTimeout)
        .fail()
        .onFailure(e -> !(e instanceof ProblemException))
        .recoverWithItem(failure -> unchecked(events, failure))
        .map(
            outcomes -> {
              List<Problem.FieldError> errors = new ArrayList<>();
              for (int i = 0; i < outcomes.size(); i++) {
                if (outcomes.get(i) instanceof PlanAssignment.Refused refused) {
                  Integer index = outcomes.size() == 1 ? null : i;
                  errors.add(
                      new Problem.FieldError(
                          index, refused.violation().field(), refused.violation().message()));
                }
              }
              if (!errors.isEmpty()) {
                metrics.rejected("invalid");
                throw EventBodyReader.invalid(errors);
              }
              List<CheckedEvent> published = new ArrayList<>();
              for (int i = 0; i < outcomes.size(); i++) {
                InboundEvent event = outcomes.get(i).event();
                // an opening given its plan here differs from the text it was checked from
                published.add(
                    event == events.get(i) ? checked.get(i) : CheckedEvent.written(event));
              }
              return published;
            });
  }

  /**
   * Without the subscriptions, openings naming their plan go on for the consumer to check (ADR
   * 0013).
   */
  private List<PlanAssignment.Outcome> unchecked(List<InboundEvent> events, Throwable failure) {
    if (events.stream()
        .anyMatch(e -> e instanceof TicketEvent.TicketOpened opened && opened.planId() == null)) {
      metrics.rejected("subscriptions_unavailable");
      throw new ProblemException(
          Response.Status.SERVICE_UNAVAILABLE, "events.subscriptions-unavailable");
    }
    LOG.warnf(
        "the subscriptions could not be read (%s): %d events go on with the plans they name, unchecked",
        failure.toString(), events.size());
    return events.stream().<PlanAssignment.Outcome>map(PlanAssignment.Accepted::new).toList();
  }
}
