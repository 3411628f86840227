package dev.slaservice.sla.domain.policy.definition;

import static dev.slaservice.sla.domain.policy.definition.PlanFieldBreakages.clockEventBreakages;
import static dev.slaservice.sla.domain.policy.definition.PlanFieldBreakages.compensationBreakages;
import static dev.slaservice.sla.domain.policy.definition.PlanFieldBreakages.planBreakages;
import static dev.slaservice.sla.domain.policy.definition.PlanFieldBreakages.upgradeBreakages;
import static dev.slaservice.sla.domain.policy.definition.PlanFieldBreakages.warningBreakages;
import static dev.slaservice.sla.domain.policy.definition.PriorityBreakages.nameBreakages;
import static dev.slaservice.sla.domain.policy.definition.PriorityBreakages.priorityBreakages;
import static dev.slaservice.sla.domain.policy.definition.PriorityBreakages.termsBreakages;
import static dev.slaservice.sla.support.Json.text;
import static dev.slaservice.sla.support.Json.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Valid PUT bodies each broken in one way, with the JSON path of what was broken: the ways are in
 * {@link PriorityBreakages} and {@link PlanFieldBreakages}.
 */
final class BrokenBodies {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** A valid PUT body broken in one way, and the JSON path of what was broken. */
  record Broken(String what, String body, String path, Set<String> calendars) {}

  /** A way to break a part of a body (in place) with a value: gives the path of what it broke. */
  interface Break<T> {
    String at(ObjectNode part, String path, T value);
  }

  /** Where an object stands in a body, by JSON path and JSON pointer. */
  record Place(String path, String pointer) {}

  static final List<Place> ROOT = List.of(new Place("$", ""));

  /** A body broken in one way and the path of what was broken. */
  private record Breakage(String what, JsonNode body, String path) {}

  static Arbitrary<Broken> brokenPuts() {
    return PlanBodies.validPuts()
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
  static final class Ways {
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

  /** The array at {@code field}, stated with {@code first} if it was left out or empty. */
  static ArrayNode nonEmpty(ObjectNode root, String field, JsonNode first) {
    ArrayNode array = root.has(field) ? (ArrayNode) root.get(field) : root.putArray(field);
    if (array.isEmpty()) {
      array.add(first);
    }
    return array;
  }

  static String set(ObjectNode node, String path, String field, JsonNode value) {
    node.set(field, value);
    return path + "." + field;
  }

  static String remove(ObjectNode node, String path, String field) {
    node.remove(field);
    return path + "." + field;
  }

  static String unknownField(ObjectNode node, String path, String field) {
    return set(node, path, field, NODES.textNode("?"));
  }

  static Arbitrary<String> unknownFields(String... known) {
    return Arbitraries.strings()
        .alpha()
        .withChars('_')
        .ofMinLength(1)
        .ofMaxLength(12)
        .filter(name -> !Set.of(known).contains(name));
  }

  static Arbitrary<JsonNode> notStrings() {
    return Arbitraries.of(
        NODES.numberNode(4),
        NODES.booleanNode(true),
        NODES.arrayNode(),
        NODES.objectNode(),
        NODES.nullNode());
  }

  static Arbitrary<JsonNode> notObjects() {
    return Arbitraries.of(
        NODES.textNode("PT4H"),
        NODES.numberNode(4),
        NODES.booleanNode(false),
        NODES.arrayNode(),
        NODES.nullNode());
  }

  static Arbitrary<JsonNode> notArrays() {
    return Arbitraries.of(
        NODES.textNode("50,75"), NODES.numberNode(50), NODES.objectNode(), NODES.nullNode());
  }

  static Arbitrary<JsonNode> notNumbers() {
    return Arbitraries.of(
        NODES.textNode("5"),
        NODES.booleanNode(true),
        NODES.arrayNode(),
        NODES.objectNode(),
        NODES.nullNode());
  }

  private BrokenBodies() {}
}
