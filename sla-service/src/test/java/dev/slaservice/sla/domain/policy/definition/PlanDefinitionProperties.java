package dev.slaservice.sla.domain.policy.definition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slaservice.events.EventJson;
import dev.slaservice.events.Metric;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Plan definitions as a PUT takes them and a GET serves them. The service stores and serves the
 * written form of what it parsed, which spells every default out (warning shares, compensation kind
 * and cap, pausing, clock events, upgrades); every value a client gave comes back as given.
 */
class PlanDefinitionProperties {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Set<String> CALENDARS =
      Set.of("24x7", "emq-5x8", "orangesky-24x5", "gold-hours");
  private static final Predicate<String> KNOWN_CALENDAR = CALENDARS::contains;

  /** What the service keeps of a valid body: the written definition, as text and read back. */
  private static JsonNode served(JsonNode body) {
    CheckedDefinition checked = CheckedDefinition.of(body, KNOWN_CALENDAR);
    assertThat(checked.problems()).as("problems of %s", body).isEmpty();
    return reread(PlanDefinitionWriter.write(checked.definition()));
  }

  private static JsonNode reread(JsonNode node) {
    try {
      return EventJson.mapper().readTree(EventJson.mapper().writeValueAsString(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Property(tries = 300)
  void anyValidDefinitionComesBackWithEveryGivenValueAndReadsTheSameAgain(
      @ForAll("definitions") ObjectNode body) {
    JsonNode served = served(body);

    assertContains(served, reread(body), "$");
    assertThat(served(served)).as("a GET of a PUT of what a GET served").isEqualTo(served);
  }

  /** Every field of {@code given} is in {@code served} with the same value. */
  private static void assertContains(JsonNode served, JsonNode given, String path) {
    if (given.isObject()) {
      assertThat(served.isObject()).as(path).isTrue();
      for (Iterator<Map.Entry<String, JsonNode>> fields = given.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        assertThat(served.has(field.getKey())).as(path + "." + field.getKey()).isTrue();
        assertContains(served.get(field.getKey()), field.getValue(), path + "." + field.getKey());
      }
    } else if (given.isArray()) {
      assertThat(served.size()).as(path).isEqualTo(given.size());
      for (int i = 0; i < given.size(); i++) {
        assertContains(served.get(i), given.get(i), path + "[" + i + "]");
      }
    } else {
      assertThat(served).as(path).isEqualTo(given);
    }
  }

  /** One way to break a valid definition, and the JSON path the refusal must name. */
  record Breakage(String path, Consumer<ObjectNode> apply) {
    @Override
    public String toString() {
      return path;
    }
  }

  @Property(tries = 300)
  void anyDefinitionRefusedIsRefusedWithThePathOfWhatIsWrong(
      @ForAll("definitions") ObjectNode body, @ForAll("breakages") Breakage breakage) {
    breakage.apply().accept(body);

    CheckedDefinition checked = CheckedDefinition.of(body, KNOWN_CALENDAR);

    assertThat(checked.valid()).as("%s accepted", body).isFalse();
    assertThat(checked.problems()).allSatisfy(p -> assertThat(p.path()).startsWith("$"));
    assertThat(checked.problems()).extracting(DefinitionProblem::path).contains(breakage.path());
  }

  @Provide
  Arbitrary<Breakage> breakages() {
    String response = "$.priorities[0].targets.RESPONSE";
    return Arbitraries.of(
        new Breakage(response + ".target", b -> response(b).put("target", "-PT1H")),
        new Breakage(response + ".target", b -> response(b).put("target", "PT0S")),
        new Breakage(response + ".target", b -> response(b).put("target", "PT100000H")),
        new Breakage(response + ".target", b -> response(b).put("target", "four hours")),
        new Breakage(response + ".calendarId", b -> response(b).put("calendarId", "nowhere")),
        new Breakage(
            response + ".serviceDays",
            b -> {
              ObjectNode terms = response(b);
              terms.remove("target");
              terms.put("serviceDays", 0);
            }),
        new Breakage(
            response + ".pausesWhileWaitingOnCustomer",
            b -> response(b).put("pausesWhileWaitingOnCustomer", "yes")),
        new Breakage("$.priorities[0].targets", b -> first(b).putObject("targets")),
        new Breakage("$.priorities[0].names", b -> first(b).put("names", 5)),
        new Breakage("$.priorities[0].id", b -> first(b).put("id", "has space")),
        new Breakage(
            "$.priorities[1].id",
            b -> ((ArrayNode) b.get("priorities")).insert(1, first(b).deepCopy())),
        new Breakage("$.priorities", b -> b.putArray("priorities")),
        new Breakage("$.names", b -> b.remove("names")),
        new Breakage("$.names.zh", b -> ((ObjectNode) b.get("names")).remove("zh")),
        new Breakage("$.colour", b -> b.put("colour", "gold")),
        new Breakage("$.warningPercents[0]", b -> b.putArray("warningPercents").add(0)),
        new Breakage("$.warningPercents[0]", b -> b.putArray("warningPercents").add(100)),
        new Breakage("$.warningPercents[1]", b -> b.putArray("warningPercents").add(80).add(50)),
        new Breakage(
            "$.compensation.percentOfMonthlyFee",
            b ->
                b.putObject("compensation")
                    .put("kind", "PERCENT_PER_BREACHED_TICKET")
                    .put("percentOfMonthlyFee", 250)),
        new Breakage(
            "$.compensation.cap",
            b ->
                b.putObject("compensation")
                    .put("kind", "PERCENT_PER_BREACHED_TICKET")
                    .put("percentOfMonthlyFee", 5)
                    .put("cap", "NONE")),
        new Breakage(
            "$.allowsPerTicketUpgradeFrom[0]",
            b -> b.putArray("allowsPerTicketUpgradeFrom").add("not an id")));
  }

  private static ObjectNode first(ObjectNode body) {
    return (ObjectNode) body.get("priorities").get(0);
  }

  private static ObjectNode response(ObjectNode body) {
    ObjectNode targets = (ObjectNode) first(body).get("targets");
    return targets.putObject("RESPONSE").put("target", "PT1H").put("calendarId", "24x7");
  }

  @Provide
  Arbitrary<ObjectNode> definitions() {
    Arbitrary<List<ObjectNode>> priorities =
        Arbitraries.of("P1", "P2", "P3", "HIGH", "NORMAL", "URGENT", "LOW", "EMERGENCY")
            .set()
            .ofMinSize(1)
            .ofMaxSize(4)
            .flatMap(
                ids ->
                    Combinators.combine(ids.stream().map(this::priority).toList())
                        .as(List::copyOf));
    Arbitrary<List<Integer>> warnings =
        Arbitraries.integers()
            .between(1, 99)
            .set()
            .ofMaxSize(3)
            .map(set -> set.stream().sorted().toList());
    Arbitrary<ObjectNode> compensation =
        Arbitraries.oneOf(
            Arbitraries.just(JSON.objectNode().put("kind", "NONE")),
            Arbitraries.integers()
                .between(1, 100)
                .map(
                    percent ->
                        JSON.objectNode()
                            .put("kind", "PERCENT_PER_BREACHED_TICKET")
                            .put("percentOfMonthlyFee", percent)
                            .put("cap", "MONTHLY_FEE")));
    Arbitrary<List<String>> upgrades =
        Arbitraries.of("websoft9-standard", "emq-5x8", "gold-4h")
            .set()
            .ofMaxSize(2)
            .map(List::copyOf);
    return Combinators.combine(
            names(),
            priorities,
            warnings.injectNull(0.3),
            compensation.injectNull(0.3),
            upgrades.injectNull(0.5))
        .as(
            (names, list, warningPercents, terms, upgradeFrom) -> {
              ObjectNode body = JSON.objectNode();
              body.set("names", names);
              list.forEach(body.putArray("priorities")::add);
              if (warningPercents != null) {
                warningPercents.forEach(body.putArray("warningPercents")::add);
              }
              if (terms != null) {
                body.set("compensation", terms);
              }
              if (upgradeFrom != null) {
                upgradeFrom.forEach(body.putArray("allowsPerTicketUpgradeFrom")::add);
              }
              return body;
            });
  }

  private Arbitrary<ObjectNode> names() {
    Arbitrary<String> english =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withChars(' ', '4')
            .ofMinLength(1)
            .ofMaxLength(30)
            .filter(s -> !s.isBlank() && s.equals(s.strip()));
    Arbitrary<String> chinese =
        Arbitraries.strings().withCharRange('一', '龥').ofMinLength(1).ofMaxLength(12);
    return Combinators.combine(english, chinese)
        .as((en, zh) -> JSON.objectNode().put("en", en).put("zh", zh));
  }

  private Arbitrary<ObjectNode> priority(String id) {
    Arbitrary<Map<Metric, ObjectNode>> targets =
        Arbitraries.maps(Arbitraries.of(Metric.class), terms()).ofMinSize(1).ofMaxSize(5);
    return Combinators.combine(names(), targets)
        .as(
            (names, byMetric) -> {
              ObjectNode priority = JSON.objectNode().put("id", id);
              priority.set("names", names);
              ObjectNode node = priority.putObject("targets");
              byMetric.forEach((metric, terms) -> node.set(metric.name(), terms));
              return priority;
            });
  }

  private Arbitrary<ObjectNode> terms() {
    Arbitrary<ObjectNode> fixed =
        Arbitraries.integers()
            .between(1, 525_600)
            .map(
                minutes -> JSON.objectNode().put("target", Duration.ofMinutes(minutes).toString()));
    Arbitrary<ObjectNode> days =
        Arbitraries.integers()
            .between(1, 3_650)
            .map(count -> JSON.objectNode().put("serviceDays", count));
    return Combinators.combine(
            Arbitraries.oneOf(fixed, days),
            Arbitraries.of(CALENDARS),
            Arbitraries.of(Boolean.TRUE, Boolean.FALSE).injectNull(0.5))
        .as(
            (terms, calendar, pauses) -> {
              ObjectNode node = terms.deepCopy().put("calendarId", calendar);
              return pauses == null ? node : node.put("pausesWhileWaitingOnCustomer", pauses);
            });
  }
}
