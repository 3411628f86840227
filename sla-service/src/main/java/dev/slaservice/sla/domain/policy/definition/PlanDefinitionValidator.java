package dev.slaservice.sla.domain.policy.definition;

import dev.slaservice.events.EventType;
import dev.slaservice.events.FieldKind;
import dev.slaservice.events.Metric;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks that a definition makes sense as a whole before anything is stored: every problem, each
 * with its JSON path. Null parts were already reported by the parser and are passed over.
 */
public final class PlanDefinitionValidator {

  /** Longer than ten years is a typo, not a target. */
  public static final Duration LONGEST_TARGET = Duration.ofDays(3_650);

  public static final int MOST_SERVICE_DAYS = 3_650;
  public static final int MOST_PRIORITIES = 50;
  public static final int MOST_WARNINGS = 10;
  public static final int MOST_UPGRADES_FROM = 50;

  private final Predicate<String> knownCalendar;

  /**
   * @param knownCalendar whether a calendar id names a defined calendar (built in or made with PUT
   *     /calendars)
   */
  public PlanDefinitionValidator(Predicate<String> knownCalendar) {
    this.knownCalendar = knownCalendar;
  }

  public List<DefinitionProblem> problems(PlanDefinition definition) {
    List<DefinitionProblem> problems = new ArrayList<>();
    if (definition == null) {
      return problems;
    }
    names(definition.names(), "$.names", problems);
    priorities(definition.priorities(), problems);
    warnings(definition.warningPercents(), problems);
    if (definition.compensation() instanceof CompensationTerms.PercentPerBreachedTicket percent) {
      BigDecimal share = percent.percentOfMonthlyFee();
      if (share.signum() <= 0 || share.compareTo(BigDecimal.valueOf(100)) > 0) {
        problems.add(
            new DefinitionProblem(
                "$.compensation.percentOfMonthlyFee",
                "must be more than 0 and at most 100 (percent of the monthly fee), not "
                    + share.toPlainString()));
      }
    }
    definition.clockEvents().forEach((metric, events) -> clockEvents(metric, events, problems));
    upgradesFrom(definition.allowsPerTicketUpgradeFrom(), problems);
    return problems;
  }

  private static void names(LocalizedName names, String path, List<DefinitionProblem> problems) {
    if (names == null) {
      return;
    }
    text(names.en(), path + ".en", problems);
    text(names.zh(), path + ".zh", problems);
  }

  private static void text(String text, String path, List<DefinitionProblem> problems) {
    if (text == null) {
      return;
    }
    if (!FieldKind.TEXT.accepts(text)) {
      problems.add(new DefinitionProblem(path, "must be " + FieldKind.TEXT.expectation()));
    } else if (text.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE)) {
      // the store keeps UTF-8, which has no form for half a surrogate pair: it would come back as
      // '?'
      problems.add(
          new DefinitionProblem(
              path,
              "holds half of a surrogate pair (a broken \\uD800-\\uDFFF escape),"
                  + " which is no character"));
    }
  }

  private void priorities(List<PriorityDefinition> priorities, List<DefinitionProblem> problems) {
    if (priorities.isEmpty()) {
      problems.add(new DefinitionProblem("$.priorities", "a plan needs at least one priority"));
    } else if (priorities.size() > MOST_PRIORITIES) {
      problems.add(
          new DefinitionProblem("$.priorities", "at most " + MOST_PRIORITIES + " priorities"));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < priorities.size(); i++) {
      PriorityDefinition priority = priorities.get(i);
      String path = "$.priorities[" + i + "]";
      if (priority == null) {
        continue;
      }
      if (priority.id() != null) {
        if (!FieldKind.PRIORITY.accepts(priority.id())) {
          problems.add(
              new DefinitionProblem(path + ".id", "must be " + FieldKind.PRIORITY.expectation()));
        } else if (!seen.add(priority.id())) {
          problems.add(
              new DefinitionProblem(
                  path + ".id", "priority " + priority.id() + " is defined twice"));
        }
      }
      names(priority.names(), path + ".names", problems);
      if (priority.targets().isEmpty()) {
        problems.add(
            new DefinitionProblem(
                path + ".targets",
                "a priority needs a target for at least one metric"
                    + " (one of "
                    + Arrays.toString(Metric.values())
                    + ")"));
      }
      priority
          .targets()
          .forEach((metric, terms) -> terms(terms, path + ".targets." + metric, problems));
    }
  }

  private void terms(MetricTerms terms, String path, List<DefinitionProblem> problems) {
    if (terms.target() instanceof Target.Fixed fixed) {
      Duration target = fixed.duration();
      if (target.isNegative() || target.isZero()) {
        problems.add(new DefinitionProblem(path + ".target", "must be positive, not " + target));
      } else if (target.compareTo(LONGEST_TARGET) > 0) {
        problems.add(
            new DefinitionProblem(path + ".target", target + " is longer than ten years (P3650D)"));
      }
    } else if (terms.target() instanceof Target.ServiceDays days
        && (days.days() < 1 || days.days() > MOST_SERVICE_DAYS)) {
      problems.add(
          new DefinitionProblem(
              path + ".serviceDays",
              "must be 1 to " + MOST_SERVICE_DAYS + " service days, not " + days.days()));
    }
    if (!knownCalendar.test(terms.calendarId())) {
      problems.add(
          new DefinitionProblem(
              path + ".calendarId",
              "unknown calendar "
                  + terms.calendarId()
                  + "; define it first with PUT /calendars/"
                  + terms.calendarId()));
    }
  }

  private static void warnings(List<Integer> percents, List<DefinitionProblem> problems) {
    if (percents.size() > MOST_WARNINGS) {
      problems.add(
          new DefinitionProblem(
              "$.warningPercents", "at most " + MOST_WARNINGS + " warning shares"));
    }
    Integer previous = null;
    for (int i = 0; i < percents.size(); i++) {
      Integer percent = percents.get(i);
      if (percent == null) {
        continue;
      }
      String path = "$.warningPercents[" + i + "]";
      if (percent < 1 || percent > 99) {
        problems.add(
            new DefinitionProblem(
                path,
                "a warning share must lie in 1 to 99 (percent of the target),"
                    + " not "
                    + percent));
      } else if (previous != null && percent <= previous) {
        problems.add(
            new DefinitionProblem(
                path, "warning shares must rise: " + percent + " after " + previous));
      }
      previous = percent;
    }
  }

  private static void upgradesFrom(List<String> planIds, List<DefinitionProblem> problems) {
    if (planIds.size() > MOST_UPGRADES_FROM) {
      problems.add(
          new DefinitionProblem(
              "$.allowsPerTicketUpgradeFrom", "at most " + MOST_UPGRADES_FROM + " plans"));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < planIds.size(); i++) {
      String planId = planIds.get(i);
      String path = "$.allowsPerTicketUpgradeFrom[" + i + "]";
      if (planId == null) {
        continue;
      }
      if (!FieldKind.ID.accepts(planId)) {
        problems.add(
            new DefinitionProblem(path, "must be a plan id, " + FieldKind.ID.expectation()));
      } else if (!seen.add(planId)) {
        problems.add(new DefinitionProblem(path, "plan " + planId + " is named twice"));
      }
    }
  }

  private static void clockEvents(
      Metric metric, ClockEvents events, List<DefinitionProblem> problems) {
    ClockEvents supported = ClockEvents.defaults(metric);
    for (String role : ClockEvents.ROLES) {
      String path = "$.clockEvents." + metric + "." + role;
      List<String> names = events.of(role);
      List<String> unknown =
          names.stream().filter(n -> EventType.fromWireName(n).isEmpty()).toList();
      if (!unknown.isEmpty()) {
        problems.add(new DefinitionProblem(path, "unknown event type(s) " + unknown));
      } else if (!Set.copyOf(names).equals(Set.copyOf(supported.of(role)))
          || names.size() != Set.copyOf(names).size()) {
        problems.add(
            new DefinitionProblem(
                path,
                "the engine supports only "
                    + supported.of(role)
                    + " here for now; other choices are not honoured yet"));
      }
    }
  }
}
