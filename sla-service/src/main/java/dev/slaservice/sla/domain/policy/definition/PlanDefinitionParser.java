package dev.slaservice.sla.domain.policy.definition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.slaservice.events.EventJson;
import dev.slaservice.events.Metric;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a plan definition from its JSON form, reporting every misshapen part with its JSON path: a
 * missing or unknown field, a wrong type, a duration that is not ISO-8601. It goes on after a
 * problem, leaving null in the broken place, so that {@link PlanDefinitionValidator} can still
 * check the rest; whether the values make sense is the validator's business.
 */
public final class PlanDefinitionParser {

  /** The definition read (with nulls where parts were broken) and the problems found. */
  public record Parsed(PlanDefinition definition, List<DefinitionProblem> problems) {}

  public static final String PERCENT_PER_BREACHED_TICKET = "PERCENT_PER_BREACHED_TICKET";
  public static final String NONE = "NONE";
  public static final String MONTHLY_FEE = "MONTHLY_FEE";

  private static final Set<String> PLAN_FIELDS =
      Set.of(
          "names",
          "priorities",
          "warningPercents",
          "compensation",
          "clockEvents",
          "allowsPerTicketUpgradeFrom");
  private static final Set<String> NAME_FIELDS = Set.of("en", "zh");
  private static final Set<String> PRIORITY_FIELDS = Set.of("id", "names", "targets");
  private static final Set<String> TERMS_FIELDS =
      Set.of("target", "serviceDays", "calendarId", "pausesWhileWaitingOnCustomer");
  private static final Set<String> COMPENSATION_FIELDS =
      Set.of("kind", "percentOfMonthlyFee", "cap");

  private final List<DefinitionProblem> problems = new ArrayList<>();

  private PlanDefinitionParser() {}

  public static Parsed parse(String json) {
    JsonNode root;
    try {
      root = json == null || json.isBlank() ? null : EventJson.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      return new Parsed(
          null, List.of(new DefinitionProblem("$", "not JSON: " + e.getOriginalMessage())));
    }
    return parse(root);
  }

  public static Parsed parse(JsonNode root) {
    PlanDefinitionParser parser = new PlanDefinitionParser();
    PlanDefinition definition = parser.plan(root);
    return new Parsed(definition, List.copyOf(parser.problems));
  }

  private PlanDefinition plan(JsonNode root) {
    if (!object(root, "$", PLAN_FIELDS)) {
      return null;
    }
    LocalizedName names = names(required(root, "$", "names"), "$.names");
    List<PriorityDefinition> priorities = new ArrayList<>();
    JsonNode list = required(root, "$", "priorities");
    if (list != null && array(list, "$.priorities")) {
      for (int i = 0; i < list.size(); i++) {
        priorities.add(priority(list.get(i), "$.priorities[" + i + "]"));
      }
    }
    List<Integer> warnings = warningPercents(root.get("warningPercents"));
    CompensationTerms compensation = compensation(root.get("compensation"));
    Map<Metric, ClockEvents> events = new EnumMap<>(Metric.class);
    for (Metric metric : Metric.values()) {
      events.put(metric, ClockEvents.defaults(metric));
    }
    byMetric(root.get("clockEvents"), "$.clockEvents", this::clockEvents).forEach(events::put);
    List<String> upgradesFrom = upgradesFrom(root.get("allowsPerTicketUpgradeFrom"));
    return new PlanDefinition(names, priorities, warnings, compensation, events, upgradesFrom);
  }

  private LocalizedName names(JsonNode node, String path) {
    if (node == null || !object(node, path, NAME_FIELDS)) {
      return null;
    }
    return new LocalizedName(
        text(required(node, path, "en"), path + ".en"),
        text(required(node, path, "zh"), path + ".zh"));
  }

  private PriorityDefinition priority(JsonNode node, String path) {
    if (!object(node, path, PRIORITY_FIELDS)) {
      return null;
    }
    String id = text(required(node, path, "id"), path + ".id");
    LocalizedName names = names(required(node, path, "names"), path + ".names");
    Map<Metric, MetricTerms> targets =
        byMetric(required(node, path, "targets"), path + ".targets", this::terms);
    return new PriorityDefinition(id, names, targets);
  }

  private MetricTerms terms(JsonNode node, String path, Metric metric) {
    if (!object(node, path, TERMS_FIELDS)) {
      return null;
    }
    Target target = null;
    boolean fixed = node.has("target");
    boolean days = node.has("serviceDays");
    if (fixed == days) {
      problems.add(
          new DefinitionProblem(
              path,
              "give either target (an ISO-8601 duration such as PT4H)"
                  + " or serviceDays (a whole number of the calendar's service days), not "
                  + (fixed ? "both" : "neither")));
    } else if (fixed) {
      target = duration(node.get("target"), path + ".target");
    } else {
      target = serviceDays(node.get("serviceDays"), path + ".serviceDays");
    }
    String calendarId = text(required(node, path, "calendarId"), path + ".calendarId");
    JsonNode pauses = node.get("pausesWhileWaitingOnCustomer");
    boolean pausable = metric != Metric.RESPONSE;
    if (pauses != null) {
      if (pauses.isBoolean()) {
        pausable = pauses.booleanValue();
      } else {
        problems.add(
            new DefinitionProblem(path + ".pausesWhileWaitingOnCustomer", "must be true or false"));
      }
    }
    return target == null || calendarId == null
        ? null
        : new MetricTerms(target, calendarId, pausable);
  }

  private Target duration(JsonNode node, String path) {
    if (!node.isTextual()) {
      problems.add(
          new DefinitionProblem(path, "must be an ISO-8601 duration such as PT4H or PT30M"));
      return null;
    }
    try {
      return new Target.Fixed(Duration.parse(node.textValue()));
    } catch (DateTimeParseException e) {
      problems.add(
          new DefinitionProblem(
              path,
              "'" + node.textValue() + "' is not an ISO-8601 duration such as" + " PT4H or PT30M"));
      return null;
    }
  }

  private Target serviceDays(JsonNode node, String path) {
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      problems.add(new DefinitionProblem(path, "must be a whole number of service days"));
      return null;
    }
    return new Target.ServiceDays(node.intValue());
  }

  private List<Integer> warningPercents(JsonNode node) {
    if (node == null) {
      return List.of(50, 75);
    }
    List<Integer> percents = new ArrayList<>();
    if (array(node, "$.warningPercents")) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode share = node.get(i);
        if (share.isIntegralNumber() && share.canConvertToInt()) {
          percents.add(share.intValue());
        } else {
          problems.add(
              new DefinitionProblem(
                  "$.warningPercents[" + i + "]", "must be a whole percent, 1 to 99"));
          percents.add(null);
        }
      }
    }
    return percents;
  }

  private List<String> upgradesFrom(JsonNode node) {
    String path = "$.allowsPerTicketUpgradeFrom";
    List<String> planIds = new ArrayList<>();
    if (node != null && array(node, path)) {
      for (int i = 0; i < node.size(); i++) {
        planIds.add(text(node.get(i), path + "[" + i + "]"));
      }
    }
    return planIds;
  }

  private CompensationTerms compensation(JsonNode node) {
    String path = "$.compensation";
    if (node == null) {
      return new CompensationTerms.None();
    }
    if (!object(node, path, COMPENSATION_FIELDS)) {
      return null;
    }
    String kind = text(required(node, path, "kind"), path + ".kind");
    if (NONE.equals(kind)) {
      // refused, not dropped: a percent given with NONE is more likely a wrong kind than a wish for
      // nothing
      for (String field : List.of("percentOfMonthlyFee", "cap")) {
        if (node.has(field)) {
          problems.add(
              new DefinitionProblem(
                  path + "." + field,
                  "belongs to kind "
                      + PERCENT_PER_BREACHED_TICKET
                      + "; kind "
                      + NONE
                      + " has no "
                      + field));
        }
      }
      return new CompensationTerms.None();
    }
    if (!PERCENT_PER_BREACHED_TICKET.equals(kind)) {
      if (kind != null) {
        problems.add(
            new DefinitionProblem(
                path + ".kind",
                "unknown kind '"
                    + kind
                    + "'; the kinds are "
                    + NONE
                    + " and "
                    + PERCENT_PER_BREACHED_TICKET));
      }
      return null;
    }
    JsonNode cap = node.get("cap");
    if (cap != null && !MONTHLY_FEE.equals(cap.asText())) {
      problems.add(new DefinitionProblem(path + ".cap", "the only cap is " + MONTHLY_FEE));
    }
    JsonNode percent = required(node, path, "percentOfMonthlyFee");
    if (percent == null) {
      return null;
    }
    if (!percent.isNumber()) {
      problems.add(
          new DefinitionProblem(path + ".percentOfMonthlyFee", "must be a number, e.g. 5 for 5 %"));
      return null;
    }
    return new CompensationTerms.PercentPerBreachedTicket(percent.decimalValue());
  }

  private ClockEvents clockEvents(JsonNode node, String path, Metric metric) {
    if (!object(node, path, Set.copyOf(ClockEvents.ROLES))) {
      return null;
    }
    ClockEvents defaults = ClockEvents.defaults(metric);
    List<List<String>> roles = new ArrayList<>();
    for (String role : ClockEvents.ROLES) {
      JsonNode names = node.get(role);
      roles.add(names == null ? defaults.of(role) : eventNames(names, path + "." + role));
    }
    return roles.contains(null)
        ? null
        : new ClockEvents(roles.get(0), roles.get(1), roles.get(2), roles.get(3));
  }

  private List<String> eventNames(JsonNode node, String path) {
    if (!array(node, path)) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String name = text(node.get(i), path + "[" + i + "]");
      if (name == null) {
        return null;
      }
      names.add(name);
    }
    return names;
  }

  /**
   * The entries of an object keyed by metric name; an unknown key or a broken entry is a problem
   * and left out.
   */
  private <T> Map<Metric, T> byMetric(JsonNode node, String path, MetricEntry<T> entry) {
    Map<Metric, T> entries = new EnumMap<>(Metric.class);
    if (node == null || !object(node, path, null)) {
      return entries;
    }
    node.fields()
        .forEachRemaining(
            field -> {
              Optional<Metric> metric =
                  Arrays.stream(Metric.values())
                      .filter(m -> m.name().equals(field.getKey()))
                      .findFirst();
              if (metric.isEmpty()) {
                problems.add(
                    new DefinitionProblem(
                        path + "." + field.getKey(),
                        "unknown metric; the metrics are " + Arrays.toString(Metric.values())));
                return;
              }
              T value = entry.read(field.getValue(), path + "." + field.getKey(), metric.get());
              if (value != null) {
                entries.put(metric.get(), value);
              }
            });
    return entries;
  }

  private boolean object(JsonNode node, String path, Set<String> known) {
    if (node == null || !node.isObject()) {
      problems.add(new DefinitionProblem(path, "must be a JSON object"));
      return false;
    }
    if (known != null) {
      node.fieldNames()
          .forEachRemaining(
              name -> {
                if (!known.contains(name)) {
                  problems.add(
                      new DefinitionProblem(
                          path + "." + name,
                          "unknown field; the fields here are "
                              + known.stream().sorted().toList()));
                }
              });
    }
    return true;
  }

  private boolean array(JsonNode node, String path) {
    if (!node.isArray()) {
      problems.add(new DefinitionProblem(path, "must be a JSON array"));
      return false;
    }
    return true;
  }

  private JsonNode required(JsonNode node, String path, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      problems.add(new DefinitionProblem(path + "." + field, "is required"));
      return null;
    }
    return value;
  }

  private String text(JsonNode node, String path) {
    if (node == null) {
      return null;
    }
    if (!node.isTextual()) {
      problems.add(new DefinitionProblem(path, "must be a string"));
      return null;
    }
    return node.textValue();
  }

  /** Reads the entry of one metric. */
  private interface MetricEntry<T> {
    T read(JsonNode node, String path, Metric metric);
  }
}
