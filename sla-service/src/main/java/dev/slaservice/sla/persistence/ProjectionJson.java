package dev.slaservice.sla.persistence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.slaservice.events.EventJson;
import dev.slaservice.events.Metric;
import dev.slaservice.sla.domain.sla.ClockReading;
import dev.slaservice.sla.domain.sla.SlaFact;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The projection's {@code published} and {@code clocks} columns, read and written with Jackson's
 * streaming API in the very form the contract's mapper gives a list of {@link StoredFact} or of
 * clock readings (ProjectionJsonTest holds the two equal). Every timer and every change of a ticket
 * reads its facts, and every statement reads its customer's breaches, so this parsing is on the
 * path of every breach, where data binding would cost more (docs/benchmarks.md).
 */
final class ProjectionJson {

  private static final JsonFactory FACTORY = EventJson.mapper().getFactory();

  private ProjectionJson() {}

  /**
   * The facts of a {@code published} column (the mapper's form of a list of {@link StoredFact}).
   */
  static List<SlaFact> readFacts(String json) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      expect(parser.nextToken() == JsonToken.START_ARRAY, "an array of facts");
      List<SlaFact> facts = new ArrayList<>();
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
        facts.add(readFact(parser));
      }
      expect(token == JsonToken.END_ARRAY, "a fact or the end of the facts");
      return List.copyOf(facts);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("unreadable published facts: " + e.getMessage(), e);
    }
  }

  private static SlaFact readFact(JsonParser parser) throws IOException {
    String kind = null;
    Metric metric = null;
    String priority = null;
    Duration target = null;
    Instant deadline = null;
    Integer percent = null;
    Instant effectiveAt = null;
    Instant cycleStart = null;
    String field;
    while ((field = parser.nextFieldName()) != null) {
      boolean isNull = parser.nextToken() == JsonToken.VALUE_NULL;
      switch (field) {
        case "kind" -> kind = isNull ? null : parser.getText();
        case "metric" -> metric = isNull ? null : Metric.valueOf(parser.getText());
        case "priority" -> priority = isNull ? null : parser.getText();
        case "target" -> target = isNull ? null : Duration.parse(parser.getText());
        case "deadline" -> deadline = isNull ? null : EventJson.instant(parser.getText());
        case "percent" -> percent = isNull ? null : parser.getIntValue();
        case "effectiveAt" -> effectiveAt = isNull ? null : EventJson.instant(parser.getText());
        case "cycleStart" -> cycleStart = isNull ? null : EventJson.instant(parser.getText());
        default ->
            throw new IllegalStateException("unknown field " + field + " in a published fact");
      }
    }
    expect(kind != null, "a kind for every fact");
    return new StoredFact(
            kind, metric, priority, target, deadline, percent, effectiveAt, cycleStart)
        .toFact();
  }

  /** A {@code published} column: the facts as the mapper writes a list of {@link StoredFact}. */
  static String writeFacts(List<SlaFact> facts) {
    return write(
        generator -> {
          for (SlaFact fact : facts) {
            StoredFact stored = StoredFact.of(fact);
            generator.writeStartObject();
            generator.writeStringField("kind", stored.kind());
            text(generator, "metric", stored.metric());
            generator.writeStringField("priority", stored.priority());
            text(generator, "target", stored.target());
            text(generator, "deadline", stored.deadline());
            generator.writeFieldName("percent");
            if (stored.percent() == null) {
              generator.writeNull();
            } else {
              generator.writeNumber(stored.percent());
            }
            text(generator, "effectiveAt", stored.effectiveAt());
            text(generator, "cycleStart", stored.cycleStart());
            generator.writeEndObject();
          }
        });
  }

  /** A {@code clocks} column: the readings as the mapper writes them, field by field. */
  static String writeClocks(List<ClockReading> clocks) {
    return write(
        generator -> {
          for (ClockReading clock : clocks) {
            generator.writeStartObject();
            text(generator, "metric", clock.metric());
            text(generator, "status", clock.status());
            generator.writeStringField("calendarId", clock.calendarId());
            generator.writeNumberField("calendarVersion", clock.calendarVersion());
            generator.writeBooleanField("pausable", clock.pausable());
            text(generator, "target", clock.target());
            text(generator, "deadline", clock.deadline());
            text(generator, "elapsed", clock.elapsed());
            text(generator, "remaining", clock.remaining());
            text(generator, "stoppedAt", clock.stoppedAt());
            text(generator, "atRiskFrom", clock.atRiskFrom());
            text(generator, "cycleStartedAt", clock.cycleStartedAt());
            generator.writeEndObject();
          }
        });
  }

  private interface Elements {
    void write(JsonGenerator generator) throws IOException;
  }

  private static String write(Elements elements) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      generator.writeStartArray();
      elements.write(generator);
      generator.writeEndArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  /**
   * A value written as the mapper writes it: enums by name, times and durations in ISO-8601, null
   * as null.
   */
  private static void text(JsonGenerator generator, String field, Object value) throws IOException {
    if (value == null) {
      generator.writeNullField(field);
    } else {
      generator.writeStringField(field, value instanceof Enum<?> e ? e.name() : value.toString());
    }
  }

  private static void expect(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("expected " + what);
    }
  }
}
