package dev.slaservice.sla.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.slaservice.events.EventJson;
import dev.slaservice.events.InboundEvent;
import dev.slaservice.events.InboundEventCodec;
import dev.slaservice.events.MalformedEventException;
import dev.slaservice.events.TicketEvent;
import dev.slaservice.events.Violation;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Turns a POST /events body into events, or a 400 problem naming every wrong event and field. */
@ApplicationScoped
public class EventRequestReader {

  private static final Logger LOG = Logger.getLogger(EventRequestReader.class);

  private final CatalogCheck catalogCheck;
  private final int maxBatch;

  private final SlaMetrics metrics;
  private final CustomerPlans customerPlans;
  private final Duration subscriptionTimeout;

  public EventRequestReader(
      CatalogCheck catalogCheck,
      SlaConfig config,
      SlaMetrics metrics,
      CustomerPlans customerPlans) {
    this.catalogCheck = catalogCheck;
    this.customerPlans = customerPlans;
    this.subscriptionTimeout = config.intake().subscriptionTimeout();
    this.metrics = metrics;
    this.maxBatch = config.intake().maxBatch();
  }

  public List<InboundEvent> read(String body) {
    try {
      return parse(body);
    } catch (ProblemException e) {
      metrics.rejected("invalid");
      throw e;
    }
  }

  /**
   * The events as they go to Kafka: each TicketOpened on the plan its customer's subscription gives
   * (ADR 0013), or a 400 naming every opening the subscription does not allow.
   */
  public Uni<List<InboundEvent>> withPlans(List<InboundEvent> events) {
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
                throw invalid(errors);
              }
              return outcomes.stream().map(PlanAssignment.Outcome::event).toList();
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

  private List<InboundEvent> parse(String body) {
    JsonNode root;
    try {
      root = body == null || body.isBlank() ? null : EventJson.mapper().readTree(body);
    } catch (JsonProcessingException e) {
      // a broken limit (e.g. nesting too deep) may come without a location
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      throw badRequest(null, "events.not-json", e.getOriginalMessage(), line, column);
    }
    if (root == null) {
      throw badRequest(null, "events.empty", maxBatch);
    }
    boolean single = root.isObject();
    if (!single && !root.isArray()) {
      throw badRequest(null, "events.not-object-or-array", maxBatch);
    }
    if (root.isArray() && (root.isEmpty() || root.size() > maxBatch)) {
      throw badRequest(null, "events.batch-size", maxBatch, root.size());
    }
    List<JsonNode> nodes = new ArrayList<>();
    root.forEach(nodes::add);
    if (single) {
      nodes = List.of(root);
    }
    List<InboundEvent> events = new ArrayList<>();
    List<Problem.FieldError> errors = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < nodes.size(); i++) {
      Integer index = single ? null : i;
      try {
        InboundEvent event =
            InboundEventCodec.read(nodes.get(i), () -> UUID.randomUUID().toString());
        List<Violation> problems = catalogCheck.problems(event);
        problems.forEach(v -> errors.add(new Problem.FieldError(index, v.field(), v.message())));
        if (!ids.add(event.eventId())) {
          errors.add(
              new Problem.FieldError(
                  index, "eventId", "repeats the eventId of an earlier event in this request"));
        }
        events.add(event);
      } catch (MalformedEventException e) {
        e.violations()
            .forEach(v -> errors.add(new Problem.FieldError(index, v.field(), v.message())));
      }
    }
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    return events;
  }

  private static ProblemException invalid(List<Problem.FieldError> errors) {
    Problem.FieldError first = errors.get(0);
    String where =
        (first.index() == null ? "" : "event " + first.index() + ", ")
            + (first.field().isEmpty() ? "" : "field " + first.field() + ": ");
    return badRequest(errors, "events.invalid", errors.size(), where + first.message());
  }

  private static ProblemException badRequest(
      List<Problem.FieldError> errors, String key, Object... args) {
    return new ProblemException(Response.Status.BAD_REQUEST, errors, key, args);
  }
}
