package dev.slaservice.sla.domain.policy.definition;

import static dev.slaservice.sla.domain.policy.definition.DocumentedEvents.DOCUMENTED_EVENTS;
import static dev.slaservice.sla.domain.policy.definition.DocumentedEvents.ROLES;
import static dev.slaservice.sla.domain.policy.definition.DocumentedEvents.strings;
import static dev.slaservice.sla.support.Json.text;
import static dev.slaservice.sla.support.Json.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slaservice.events.Metric;
import dev.slaservice.sla.domain.policy.BuiltInCatalog;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Valid PUT /plans/{planId} bodies as a client may write them, each with the definition GET
 * /plans/{planId}?version= should serve for it: {@link PlanDefinitionProperties} says what the
 * service normalises.
 */
final class PlanBodies {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final List<String> BUILT_IN_CALENDARS =
      List.copyOf(new BuiltInCatalog().calendarIds());

  /**
   * A PUT body as a client sends it, the definition GET should serve for it, and the calendars
   * defined.
   */
  record Put(String body, JsonNode served, Set<String> calendars) {}

  /** One part of a body: what the client sends (null: left out) and what GET serves for it. */
  record Part(JsonNode sent, JsonNode served) {}

  static Arbitrary<Put> validPuts() {
    Arbitrary<String> calendarIds =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .numeric()
            .withChars("._-")
            .ofMinLength(1)
            .ofMaxLength(64)
            .filter(id -> Character.isLetterOrDigit(id.charAt(0)));
    return calendarIds
        .set()
        .ofMaxSize(3)
        .flatMap(
            custom -> {
              Set<String> calendars = new TreeSet<>(custom);
              calendars.addAll(BUILT_IN_CALENDARS);
              return definitions(List.copyOf(calendars))
                  .map(d -> new Put(text(d.sent()), tree(text(d.served())), calendars));
            });
  }

  private static Arbitrary<Part> definitions(List<String> calendars) {
    Arbitrary<OffsetDateTime> effectiveFrom =
        Combinators.combine(
                Arbitraries.longs().between(0, 10_000_000), Arbitraries.integers().between(-12, 14))
            .as(
                (minutes, hours) ->
                    OffsetDateTime.of(2031, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(hours))
                        .plusMinutes(minutes));
    return Combinators.combine(
            names(),
            priorities(calendars),
            warningPercents(),
            compensation(),
            upgradesFrom(),
            clockEvents(),
            effectiveFrom.injectNull(0.7))
        .as(
            (names, priorities, warnings, compensation, upgrades, events, from) -> {
              ObjectNode sent = NODES.objectNode();
              ObjectNode served = NODES.objectNode();
              put(sent, served, "names", names);
              put(sent, served, "priorities", priorities);
              put(sent, served, "warningPercents", warnings);
              put(sent, served, "compensation", compensation);
              put(sent, served, "allowsPerTicketUpgradeFrom", upgrades);
              put(sent, served, "clockEvents", events);
              if (from != null) {
                sent.put("effectiveFrom", from.toString());
              }
              return new Part(sent, served);
            });
  }

  private static void put(ObjectNode sent, ObjectNode served, String field, Part part) {
    if (part.sent() != null) {
      sent.set(field, part.sent());
    }
    served.set(field, part.served());
  }

  private static Arbitrary<Part> names() {
    return Combinators.combine(texts(), texts())
        .as(
            (en, zh) -> {
              ObjectNode names = NODES.objectNode().put("en", en).put("zh", zh);
              return new Part(names, names);
            });
  }

  /**
   * Text of 1 to 200 characters, none a control character: English, Chinese, accents, emoji, JSON's
   * own.
   */
  private static Arbitrary<String> texts() {
    Arbitrary<Integer> codePoints =
        Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.integers().between(0x20, 0x7e)),
            Tuple.of(4, Arbitraries.integers().between(0x4e00, 0x9fff)),
            Tuple.of(1, Arbitraries.integers().between(0xa0, 0x17f)),
            Tuple.of(1, Arbitraries.integers().between(0x3000, 0x303f)),
            Tuple.of(1, Arbitraries.integers().between(0x1f300, 0x1f64f)));
    Arbitrary<String> any =
        codePoints
            .list()
            .ofMinSize(1)
            .ofMaxSize(40)
            .map(
                points ->
                    new String(
                        points.stream().mapToInt(Integer::intValue).toArray(), 0, points.size()));
    Arbitrary<String> longest =
        Arbitraries.strings().withCharRange('\u4e00', '\u9fff').withChars(" ab").ofLength(200);
    return Arbitraries.frequencyOf(Tuple.of(19, any), Tuple.of(1, longest))
        .filter(text -> !text.isBlank());
  }

  private static Arbitrary<Part> priorities(List<String> calendars) {
    Arbitrary<String> ids =
        Arbitraries.strings()
            .withCharRange('A', 'Z')
            .withCharRange('a', 'z')
            .numeric()
            .withChars('_')
            .ofMinLength(1)
            .ofMaxLength(64);
    Arbitrary<Integer> counts =
        Arbitraries.frequencyOf(
            Tuple.of(29, Arbitraries.integers().between(1, 5)),
            Tuple.of(1, Arbitraries.just(PlanDefinitionValidator.MOST_PRIORITIES)));
    return counts.flatMap(
        count ->
            Combinators.combine(
                    ids.list().uniqueElements().ofSize(count),
                    priority(calendars).list().ofSize(count))
                .as(
                    (idList, priorities) -> {
                      ArrayNode sent = NODES.arrayNode();
                      ArrayNode served = NODES.arrayNode();
                      for (int i = 0; i < count; i++) {
                        sent.add(((ObjectNode) priorities.get(i).sent()).put("id", idList.get(i)));
                        served.add(
                            ((ObjectNode) priorities.get(i).served()).put("id", idList.get(i)));
                      }
                      return new Part(sent, served);
                    }));
  }

  private static Arbitrary<Part> priority(List<String> calendars) {
    Arbitrary<Set<Metric>> metrics = Arbitraries.subsetOf(Metric.values()).ofMinSize(1);
    Arbitrary<List<Part>> terms =
        Combinators.combine(
                Arrays.stream(Metric.values()).map(metric -> terms(metric, calendars)).toList())
            .as(List::copyOf);
    return Combinators.combine(names(), metrics, terms)
        .as(
            (names, chosen, allTerms) -> {
              ObjectNode sentTargets = NODES.objectNode();
              ObjectNode servedTargets = NODES.objectNode();
              for (Metric metric : chosen) {
                sentTargets.set(metric.name(), allTerms.get(metric.ordinal()).sent());
                servedTargets.set(metric.name(), allTerms.get(metric.ordinal()).served());
              }
              ObjectNode sent = NODES.objectNode();
              sent.set("names", names.sent());
              sent.set("targets", sentTargets);
              ObjectNode served = NODES.objectNode();
              served.set("names", names.served());
              served.set("targets", servedTargets);
              return new Part(sent, served);
            });
  }

  private static Arbitrary<Part> terms(Metric metric, List<String> calendars) {
    return Combinators.combine(
            targets(), Arbitraries.of(calendars), Arbitraries.of(true, false).injectNull(0.4))
        .as(
            (target, calendarId, pauses) -> {
              ObjectNode sent = NODES.objectNode().put("calendarId", calendarId);
              sent.set(target.sent().isTextual() ? "target" : "serviceDays", target.sent());
              ObjectNode served = sent.deepCopy();
              served.set(target.sent().isTextual() ? "target" : "serviceDays", target.served());
              if (pauses != null) {
                sent.put("pausesWhileWaitingOnCustomer", pauses);
              }
              served.put(
                  "pausesWhileWaitingOnCustomer",
                  pauses != null ? pauses : metric != Metric.RESPONSE);
              return new Part(sent, served);
            });
  }

  /**
   * A target as an ISO duration in one of its spellings (served in java.time's), or a number of
   * service days.
   */
  private static Arbitrary<Part> targets() {
    Arbitrary<Duration> durations =
        Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.longs().between(1, 3_650L * 86_400).map(Duration::ofSeconds)),
            Tuple.of(4, Arbitraries.longs().between(1, 3_650L * 24).map(Duration::ofHours)),
            Tuple.of(1, Arbitraries.longs().between(1, 3_650).map(Duration::ofDays)),
            Tuple.of(
                1, Arbitraries.longs().between(1, 86_400_000_000_000L).map(Duration::ofNanos)));
    Arbitrary<Part> fixed =
        durations.flatMap(
            duration ->
                Arbitraries.of(spellings(duration))
                    .map(
                        spelt ->
                            new Part(NODES.textNode(spelt), NODES.textNode(duration.toString()))));
    Arbitrary<Part> serviceDays =
        Arbitraries.integers()
            .between(1, PlanDefinitionValidator.MOST_SERVICE_DAYS)
            .map(days -> new Part(NODES.numberNode(days), NODES.numberNode(days)));
    return Arbitraries.frequencyOf(Tuple.of(3, fixed), Tuple.of(1, serviceDays));
  }

  /**
   * Ways a client may write a duration that java.time reads: its own form, lower case, seconds,
   * minutes, days.
   */
  private static List<String> spellings(Duration duration) {
    String own = duration.toString();
    List<String> spellings = new ArrayList<>(List.of(own, own.toLowerCase(Locale.ROOT)));
    if (duration.getNano() == 0) {
      long days = duration.toDays();
      spellings.add("PT" + duration.getSeconds() + "S");
      spellings.add("P" + days + "DT" + (duration.getSeconds() - days * 86_400) + "S");
      if (duration.getSeconds() % 60 == 0) {
        spellings.add("PT" + duration.toMinutes() + "M");
      }
      if (duration.getSeconds() % 86_400 == 0) {
        spellings.add("P" + days + "D");
      }
    }
    return spellings;
  }

  private static Arbitrary<Part> warningPercents() {
    Arbitrary<Part> given =
        Arbitraries.integers()
            .between(1, 99)
            .set()
            .ofMaxSize(PlanDefinitionValidator.MOST_WARNINGS)
            .map(
                shares -> {
                  ArrayNode rising = NODES.arrayNode();
                  shares.stream().sorted().forEach(rising::add);
                  return new Part(rising, rising);
                });
    return Arbitraries.frequencyOf(
        Tuple.of(3, given),
        Tuple.of(1, Arbitraries.just(new Part(null, NODES.arrayNode().add(50).add(75)))));
  }

  private static Arbitrary<Part> compensation() {
    ObjectNode none = NODES.objectNode().put("kind", "NONE");
    Arbitrary<BigDecimal> percents =
        Arbitraries.integers()
            .between(0, 4)
            .flatMap(
                scale ->
                    Arbitraries.longs()
                        .between(1, 100 * BigInteger.TEN.pow(scale).longValue())
                        .map(unscaled -> BigDecimal.valueOf(unscaled, scale)));
    Arbitrary<Part> percent =
        Combinators.combine(percents, Arbitraries.of(true, false), Arbitraries.of(true, false))
            .as(
                (share, stripped, capStated) -> {
                  ObjectNode sent =
                      NODES
                          .objectNode()
                          .put("kind", "PERCENT_PER_BREACHED_TICKET")
                          .put(
                              "percentOfMonthlyFee", stripped ? share.stripTrailingZeros() : share);
                  ObjectNode served = sent.deepCopy().put("cap", "MONTHLY_FEE");
                  return new Part(capStated ? served : sent, served);
                });
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(new Part(null, none))),
        Tuple.of(1, Arbitraries.just(new Part(none, none))),
        Tuple.of(3, percent));
  }

  private static Arbitrary<Part> upgradesFrom() {
    Arbitrary<String> planIds =
        Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(128);
    Arbitrary<Integer> counts =
        Arbitraries.frequencyOf(
            Tuple.of(29, Arbitraries.integers().between(0, 4)),
            Tuple.of(1, Arbitraries.just(PlanDefinitionValidator.MOST_UPGRADES_FROM)));
    Arbitrary<Part> given =
        counts
            .flatMap(count -> planIds.list().uniqueElements().ofSize(count))
            .map(
                ids -> {
                  ArrayNode array = NODES.arrayNode();
                  ids.forEach(array::add);
                  return new Part(array, array);
                });
    return Arbitraries.frequencyOf(
        Tuple.of(3, given), Tuple.of(1, Arbitraries.just(new Part(null, NODES.arrayNode()))));
  }

  /** Left out, or some metrics stating some of their roles: the documented events, in any order. */
  private static Arbitrary<Part> clockEvents() {
    Arbitrary<List<Optional<Part>>> metrics =
        Combinators.combine(
                Arrays.stream(Metric.values())
                    .map(
                        metric ->
                            Combinators.combine(
                                    ROLES.stream()
                                        .map(
                                            role ->
                                                Arbitraries.shuffle(
                                                        DOCUMENTED_EVENTS.get(metric).get(role))
                                                    .optional(0.5))
                                        .toList())
                                .as(lists -> eventsOf(metric, lists))
                                .optional(0.5))
                    .toList())
            .as(List::copyOf);
    return Combinators.combine(metrics, Arbitraries.of(true, false))
        .as(
            (stated, given) -> {
              ObjectNode sent = NODES.objectNode();
              ObjectNode served = NODES.objectNode();
              for (Metric metric : Metric.values()) {
                Optional<Part> part = given ? stated.get(metric.ordinal()) : Optional.empty();
                part.ifPresent(p -> sent.set(metric.name(), p.sent()));
                served.set(
                    metric.name(),
                    part.orElseGet(
                            () ->
                                eventsOf(
                                    metric, Collections.nCopies(ROLES.size(), Optional.empty())))
                        .served());
              }
              return new Part(given ? sent : null, served);
            });
  }

  private static Part eventsOf(Metric metric, List<Optional<List<String>>> stated) {
    ObjectNode sent = NODES.objectNode();
    ObjectNode served = NODES.objectNode();
    for (int i = 0; i < ROLES.size(); i++) {
      String role = ROLES.get(i);
      stated.get(i).ifPresent(events -> sent.set(role, strings(events)));
      served.set(role, strings(stated.get(i).orElse(DOCUMENTED_EVENTS.get(metric).get(role))));
    }
    return new Part(sent, served);
  }

  private PlanBodies() {}
}
