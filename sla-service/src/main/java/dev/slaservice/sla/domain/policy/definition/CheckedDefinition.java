package dev.slaservice.sla.domain.policy.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A definition read and checked in full, the same way for a PUT and for a data file shipped with
 * the service: the parser's problems, then the validator's at places the parser did not already
 * name.
 */
public record CheckedDefinition(PlanDefinition definition, List<DefinitionProblem> problems) {

  public CheckedDefinition {
    problems = List.copyOf(problems);
  }

  public static CheckedDefinition of(JsonNode json, Predicate<String> knownCalendar) {
    return of(PlanDefinitionParser.parse(json), knownCalendar);
  }

  public static CheckedDefinition of(String json, Predicate<String> knownCalendar) {
    return of(PlanDefinitionParser.parse(json), knownCalendar);
  }

  private static CheckedDefinition of(
      PlanDefinitionParser.Parsed parsed, Predicate<String> knownCalendar) {
    List<DefinitionProblem> all = new ArrayList<>(parsed.problems());
    new PlanDefinitionValidator(knownCalendar)
        .problems(parsed.definition()).stream()
            .filter(v -> parsed.problems().stream().noneMatch(p -> within(v.path(), p.path())))
            .forEach(all::add);
    return new CheckedDefinition(all.isEmpty() ? parsed.definition() : null, all);
  }

  private static boolean within(String path, String reported) {
    return path.equals(reported)
        || path.startsWith(reported + ".")
        || path.startsWith(reported + "[");
  }

  public boolean valid() {
    return problems.isEmpty();
  }
}
