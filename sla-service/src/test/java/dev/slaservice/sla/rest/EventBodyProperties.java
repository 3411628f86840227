package dev.slaservice.sla.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slaservice.events.CheckedEvent;
import dev.slaservice.events.EventJson;
import dev.slaservice.events.EventType;
import dev.slaservice.events.InboundEvent;
import dev.slaservice.events.InboundEventCodec;
import dev.slaservice.sla.domain.policy.BuiltInCatalog;
import dev.slaservice.sla.domain.policy.CatalogCheck;
import dev.slaservice.sla.process.EventSamples;
import dev.slaservice.sla.process.MalformedRequests;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The one-pass reading of a POST /events body (ADR 0019) accepts and refuses exactly what reading
 * the whole body as one tree did, with the same events and the same problem details, and each
 * accepted event goes on the topic as the text it was checked from.
 */
class EventBodyProperties {

  /** Small, so generated batches also cross it. */
  private static final int MAX_BATCH = 12;

  private final EventBodyReader reader =
      new EventBodyReader(new CatalogCheck(new BuiltInCatalog()), MAX_BATCH);

  /** What a reading made of a body: its events, or the problem it answered. */
  private record Outcome(List<InboundEvent> events, Problem problem) {}

  private static Outcome outcome(Supplier<List<CheckedEvent>> reading) {
    try {
      return new Outcome(reading.get().stream().map(CheckedEvent::event).toList(), null);
    } catch (ProblemException e) {
      return new Outcome(null, e.problem(Locale.ENGLISH));
    }
  }

  /** Generated ids, the same sequence for each reading. */
  private static Supplier<String> ids() {
    AtomicInteger next = new AtomicInteger();
    return () -> "generated-" + next.incrementAndGet();
  }

  @Property(tries = 1_500)
  void readsEveryBodyAsTheWholeTreeDid(@ForAll("bodies") String body) {
    Outcome oneTree = outcome(() -> TreeEventBodyReader.read(reader, MAX_BATCH, body, ids()));
    Outcome onePass = outcome(() -> reader.read(body, ids()));

    assertThat(onePass).isEqualTo(oneTree);
  }

  @Property(tries = 500)
  void eachAcceptedEventGoesOnTheTopicAsTheTextItWasCheckedFrom(
      @ForAll("validBatches") List<String> texts, @ForAll("separators") String separator) {
    String body = "[" + separator + String.join("," + separator, texts) + separator + "]";

    List<CheckedEvent> checked = reader.read(body, ids());

    assertThat(checked).hasSize(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      CheckedEvent event = checked.get(i);
      assertThat(InboundEventCodec.read(event.json().getBytes(StandardCharsets.UTF_8)))
          .as("the published JSON reads as the event")
          .isEqualTo(event.event());
      if (tree(texts.get(i)).hasNonNull("eventId")) {
        assertThat(event.json()).isEqualTo(texts.get(i));
      } else {
        assertThat(event.event().eventId()).startsWith("generated-");
      }
    }
  }

  @Example
  void aSingleEventIsPublishedWithoutTheWhitespaceAroundIt() {
    String text = EventSamples.valid(EventType.WORK_STARTED).toString();

    List<CheckedEvent> checked = reader.read("\n  " + text + " \n", ids());

    assertThat(checked).extracting(CheckedEvent::json).containsExactly(text);
  }

  @Example
  void whatFollowsTheFirstJsonValueIsIgnoredAsBefore() {
    String text = EventSamples.valid(EventType.WORK_STARTED).toString();

    assertThat(reader.read("[" + text + "] trailing", ids()))
        .extracting(CheckedEvent::json)
        .containsExactly(text);
  }

  @Example
  void aBrokenEventAfterAValidOneIsNotJson() {
    String text = EventSamples.valid(EventType.WORK_STARTED).toString();

    assertThatThrownBy(() -> reader.read("[" + text + ",{\"type\":}]", ids()))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problem(Locale.ENGLISH).code()).isEqualTo("events.not-json"));
  }

  @Provide
  Arbitrary<String> bodies() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, MalformedRequests.eventBodies()),
        Tuple.of(3, validBatches().map(texts -> "[" + String.join(",", texts) + "]")),
        Tuple.of(1, validBatches().map(texts -> texts.get(0))),
        Tuple.of(3, validBatches().flatMap(EventBodyProperties::damaged)));
  }

  /** A valid batch's text with one character cut, put in, or replaced, or with text after it. */
  private static Arbitrary<String> damaged(List<String> texts) {
    String body = "[" + String.join(",", texts) + "]";
    Arbitrary<Integer> at = Arbitraries.integers().between(0, body.length() - 1);
    Arbitrary<Character> chars = Arbitraries.of('{', '}', '[', ']', ',', ':', '"', '\\', 'x', ' ');
    return Arbitraries.oneOf(
        at.map(i -> body.substring(0, i)),
        Combinators.combine(at, chars).as((i, c) -> body.substring(0, i) + c + body.substring(i)),
        Combinators.combine(at, chars)
            .as((i, c) -> body.substring(0, i) + c + body.substring(i + 1)),
        chars.map(c -> body + c));
  }

  @Provide
  Arbitrary<List<String>> validBatches() {
    return validEvent().list().ofMinSize(1).ofMaxSize(MAX_BATCH);
  }

  @Provide
  Arbitrary<String> separators() {
    return Arbitraries.of("", " ", "\n", "\r\n\t ");
  }

  /**
   * A valid event's text: its fields in any order, written compact or indented, some without
   * eventId (the intake gives it one) or, for openings, without plan (the subscription's).
   */
  private static Arbitrary<String> validEvent() {
    return Combinators.combine(
            Arbitraries.of(EventType.values()),
            Arbitraries.longs(),
            Arbitraries.of(true, false),
            Arbitraries.of(true, false),
            Arbitraries.of(true, false))
        .as(
            (type, seed, withId, withPlan, indented) -> {
              ObjectNode event = EventSamples.valid(type);
              if (!withId) {
                event.remove("eventId");
              }
              if (!withPlan && type == EventType.TICKET_OPENED) {
                event.remove("planId");
              }
              return text(shuffled(event, new Random(seed)), indented);
            });
  }

  private static ObjectNode shuffled(ObjectNode event, Random random) {
    List<String> names = new ArrayList<>();
    event.fieldNames().forEachRemaining(names::add);
    Collections.shuffle(names, random);
    ObjectNode shuffled = event.objectNode();
    names.forEach(name -> shuffled.set(name, event.get(name)));
    return shuffled;
  }

  private static String text(JsonNode event, boolean indented) {
    try {
      return indented
          ? EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(event)
          : EventJson.mapper().writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode tree(String text) {
    try {
      return EventJson.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
