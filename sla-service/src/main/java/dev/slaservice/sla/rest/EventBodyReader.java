package dev.slaservice.sla.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.slaservice.events.CheckedEvent;
import dev.slaservice.events.MalformedEventException;
import dev.slaservice.events.Violation;
import dev.slaservice.sla.domain.policy.CatalogCheck;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns a POST /events body into checked events, each with the text it goes on the topic as, or a
 * 400 problem naming every wrong event and field.
 */
final class EventBodyReader {

  private final CatalogCheck catalogCheck;
  private final int maxBatch;

  EventBodyReader(CatalogCheck catalogCheck, int maxBatch) {
    this.catalogCheck = catalogCheck;
    this.maxBatch = maxBatch;
  }

  /**
   * @param eventIds the ids of events that come without one
   * @throws ProblemException 400 for a body that is not one event or a batch of valid events
   */
  List<CheckedEvent> read(String body, Supplier<String> eventIds) {
    return check(parse(body), eventIds);
  }

  /** The events of a body read as one event or a batch of the right size. */
  List<CheckedEvent> check(EventBody body, Supplier<String> eventIds) {
    boolean single = body.single();
    List<EventBody.Element> elements = body.elements();
    List<CheckedEvent> events = new ArrayList<>();
    List<Problem.FieldError> errors = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < elements.size(); i++) {
      Integer index = single ? null : i;
      try {
        CheckedEvent checked =
            CheckedEvent.read(elements.get(i).node(), elements.get(i).text(), eventIds);
        List<Violation> problems = catalogCheck.problems(checked.event());
        problems.forEach(v -> errors.add(new Problem.FieldError(index, v.field(), v.message())));
        if (!ids.add(checked.event().eventId())) {
          errors.add(
              new Problem.FieldError(
                  index, "eventId", "repeats the eventId of an earlier event in this request"));
        }
        events.add(checked);
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

  /** The body's events, or the problem of a body that is not one event or a batch of them. */
  private EventBody parse(String body) {
    if (body == null || body.isBlank()) {
      throw badRequest(null, "events.empty", maxBatch);
    }
    EventBody parsed;
    try {
      parsed = EventBody.read(body);
    } catch (JsonProcessingException e) {
      // a broken limit (e.g. nesting too deep) may come without a location
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      throw badRequest(null, "events.not-json", e.getOriginalMessage(), line, column);
    }
    if (!parsed.objectOrArray()) {
      throw badRequest(null, "events.not-object-or-array", maxBatch);
    }
    int size = parsed.elements().size();
    if (!parsed.single() && (size == 0 || size > maxBatch)) {
      throw badRequest(null, "events.batch-size", maxBatch, size);
    }
    return parsed;
  }

  static ProblemException invalid(List<Problem.FieldError> errors) {
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
