package dev.slaservice.sla.persistence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.slaservice.events.EventJson;
import dev.slaservice.events.ExclusionReason;
import dev.slaservice.events.Metric;
import dev.slaservice.events.TicketEvent;
import dev.slaservice.sla.domain.sla.Interval;
import dev.slaservice.sla.domain.sla.TicketFold;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The projection's {@code fold} column: a {@link TicketFold} in the service's own JSON form, with
 * Jackson's streaming API since it is read and written with every change of a ticket. The form
 * carries its version; a row in another form, or one that cannot be read, reads as no fold, and the
 * ticket's history is then folded in full (ADR 0016).
 */
final class FoldJson {

  /**
   * The form written; raise it whenever {@link TicketFold} changes shape. Form 2 leaves out what is
   * null, empty or false (and writes {@code repliesClosed} instead of {@code repliesOpen}), since
   * the column is part of every projection row and a row past about 2 kB is compressed or moved out
   * of line by PostgreSQL on every write. For the same reason an instant equal to the opening's
   * (where every clock starts) is written as {@value #AT_OPENING}.
   */
  static final int FORM = 2;

  static final String AT_OPENING = "o";

  private static final Logger LOG = Logger.getLogger(FoldJson.class);
  private static final JsonFactory FACTORY = EventJson.mapper().getFactory();

  private FoldJson() {}

  static String write(TicketFold fold) {
    Instant start = fold.opened().occurredAt().toInstant();
    StringWriter out = new StringWriter(512);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("form", FORM);
      TicketEvent.TicketOpened opened = fold.opened();
      g.writeArrayFieldStart("opened");
      g.writeString(opened.eventId());
      g.writeString(opened.ticketId());
      g.writeString(opened.occurredAt().toString());
      g.writeString(opened.source());
      g.writeString(opened.customerId());
      g.writeString(opened.planId());
      g.writeString(opened.priority());
      g.writeEndArray();
      g.writeNumberField("planVersion", fold.planVersion());
      instant(g, "last", fold.lastOccurredAt(), start);
      g.writeArrayFieldStart("priorities");
      for (TicketFold.PrioritySpan span : fold.priorities()) {
        g.writeStartArray();
        g.writeString(text(span.from(), start));
        g.writeString(span.priority());
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("runs");
      for (Metric metric : TicketFold.ONCE_ONLY) {
        TicketFold.Run run = fold.runs().get(metric);
        g.writeObjectFieldStart(metric.name());
        intervals(g, "closed", run.closed(), start);
        instant(g, "since", run.runningSince(), start);
        if (run.stoppedForGood()) {
          g.writeBooleanField("stopped", true);
        }
        g.writeEndObject();
      }
      g.writeEndObject();
      intervals(g, "pauses", fold.pauses(), start);
      instant(g, "pausedSince", fold.pausedSince(), start);
      TicketFold.Replies replies = fold.replies();
      intervals(g, "nextReply", replies.nextReply(), start);
      intervals(g, "periodicUpdate", replies.periodicUpdate(), start);
      instant(g, "awaitingReplySince", replies.awaitingReplySince(), start);
      instant(g, "updateDueSince", replies.updateDueSince(), start);
      if (!replies.open()) {
        g.writeBooleanField("repliesClosed", true);
      }
      if (fold.exclusion().isPresent()) {
        g.writeStringField("exclusion", fold.exclusion().get().name());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  /**
   * The fold of a {@code fold} column; empty for null, another form, or a column it cannot read.
   */
  static Optional<TicketFold> read(String json) {
    if (json == null) {
      return Optional.empty();
    }
    try (JsonParser p = FACTORY.createParser(json)) {
      return Optional.ofNullable(new Reader(p).fold());
    } catch (IOException | RuntimeException e) {
      LOG.warnf(
          "a stored fold could not be read, so its ticket is folded in full: %s", e.toString());
      return Optional.empty();
    }
  }

  /** One column's fields, in any order. */
  private static final class Reader {
    private final JsonParser p;
    private TicketEvent.TicketOpened opened;
    private int planVersion;
    private Instant last;
    private final List<TicketFold.PrioritySpan> priorities = new ArrayList<>();
    private final Map<Metric, TicketFold.Run> runs = new EnumMap<>(Metric.class);
    private List<Interval> pauses = List.of();
    private Instant pausedSince;
    private List<Interval> nextReply = List.of();
    private List<Interval> periodicUpdate = List.of();
    private Instant awaitingReplySince;
    private Instant updateDueSince;
    private boolean repliesOpen = true;
    private ExclusionReason exclusion;

    Reader(JsonParser p) {
      this.p = p;
    }

    /** Null when the column is in another form. */
    TicketFold fold() throws IOException {
      expect(p.nextToken() == JsonToken.START_OBJECT, "an object");
      String field;
      while ((field = p.nextFieldName()) != null) {
        p.nextToken();
        switch (field) {
          case "form" -> {
            if (p.getIntValue() != FORM) {
              return null;
            }
          }
          case "opened" -> opened = opened();
          case "planVersion" -> planVersion = p.getIntValue();
          case "last" -> last = instant();
          case "priorities" -> {
            while (p.nextToken() == JsonToken.START_ARRAY) {
              Instant from = instant(p.nextTextValue());
              priorities.add(new TicketFold.PrioritySpan(from, p.nextTextValue()));
              p.nextToken();
            }
          }
          case "runs" -> {
            String metric;
            while ((metric = p.nextFieldName()) != null) {
              p.nextToken();
              runs.put(Metric.valueOf(metric), run());
            }
          }
          case "pauses" -> pauses = intervals();
          case "pausedSince" -> pausedSince = instant();
          case "nextReply" -> nextReply = intervals();
          case "periodicUpdate" -> periodicUpdate = intervals();
          case "awaitingReplySince" -> awaitingReplySince = instant();
          case "updateDueSince" -> updateDueSince = instant();
          case "repliesClosed" -> repliesOpen = !p.getBooleanValue();
          case "exclusion" -> exclusion = ExclusionReason.valueOf(p.getText());
          default -> throw new IllegalStateException("unknown field " + field);
        }
      }
      expect(opened != null && last != null && runs.size() == 3, "a whole fold");
      return new TicketFold(
          opened,
          planVersion,
          last,
          priorities,
          runs,
          pauses,
          pausedSince,
          new TicketFold.Replies(
              nextReply, periodicUpdate, awaitingReplySince, updateDueSince, repliesOpen),
          Optional.ofNullable(exclusion));
    }

    private TicketEvent.TicketOpened opened() throws IOException {
      TicketEvent.TicketOpened read =
          new TicketEvent.TicketOpened(
              p.nextTextValue(),
              p.nextTextValue(),
              OffsetDateTime.parse(p.nextTextValue()),
              p.nextTextValue(),
              p.nextTextValue(),
              p.nextTextValue(),
              p.nextTextValue());
      expect(p.nextToken() == JsonToken.END_ARRAY, "the end of the opening");
      return read;
    }

    private TicketFold.Run run() throws IOException {
      List<Interval> closed = List.of();
      Instant since = null;
      boolean stopped = false;
      String field;
      while ((field = p.nextFieldName()) != null) {
        p.nextToken();
        switch (field) {
          case "closed" -> closed = intervals();
          case "since" -> since = instant();
          case "stopped" -> stopped = p.getBooleanValue();
          default -> throw new IllegalStateException("unknown field " + field + " in a run");
        }
      }
      return new TicketFold.Run(closed, since, stopped);
    }

    private List<Interval> intervals() throws IOException {
      List<Interval> intervals = new ArrayList<>();
      while (p.nextToken() == JsonToken.START_ARRAY) {
        Instant from = instant(p.nextTextValue());
        intervals.add(new Interval(from, instant(p.nextTextValue())));
        p.nextToken();
      }
      return intervals;
    }

    private Instant instant() throws IOException {
      return p.currentToken() == JsonToken.VALUE_NULL ? null : instant(p.getText());
    }

    /** The opening comes first in the column, so the instants after it can name it. */
    private Instant instant(String text) {
      if (AT_OPENING.equals(text)) {
        expect(opened != null, "the opening before an instant that names it");
        return opened.occurredAt().toInstant();
      }
      return EventJson.instant(text);
    }
  }

  private static void intervals(
      JsonGenerator g, String field, List<Interval> intervals, Instant start) throws IOException {
    if (intervals.isEmpty()) {
      return;
    }
    g.writeArrayFieldStart(field);
    for (Interval interval : intervals) {
      g.writeStartArray();
      g.writeString(text(interval.from(), start));
      g.writeString(text(interval.to(), start));
      g.writeEndArray();
    }
    g.writeEndArray();
  }

  private static void instant(JsonGenerator g, String field, Instant instant, Instant start)
      throws IOException {
    if (instant != null) {
      g.writeStringField(field, text(instant, start));
    }
  }

  private static String text(Instant instant, Instant start) {
    return instant.equals(start) ? AT_OPENING : instant.toString();
  }

  private static void expect(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("expected " + what);
    }
  }
}
