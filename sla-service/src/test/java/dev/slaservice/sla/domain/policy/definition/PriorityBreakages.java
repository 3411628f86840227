package dev.slaservice.sla.domain.policy.definition;

import static dev.slaservice.sla.domain.policy.definition.BrokenBodies.notObjects;
import static dev.slaservice.sla.domain.policy.definition.BrokenBodies.notStrings;
import static dev.slaservice.sla.domain.policy.definition.BrokenBodies.remove;
import static dev.slaservice.sla.domain.policy.definition.BrokenBodies.set;
import static dev.slaservice.sla.domain.policy.definition.BrokenBodies.unknownFields;
import static dev.slaservice.sla.support.Json.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slaservice.events.Metric;
import dev.slaservice.sla.domain.policy.definition.BrokenBodies.Place;
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
 * Ways to break the objects a plan holds one of per priority or per metric: the terms of a target,
 * the priorities themselves, and names (the plan's and its priorities').
 */
final class PriorityBreakages {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  static void termsBreakages(Ways ways, List<Place> terms, Set<String> calendars) {
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
        PriorityBreakages::target);
    ways.add(allTerms, "a target longer than ten years", tooLong, PriorityBreakages::target);
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
        PriorityBreakages::target);
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
        PriorityBreakages::serviceDays);
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
        BrokenBodies::unknownField);
  }

  private static String target(ObjectNode terms, String path, String target) {
    terms.remove("serviceDays");
    return set(terms, path, "target", NODES.textNode(target));
  }

  private static String serviceDays(ObjectNode terms, String path, JsonNode serviceDays) {
    terms.remove("target");
    return set(terms, path, "serviceDays", serviceDays);
  }

  static void priorityBreakages(Ways ways, List<Place> places) {
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
        BrokenBodies::unknownField);
  }

  static void nameBreakages(Ways ways, List<Place> names) {
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
        PriorityBreakages::insertIntoName);
    ways.add(
        names,
        "a name with a lone surrogate",
        Combinators.combine(
                language,
                Arbitraries.chars().range('\ud800', '\udfff'),
                Arbitraries.integers().between(0, 999))
            .as(Tuple::of),
        PriorityBreakages::insertIntoName);
    ways.add(
        names,
        "a name that is no string",
        Combinators.combine(language, notStrings()).as(Tuple::of),
        (n, path, v) -> set(n, path, v.get1(), v.get2()));
    ways.add(names, "an unknown language", unknownFields("en", "zh"), BrokenBodies::unknownField);
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

  private PriorityBreakages() {}
}
