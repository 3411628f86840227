package dev.slaservice.sla.domain.policy.definition;

import static dev.slaservice.sla.domain.policy.definition.BrokenBodies.ROOT;
import static dev.slaservice.sla.domain.policy.definition.BrokenBodies.nonEmpty;
import static dev.slaservice.sla.domain.policy.definition.BrokenBodies.notArrays;
import static dev.slaservice.sla.domain.policy.definition.BrokenBodies.notNumbers;
import static dev.slaservice.sla.domain.policy.definition.BrokenBodies.notObjects;
import static dev.slaservice.sla.domain.policy.definition.BrokenBodies.notStrings;
import static dev.slaservice.sla.domain.policy.definition.BrokenBodies.remove;
import static dev.slaservice.sla.domain.policy.definition.BrokenBodies.set;
import static dev.slaservice.sla.domain.policy.definition.BrokenBodies.unknownField;
import static dev.slaservice.sla.domain.policy.definition.BrokenBodies.unknownFields;
import static dev.slaservice.sla.domain.policy.definition.DocumentedEvents.DOCUMENTED_EVENTS;
import static dev.slaservice.sla.domain.policy.definition.DocumentedEvents.ROLES;
import static dev.slaservice.sla.domain.policy.definition.DocumentedEvents.strings;
import static java.util.stream.Collectors.toSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slaservice.events.EventType;
import dev.slaservice.events.Metric;
import dev.slaservice.sla.domain.policy.definition.BrokenBodies.Ways;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Ways to break the plan's own fields: the plan object, its warning shares, compensation, clock
 * events and the plans it allows per-ticket upgrades from.
 */
final class PlanFieldBreakages {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  static void planBreakages(Ways ways) {
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
        BrokenBodies::unknownField);
  }

  static void warningBreakages(Ways ways) {
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

  static void compensationBreakages(Ways ways) {
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

  static void clockEventBreakages(Ways ways) {
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

  static void upgradeBreakages(Ways ways) {
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

  private PlanFieldBreakages() {}
}
