package dev.slaservice.sla.domain.policy.definition;

import static dev.slaservice.sla.support.Json.text;
import static dev.slaservice.sla.support.Json.tree;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slaservice.events.EventType;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * PUT /plans/{planId} and then GET /plans/{planId}?version= over random definitions, along the path
 * the service takes: PlansResource takes {@code effectiveFrom} out of the body, {@link
 * CheckedDefinition} reads and checks the rest against the calendars the catalog knows (built in or
 * made with PUT /calendars), PlanStore keeps {@link PlanDefinitionWriter}'s JSON as UTF-8 text (a
 * jsonb column) and reads it back through {@link CheckedDefinition}, and the view serves {@link
 * PlanDefinitionWriter}'s JSON.
 *
 * <p>What the service normalises, and so what the comparison allows, nothing else:
 *
 * <ul>
 *   <li>every default spelled out (openapi.yaml): warningPercents [50, 75], compensation NONE, the
 *       cap MONTHLY_FEE, allowsPerTicketUpgradeFrom [], pausesWhileWaitingOnCustomer (false for
 *       RESPONSE, true for the other metrics) and the start, stop, pause and resume events of every
 *       metric;
 *   <li>a target in java.time's form of its duration: P1D comes back PT24H, PT90M as PT1H30M, pt4h
 *       as PT4H;
 *   <li>{@code effectiveFrom} leaves the definition: it says when the version applies (shown beside
 *       it);
 *   <li>a number is its value: jsonb keeps percentOfMonthlyFee as a numeric, so 1E+1 may come back
 *       10.
 * </ul>
 *
 * What is served is a fixed point: a PUT of a GET serves the very same JSON.
 */
class PlanDefinitionProperties {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> ROLES = List.of("start", "stop", "pause", "resume");
  private static final List<String> CLOSING = List.of("TicketResolved", "TicketClosed");
  private static final List<String> REPLY_STOPS =
      List.of("AgentReplied", "TicketResolved", "TicketClosed");

  /** The events of each metric a definition may leave out, as openapi.yaml documents them. */
  private static final Map<Metric, Map<String, List<String>>> DOCUMENTED_EVENTS =
      Map.of(
          Metric.RESPONSE,
              events(
                  List.of("TicketOpened"),
                  List.of("WorkStarted", "TicketResolved", "TicketClosed")),
          Metric.RESTORE,
              events(
                  List.of("TicketOpened"),
                  List.of("ServiceRestored", "TicketResolved", "TicketClosed")),
          Metric.RESOLUTION, events(List.of("TicketOpened", "TicketReopened"), CLOSING),
          Metric.NEXT_REPLY, events(List.of("CustomerReplied"), REPLY_STOPS),
          Metric.PERIODIC_UPDATE,
              events(List.of("TicketOpened", "TicketReopened", "AgentReplied"), REPLY_STOPS));

  private static final List<String> BUILT_IN_CALENDARS =
      List.copyOf(new BuiltInCatalog().calendarIds());

  /** A JSON path as the problems give it: $, then .field or [index] steps. */
  private static final Pattern PATH = Pattern.compile("\\$((\\.[^.\\[\\]]+)|(\\[\\d+]))*");

  private static final Pattern STEP = Pattern.compile("\\.([^.\\[\\]]+)|\\[(\\d+)]");

  /**
   * A PUT body as a client sends it, the definition GET should serve for it, and the calendars
   * defined.
   */
  record Put(String body, JsonNode served, Set<String> calendars) {}

  /** A valid PUT body broken in one way, and the JSON path of what was broken. */
  record Broken(String what, String body, String path, Set<String> calendars) {}

  @Property(tries = 300)
  void aValidDefinitionIsAcceptedAndServedBackAsItWasSent(@ForAll("validPuts") Put put) {
    CheckedDefinition checked = put(put.body(), put.calendars());

    assertThat(checked.problems()).as(put.body()).isEmpty();
    JsonNode served = storedAndServed(checked.definition());
    assertThat(sameValues(served, put.served()))
        .as("sent %s%nserved   %s%nexpected %s", put.body(), served, put.served())
        .isTrue();
  }

  @Property(tries = 200)
  void whatIsServedIsServedAgainWhenItIsPut(@ForAll("validPuts") Put put) {
    JsonNode served = storedAndServed(put(put.body(), put.calendars()).definition());

    CheckedDefinition again = put(text(served), put.calendars());

    assertThat(again.problems()).isEmpty();
    JsonNode servedAgain = storedAndServed(again.definition());
    assertThat(servedAgain.equals(served)).as("served %s%nagain  %s", served, servedAgain).isTrue();
  }

  @Property(tries = 500)
  void aRefusedDefinitionIsRefusedWithThePathOfWhatIsWrong(@ForAll("brokenPuts") Broken broken) {
    CheckedDefinition checked = put(broken.body(), broken.calendars());
    Statistics.collect(broken.what());

    assertThat(checked.valid()).as("%s is refused: %s", broken.what(), broken.body()).isFalse();
    assertThat(checked.definition()).isNull();
    JsonNode body = tree(broken.body());
    assertThat(checked.problems())
        .as(broken.what())
        .allSatisfy(
            problem -> {
              assertThat(problem.path()).matches(PATH);
              assertThat(problem.message()).isNotBlank();
              assertThat(placeOrParentExists(body, problem.path()))
                  .as("%s is in the body", problem.path())
                  .isTrue();
            })
        .extracting(DefinitionProblem::path)
        .contains(broken.path());
  }

  // ---- the service's path
  // -------------------------------------------------------------------------

  /**
   * What PUT /plans/{planId} finds in a body: the definition it stores, or the problems of its 400.
   */
  private static CheckedDefinition put(String body, Set<String> calendars) {
    JsonNode tree = tree(body);
    if (tree instanceof ObjectNode object) {
      object.remove("effectiveFrom");
    }
    return CheckedDefinition.of(tree, calendars::contains);
  }

  /**
   * The definition GET /plans/{planId}?version= serves once PlanStore has kept it and read it back.
   */
  private static JsonNode storedAndServed(PlanDefinition definition) {
    String stored = new String(text(PlanDefinitionWriter.write(definition)).getBytes(UTF_8), UTF_8);
    CheckedDefinition read = CheckedDefinition.of(stored, calendarId -> true);
    assertThat(read.problems()).as("the stored form reads again").isEmpty();
    return tree(text(PlanDefinitionWriter.write(read.definition())));
  }

  /** Equal JSON, a number equal to a number of the same value however written. */
  private static boolean sameValues(JsonNode served, JsonNode expected) {
    return served.equals(
        (a, b) ->
            a.isNumber() && b.isNumber()
                ? a.decimalValue().compareTo(b.decimalValue())
                : a.equals(b) ? 0 : 1,
        expected);
  }

  // ---- valid definitions
  // --------------------------------------------------------------------------

  /** One part of a body: what the client sends (null: left out) and what GET serves for it. */
  private record Part(JsonNode sent, JsonNode served) {}

  @Provide
  Arbitrary<Put> validPuts() {
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

  private static Map<String, List<String>> events(List<String> start, List<String> stop) {
    Map<String, List<String>> events = new LinkedHashMap<>();
    events.put("start", start);
    events.put("stop", stop);
    events.put("pause", List.of("TicketPaused"));
    events.put("resume", List.of("TicketResumed"));
    return events;
  }

  // ---- broken definitions
  // -------------------------------------------------------------------------

  /** A way to break a part of a body (in place) with a value: gives the path of what it broke. */
  private interface Break<T> {
    String at(ObjectNode part, String path, T value);
  }

  /** Where an object stands in a body, by JSON path and JSON pointer. */
  private record Place(String path, String pointer) {}

  private static final List<Place> ROOT = List.of(new Place("$", ""));

  /** A body broken in one way and the path of what was broken. */
  private record Breakage(String what, JsonNode body, String path) {}

  @Provide
  Arbitrary<Broken> brokenPuts() {
    return validPuts()
        .flatMap(
            put -> {
              ObjectNode valid = (ObjectNode) tree(put.body());
              valid.remove("effectiveFrom");
              Ways ways = new Ways(valid);
              termsBreakages(ways, places(valid, "/targets/"), put.calendars());
              priorityBreakages(ways, places(valid, "/priorities/"));
              nameBreakages(ways, places(valid, "/names"));
              planBreakages(ways);
              warningBreakages(ways);
              compensationBreakages(ways);
              clockEventBreakages(ways);
              upgradeBreakages(ways);
              ways.all.add(
                  Arbitraries.of(
                          NODES.arrayNode(),
                          NODES.textNode("plan"),
                          NODES.numberNode(1),
                          NODES.nullNode())
                      .map(body -> new Breakage("a body that is no object", body, "$")));
              return Arbitraries.oneOf(ways.all)
                  .map(
                      broken ->
                          new Broken(
                              broken.what(), text(broken.body()), broken.path(), put.calendars()));
            });
  }

  /** The ways to break one valid body. */
  private static final class Ways {
    private final ObjectNode valid;
    private final List<Arbitrary<Breakage>> all = new ArrayList<>();

    Ways(ObjectNode valid) {
      this.valid = valid;
    }

    /** Breaks a copy of the valid body at one of the places, with one of the values. */
    <T> void add(List<Place> places, String what, Arbitrary<T> values, Break<T> how) {
      all.add(
          Combinators.combine(Arbitraries.of(places), values)
              .as(
                  (place, value) -> {
                    ObjectNode body = valid.deepCopy();
                    return new Breakage(
                        what,
                        body,
                        how.at((ObjectNode) body.at(place.pointer()), place.path(), value));
                  }));
    }

    /** Puts one of the values in place of {@code field}. */
    void replace(
        List<Place> places, String what, String field, Arbitrary<? extends JsonNode> values) {
      add(places, what, values, (node, path, value) -> set(node, path, field, value));
    }

    /** States the top-level array {@code field} with one element more than {@code most}. */
    void tooMany(String what, String field, int most, IntFunction<JsonNode> element) {
      add(
          ROOT,
          what,
          (root, path, v) -> {
            ArrayNode array = root.putArray(field);
            IntStream.rangeClosed(0, most).mapToObj(element).forEach(array::add);
            return path + "." + field;
          });
    }

    void add(List<Place> places, String what, Break<Integer> how) {
      add(places, what, Arbitraries.integers().between(0, 999), how);
    }

    /**
     * Puts a value in place of an element of the top-level array {@code field} (stated if left out
     * or empty).
     */
    void element(String what, String field, JsonNode first, Arbitrary<? extends JsonNode> values) {
      add(
          ROOT,
          what,
          Combinators.combine(values, Arbitraries.integers().between(0, 999)).as(Tuple::of),
          (root, path, v) -> {
            ArrayNode array = nonEmpty(root, field, first);
            int index = v.get2() % array.size();
            array.set(index, v.get1());
            return path + "." + field + "[" + index + "]";
          });
    }
  }

  /** The places of the objects whose JSON pointer contains {@code part}. */
  private static List<Place> places(JsonNode body, String part) {
    List<Place> places = new ArrayList<>();
    collect(body, new Place("$", ""), places);
    return places.stream()
        .filter(p -> p.pointer().contains(part) && !p.pointer().endsWith("/targets"))
        .toList();
  }

  private static void collect(JsonNode node, Place place, List<Place> places) {
    if (node.isObject()) {
      places.add(place);
      node.fields()
          .forEachRemaining(
              field ->
                  collect(
                      field.getValue(),
                      new Place(
                          place.path() + "." + field.getKey(),
                          place.pointer() + "/" + field.getKey()),
                      places));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(
            node.get(i),
            new Place(place.path() + "[" + i + "]", place.pointer() + "/" + i),
            places);
      }
    }
  }

  private static void termsBreakages(Ways ways, List<Place> terms, Set<String> calendars) {
    List<Place> allTerms =
        terms.stream()
            .filter(p -> p.pointer().matches("/priorities/\\d+/targets/[A-Z_]+"))
            .toList();
    Arbitrary<String> tooLong =
        Arbitraries.oneOf(
            Arbitraries.of("P3651D", "PT87601H", "PT99999999999999H"),
            Arbitraries.longs()
                .between(1, 1_000_000_000_000_000L)
                .map(nanos -> PlanDefinitionValidator.LONGEST_TARGET.plusNanos(nanos).toString()));
    ways.add(
        allTerms,
        "a target that is not positive",
        Arbitraries.of("-PT1H", "PT0S", "-P1D", "PT-5M", "P0D", "-PT0.000000001S"),
        PlanDefinitionProperties::target);
    ways.add(allTerms, "a target longer than ten years", tooLong, PlanDefinitionProperties::target);
    ways.add(
        allTerms,
        "a target that is no ISO duration",
        Arbitraries.of(
            "4 hours",
            "",
            "PT",
            "P1W",
            "P1M",
            "P1Y",
            "PT4H ",
            "4H",
            "PT9999999999999999999H",
            "PT0.5H"),
        PlanDefinitionProperties::target);
    ways.add(
        allTerms,
        "a target that is no string",
        notStrings(),
        (t, path, v) -> {
          t.remove("serviceDays");
          return set(t, path, "target", v);
        });
    ways.add(
        allTerms,
        "service days out of range",
        Arbitraries.oneOf(
            Arbitraries.of(0, -1, Integer.MIN_VALUE),
            Arbitraries.integers()
                .between(PlanDefinitionValidator.MOST_SERVICE_DAYS + 1, Integer.MAX_VALUE)),
        (t, path, v) -> serviceDays(t, path, NODES.numberNode(v)));
    ways.add(
        allTerms,
        "service days that are no whole number",
        Arbitraries.of(
            NODES.numberNode(1.5),
            NODES.numberNode(new BigDecimal("2.0")),
            NODES.textNode("5"),
            NODES.numberNode(10_000_000_000L),
            NODES.booleanNode(true),
            NODES.nullNode()),
        PlanDefinitionProperties::serviceDays);
    ways.add(
        allTerms,
        "both a target and service days",
        (t, path, v) -> {
          t.put("target", "PT1H").put("serviceDays", 1);
          return path;
        });
    ways.add(
        allTerms,
        "neither a target nor service days",
        (t, path, v) -> {
          t.remove(List.of("target", "serviceDays"));
          return path;
        });
    ways.add(
        allTerms,
        "an unknown calendar",
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withChars('-')
            .ofMinLength(1)
            .ofMaxLength(20)
            .filter(id -> !calendars.contains(id)),
        (t, path, v) -> set(t, path, "calendarId", NODES.textNode(v)));
    ways.add(allTerms, "terms without a calendar", (t, path, v) -> remove(t, path, "calendarId"));
    ways.replace(allTerms, "a calendar id that is no string", "calendarId", notStrings());
    ways.replace(
        allTerms,
        "pausing that is no boolean",
        "pausesWhileWaitingOnCustomer",
        Arbitraries.of(
            NODES.textNode("yes"), NODES.textNode("true"), NODES.numberNode(1), NODES.nullNode()));
    ways.add(
        allTerms,
        "an unknown field of terms",
        unknownFields("target", "serviceDays", "calendarId", "pausesWhileWaitingOnCustomer"),
        PlanDefinitionProperties::unknownField);
  }

  private static String target(ObjectNode terms, String path, String target) {
    terms.remove("serviceDays");
    return set(terms, path, "target", NODES.textNode(target));
  }

  private static String serviceDays(ObjectNode terms, String path, JsonNode serviceDays) {
    terms.remove("target");
    return set(terms, path, "serviceDays", serviceDays);
  }

  private static void priorityBreakages(Ways ways, List<Place> places) {
    List<Place> priorities =
        places.stream().filter(p -> p.pointer().matches("/priorities/\\d+")).toList();
    Arbitrary<String> unknownMetrics =
        Arbitraries.oneOf(
            Arbitraries.of("FIRST_REPLY", "response", "Response"),
            Arbitraries.strings()
                .withCharRange('A', 'Z')
                .withChars('_')
                .ofMinLength(1)
                .ofMaxLength(12)
                .filter(
                    name -> Arrays.stream(Metric.values()).noneMatch(m -> m.name().equals(name))));
    ways.add(
        priorities,
        "a priority without targets",
        (p, path, v) -> set(p, path, "targets", NODES.objectNode()));
    ways.add(
        priorities, "a priority missing its targets", (p, path, v) -> remove(p, path, "targets"));
    ways.replace(priorities, "targets that are no object", "targets", notObjects());
    ways.add(
        priorities,
        "terms that are no object",
        notObjects(),
        (p, path, v) -> {
          ObjectNode targets = (ObjectNode) p.get("targets");
          return set(targets, path + ".targets", targets.fieldNames().next(), v);
        });
    ways.add(
        priorities,
        "a target for an unknown metric",
        unknownMetrics,
        (p, path, v) -> {
          ObjectNode targets = (ObjectNode) p.get("targets");
          return set(targets, path + ".targets", v, targets.elements().next().deepCopy());
        });
    ways.add(
        priorities,
        "a priority id that is no priority name",
        Arbitraries.oneOf(
            Arbitraries.of("very low", "P-1", "", "é", "P1 ", "紧急"),
            Arbitraries.strings().withCharRange('A', 'Z').ofLength(65)),
        (p, path, v) -> set(p, path, "id", NODES.textNode(v)));
    ways.add(priorities, "a priority without id", (p, path, v) -> remove(p, path, "id"));
    ways.replace(priorities, "a priority id that is no string", "id", notStrings());
    ways.add(priorities, "a priority without names", (p, path, v) -> remove(p, path, "names"));
    ways.replace(priorities, "priority names that are no object", "names", notObjects());
    ways.add(
        priorities,
        "an unknown field of a priority",
        unknownFields("id", "names", "targets"),
        PlanDefinitionProperties::unknownField);
  }

  private static void nameBreakages(Ways ways, List<Place> names) {
    Arbitrary<String> language = Arbitraries.of("en", "zh");
    Arbitrary<String> tooLong =
        Arbitraries.strings().withCharRange('\u4e00', '\u9fff').ofMinLength(201).ofMaxLength(400);
    Arbitrary<Character> controls =
        Arbitraries.of('\n', '\r', '\t', '\u0000', '\u0007', '\u007f', '\u0085', '\u009f');
    ways.add(names, "a name missing", language, (n, path, lang) -> remove(n, path, lang));
    ways.add(
        names,
        "a blank name",
        Combinators.combine(language, Arbitraries.of("", " ", "\u3000", "\u2003 ")).as(Tuple::of),
        (n, path, v) -> set(n, path, v.get1(), NODES.textNode(v.get2())));
    ways.add(
        names,
        "a name longer than 200 characters",
        Combinators.combine(language, tooLong).as(Tuple::of),
        (n, path, v) -> set(n, path, v.get1(), NODES.textNode(v.get2())));
    ways.add(
        names,
        "a name with a control character",
        Combinators.combine(language, controls, Arbitraries.integers().between(0, 999))
            .as(Tuple::of),
        PlanDefinitionProperties::insertIntoName);
    ways.add(
        names,
        "a name with a lone surrogate",
        Combinators.combine(
                language,
                Arbitraries.chars().range('\ud800', '\udfff'),
                Arbitraries.integers().between(0, 999))
            .as(Tuple::of),
        PlanDefinitionProperties::insertIntoName);
    ways.add(
        names,
        "a name that is no string",
        Combinators.combine(language, notStrings()).as(Tuple::of),
        (n, path, v) -> set(n, path, v.get1(), v.get2()));
    ways.add(
        names,
        "an unknown language",
        unknownFields("en", "zh"),
        PlanDefinitionProperties::unknownField);
  }

  /** Puts a character (second) into the name in a language (first) at a place chosen by third. */
  private static String insertIntoName(
      ObjectNode names, String path, Tuple.Tuple3<String, Character, Integer> where) {
    String name = names.get(where.get1()).textValue();
    return set(names, path, where.get1(), NODES.textNode(insert(name, where.get3(), where.get2())));
  }

  /** Text with a character put at a place chosen by {@code at}, never inside a surrogate pair. */
  private static String insert(String text, int at, char character) {
    int index = text.offsetByCodePoints(0, at % (text.codePointCount(0, text.length()) + 1));
    return text.substring(0, index) + character + text.substring(index);
  }

  private static void planBreakages(Ways ways) {
    ways.add(ROOT, "a plan without names", (root, path, v) -> remove(root, path, "names"));
    ways.replace(ROOT, "plan names that are no object", "names", notObjects());
    ways.add(
        ROOT, "a plan without priorities", (root, path, v) -> remove(root, path, "priorities"));
    ways.add(
        ROOT,
        "a plan with no priority",
        (root, path, v) -> set(root, path, "priorities", NODES.arrayNode()));
    ways.replace(ROOT, "priorities that are no array", "priorities", notArrays());
    ways.add(
        ROOT,
        "more than 50 priorities",
        (root, path, v) -> {
          ArrayNode priorities = (ArrayNode) root.get("priorities");
          for (int i = 0; priorities.size() <= PlanDefinitionValidator.MOST_PRIORITIES; i++) {
            priorities.add(((ObjectNode) priorities.get(0).deepCopy()).put("id", "EXTRA_" + i));
          }
          return path + ".priorities";
        });
    ways.add(
        ROOT,
        "a priority id defined twice",
        (root, path, v) -> {
          ArrayNode priorities = (ArrayNode) root.get("priorities");
          priorities.add(priorities.get(v % priorities.size()).deepCopy());
          return path + ".priorities[" + (priorities.size() - 1) + "].id";
        });
    ways.add(
        ROOT,
        "a priority that is no object",
        Combinators.combine(notObjects(), Arbitraries.integers().between(0, 999)).as(Tuple::of),
        (root, path, v) -> {
          ArrayNode priorities = (ArrayNode) root.get("priorities");
          int index = v.get2() % priorities.size();
          priorities.set(index, v.get1());
          return path + ".priorities[" + index + "]";
        });
    ways.add(
        ROOT,
        "an unknown field of the plan",
        unknownFields(
            "names",
            "priorities",
            "warningPercents",
            "compensation",
            "clockEvents",
            "allowsPerTicketUpgradeFrom",
            "effectiveFrom"),
        PlanDefinitionProperties::unknownField);
  }

  private static void warningBreakages(Ways ways) {
    String path = "$.warningPercents";
    ways.element(
        "a warning share outside 1 to 99",
        "warningPercents",
        NODES.numberNode(50),
        Arbitraries.of(0, -1, 100, 101, Integer.MAX_VALUE, Integer.MIN_VALUE)
            .map(NODES::numberNode));
    ways.add(
        ROOT,
        "warning shares that do not rise",
        (root, p, v) -> {
          ArrayNode shares = nonEmpty(root, "warningPercents", NODES.numberNode(50));
          int index = v % shares.size();
          shares.insert(index + 1, shares.get(index).deepCopy());
          return path + "[" + (index + 1) + "]";
        });
    ways.element(
        "a warning share that is no whole number",
        "warningPercents",
        NODES.numberNode(50),
        Arbitraries.of(
            NODES.textNode("half"),
            NODES.numberNode(50.5),
            NODES.numberNode(new BigDecimal("50.0")),
            NODES.nullNode(),
            NODES.booleanNode(true),
            NODES.arrayNode()));
    ways.replace(ROOT, "warning shares that are no array", "warningPercents", notArrays());
    ways.tooMany(
        "more than 10 warning shares",
        "warningPercents",
        PlanDefinitionValidator.MOST_WARNINGS,
        i -> NODES.numberNode((i + 1) * 5));
  }

  private static void compensationBreakages(Ways ways) {
    String path = "$.compensation";
    ways.add(
        ROOT,
        "an unknown kind of compensation",
        Arbitraries.of("VOUCHER", "none", "percent", ""),
        (root, p, v) -> set(percent(root), path, "kind", NODES.textNode(v)));
    ways.add(
        ROOT, "compensation without kind", (root, p, v) -> remove(percent(root), path, "kind"));
    ways.add(
        ROOT,
        "a kind that is no string",
        notStrings(),
        (root, p, v) -> set(percent(root), path, "kind", v));
    ways.add(
        ROOT,
        "a percent outside 0 to 100",
        Arbitraries.of("0", "-1", "100.01", "101", "1E+3", "-0.0001", "0.0"),
        (root, p, v) ->
            set(percent(root), path, "percentOfMonthlyFee", NODES.numberNode(new BigDecimal(v))));
    ways.add(
        ROOT,
        "a percent that is no number",
        notNumbers(),
        (root, p, v) -> set(percent(root), path, "percentOfMonthlyFee", v));
    ways.add(
        ROOT,
        "a percent compensation without percent",
        (root, p, v) -> remove(percent(root), path, "percentOfMonthlyFee"));
    ways.add(
        ROOT,
        "a cap that is not the monthly fee",
        Arbitraries.of(
            NODES.textNode("NONE"),
            NODES.textNode("YEARLY_FEE"),
            NODES.textNode("monthly_fee"),
            NODES.numberNode(5),
            NODES.nullNode()),
        (root, p, v) -> set(percent(root), path, "cap", v));
    ways.add(
        ROOT,
        "no compensation with a percent or a cap",
        Arbitraries.of("percentOfMonthlyFee", "cap"),
        (root, p, field) -> {
          ObjectNode none = root.putObject("compensation").put("kind", "NONE");
          none.set(
              field, field.equals("cap") ? NODES.textNode("MONTHLY_FEE") : NODES.numberNode(5));
          return path + "." + field;
        });
    ways.replace(ROOT, "compensation that is no object", "compensation", notObjects());
    ways.add(
        ROOT,
        "an unknown field of compensation",
        unknownFields("kind", "percentOfMonthlyFee", "cap"),
        (root, p, v) -> unknownField(percent(root), path, v));
  }

  /** The body's compensation, made a percent per breached ticket if it was not. */
  private static ObjectNode percent(ObjectNode root) {
    JsonNode compensation = root.get("compensation");
    if (compensation != null && compensation.has("percentOfMonthlyFee")) {
      return (ObjectNode) compensation;
    }
    return root.putObject("compensation")
        .put("kind", "PERCENT_PER_BREACHED_TICKET")
        .put("percentOfMonthlyFee", 5)
        .put("cap", "MONTHLY_FEE");
  }

  private static void clockEventBreakages(Ways ways) {
    Arbitrary<Metric> metrics = Arbitraries.of(Metric.values());
    Arbitrary<Tuple.Tuple3<Metric, String, Integer>> roles =
        Combinators.combine(metrics, Arbitraries.of(ROLES), Arbitraries.integers().between(0, 999))
            .as(Tuple::of);
    Set<String> known = Arrays.stream(EventType.values()).map(EventType::wireName).collect(toSet());
    ways.add(
        ROOT,
        "events the engine does not support",
        roles,
        (root, p, v) -> {
          ArrayNode events = events(root, v.get1(), v.get2());
          List<String> others =
              known.stream()
                  .sorted()
                  .filter(e -> !DOCUMENTED_EVENTS.get(v.get1()).get(v.get2()).contains(e))
                  .toList();
          switch (v.get3() % 3) {
            case 0 -> events.remove(v.get3() % events.size());
            case 1 -> events.add(others.get(v.get3() % others.size()));
            default -> events.add(events.get(v.get3() % events.size()).deepCopy());
          }
          return "$.clockEvents." + v.get1() + "." + v.get2();
        });
    ways.add(
        ROOT,
        "an unknown event",
        Combinators.combine(roles, Arbitraries.of("Lunch", "ticketOpened", "WorkStart", ""))
            .as(Tuple::of),
        (root, p, v) -> {
          events(root, v.get1().get1(), v.get1().get2()).add(v.get2());
          return "$.clockEvents." + v.get1().get1() + "." + v.get1().get2();
        });
    ways.add(
        ROOT,
        "events that are no array",
        Combinators.combine(roles, notArrays()).as(Tuple::of),
        (root, p, v) -> {
          events(root, v.get1().get1(), v.get1().get2());
          String path = "$.clockEvents." + v.get1().get1();
          return set(
              (ObjectNode) root.get("clockEvents").get(v.get1().get1().name()),
              path,
              v.get1().get2(),
              v.get2());
        });
    ways.add(
        ROOT,
        "an event that is no string",
        Combinators.combine(roles, notStrings()).as(Tuple::of),
        (root, p, v) -> {
          ArrayNode events = events(root, v.get1().get1(), v.get1().get2());
          int index = v.get1().get3() % events.size();
          events.set(index, v.get2());
          return "$.clockEvents." + v.get1().get1() + "." + v.get1().get2() + "[" + index + "]";
        });
    ways.add(
        ROOT,
        "an unknown role",
        Combinators.combine(roles, unknownFields("start", "stop", "pause", "resume")).as(Tuple::of),
        (root, p, v) -> {
          events(root, v.get1().get1(), v.get1().get2());
          return unknownField(
              (ObjectNode) root.get("clockEvents").get(v.get1().get1().name()),
              "$.clockEvents." + v.get1().get1(),
              v.get2());
        });
    ways.add(
        ROOT,
        "events of an unknown metric",
        Arbitraries.of("FIRST_REPLY", "response", "ALL"),
        (root, p, v) -> {
          ObjectNode events =
              root.has("clockEvents")
                  ? (ObjectNode) root.get("clockEvents")
                  : root.putObject("clockEvents");
          return set(events, "$.clockEvents", v, NODES.objectNode());
        });
    ways.add(
        ROOT,
        "a metric's events that are no object",
        Combinators.combine(metrics, notObjects()).as(Tuple::of),
        (root, p, v) -> {
          ObjectNode events =
              root.has("clockEvents")
                  ? (ObjectNode) root.get("clockEvents")
                  : root.putObject("clockEvents");
          return set(events, "$.clockEvents", v.get1().name(), v.get2());
        });
    ways.replace(ROOT, "clock events that are no object", "clockEvents", notObjects());
  }

  /** The events of a role, stated in the body as documented if they were not. */
  private static ArrayNode events(ObjectNode root, Metric metric, String role) {
    ObjectNode all =
        root.has("clockEvents")
            ? (ObjectNode) root.get("clockEvents")
            : root.putObject("clockEvents");
    ObjectNode ofMetric =
        all.has(metric.name()) ? (ObjectNode) all.get(metric.name()) : all.putObject(metric.name());
    if (!ofMetric.has(role)) {
      ofMetric.set(role, strings(DOCUMENTED_EVENTS.get(metric).get(role)));
    }
    return (ArrayNode) ofMetric.get(role);
  }

  private static void upgradeBreakages(Ways ways) {
    String path = "$.allowsPerTicketUpgradeFrom";
    ways.element(
        "an upgrade from what is no plan id",
        "allowsPerTicketUpgradeFrom",
        NODES.textNode("gold"),
        Arbitraries.of("a b", "", "tōkyō", "x".repeat(129), "tab\there").map(NODES::textNode));
    ways.add(
        ROOT,
        "an upgrade from a plan named twice",
        (root, p, v) -> {
          ArrayNode planIds = nonEmpty(root, "allowsPerTicketUpgradeFrom", NODES.textNode("gold"));
          planIds.add(planIds.get(v % planIds.size()).deepCopy());
          return path + "[" + (planIds.size() - 1) + "]";
        });
    ways.element(
        "an upgrade from what is no string",
        "allowsPerTicketUpgradeFrom",
        NODES.textNode("gold"),
        notStrings());
    ways.replace(ROOT, "upgrades that are no array", "allowsPerTicketUpgradeFrom", notArrays());
    ways.tooMany(
        "upgrades from more than 50 plans",
        "allowsPerTicketUpgradeFrom",
        PlanDefinitionValidator.MOST_UPGRADES_FROM,
        i -> NODES.textNode("plan-" + i));
  }

  /** The array at {@code field}, stated with {@code first} if it was left out or empty. */
  private static ArrayNode nonEmpty(ObjectNode root, String field, JsonNode first) {
    ArrayNode array = root.has(field) ? (ArrayNode) root.get(field) : root.putArray(field);
    if (array.isEmpty()) {
      array.add(first);
    }
    return array;
  }

  private static String set(ObjectNode node, String path, String field, JsonNode value) {
    node.set(field, value);
    return path + "." + field;
  }

  private static String remove(ObjectNode node, String path, String field) {
    node.remove(field);
    return path + "." + field;
  }

  private static String unknownField(ObjectNode node, String path, String field) {
    return set(node, path, field, NODES.textNode("?"));
  }

  private static Arbitrary<String> unknownFields(String... known) {
    return Arbitraries.strings()
        .alpha()
        .withChars('_')
        .ofMinLength(1)
        .ofMaxLength(12)
        .filter(name -> !Set.of(known).contains(name));
  }

  private static Arbitrary<JsonNode> notStrings() {
    return Arbitraries.of(
        NODES.numberNode(4),
        NODES.booleanNode(true),
        NODES.arrayNode(),
        NODES.objectNode(),
        NODES.nullNode());
  }

  private static Arbitrary<JsonNode> notObjects() {
    return Arbitraries.of(
        NODES.textNode("PT4H"),
        NODES.numberNode(4),
        NODES.booleanNode(false),
        NODES.arrayNode(),
        NODES.nullNode());
  }

  private static Arbitrary<JsonNode> notArrays() {
    return Arbitraries.of(
        NODES.textNode("50,75"), NODES.numberNode(50), NODES.objectNode(), NODES.nullNode());
  }

  private static Arbitrary<JsonNode> notNumbers() {
    return Arbitraries.of(
        NODES.textNode("5"),
        NODES.booleanNode(true),
        NODES.arrayNode(),
        NODES.objectNode(),
        NODES.nullNode());
  }

  // ---- JSON
  // -----------------------------------------------------------------------------------------

  private static ArrayNode strings(List<String> values) {
    ArrayNode array = NODES.arrayNode();
    values.forEach(array::add);
    return array;
  }

  /**
   * Whether a problem points into the body: at a part of it, or at a missing field of a part of it.
   */
  private static boolean placeOrParentExists(JsonNode body, String path) {
    List<String> steps = new ArrayList<>();
    Matcher step = STEP.matcher(path.substring(1));
    while (step.find()) {
      steps.add(step.group());
    }
    JsonNode node = body;
    for (int i = 0; i < steps.size() - 1; i++) {
      node = child(node, steps.get(i));
      if (node == null) {
        return false;
      }
    }
    return steps.isEmpty() || node.isObject() || child(node, steps.get(steps.size() - 1)) != null;
  }

  private static JsonNode child(JsonNode node, String step) {
    return step.startsWith(".")
        ? node.get(step.substring(1))
        : node.get(Integer.parseInt(step.substring(1, step.length() - 1)));
  }
}
