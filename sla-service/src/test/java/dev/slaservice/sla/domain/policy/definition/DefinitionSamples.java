package dev.slaservice.sla.domain.policy.definition;

import static dev.slaservice.sla.support.Json.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slaservice.sla.domain.calendar.AlwaysOpenCalendar;
import dev.slaservice.sla.domain.calendar.BusinessCalendar;
import dev.slaservice.sla.domain.policy.BuiltInCatalog;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractStringAssert;

/** A complete plan definition and the helpers the definition tests check it with. */
final class DefinitionSamples {

  private DefinitionSamples() {}

  static final Set<String> CALENDARS = Set.of(AlwaysOpenCalendar.ID, BuiltInCatalog.EMQ_5X8);

  /**
   * A complete definition: two priorities, a service-day target on the 5x8 calendar, percent
   * compensation.
   */
  static final String GOLD =
      """
      {"names": {"en": "Gold 4 h", "zh": "黄金 4 小时"},
       "priorities": [
         {"id": "URGENT", "names": {"en": "Urgent", "zh": "紧急"},
          "targets": {"RESPONSE": {"target": "PT4H", "calendarId": "24x7"},
                      "RESOLUTION": {"serviceDays": 5, "calendarId": "emq-5x8",
                                     "pausesWhileWaitingOnCustomer": true}}},
         {"id": "LOW", "names": {"en": "Low", "zh": "低"},
          "targets": {"RESPONSE": {"target": "P1D", "calendarId": "emq-5x8"}}}],
       "warningPercents": [25, 50, 90],
       "compensation": {"kind": "PERCENT_PER_BREACHED_TICKET", "percentOfMonthlyFee": 2.5,
                        "cap": "MONTHLY_FEE"},
       "allowsPerTicketUpgradeFrom": ["websoft9-standard"]}""";

  static CheckedDefinition check(String json) {
    return CheckedDefinition.of(json, CALENDARS::contains);
  }

  /** GOLD with one change made to its tree. */
  static CheckedDefinition gold(Consumer<ObjectNode> change) {
    ObjectNode root = (ObjectNode) tree(GOLD);
    change.accept(root);
    return CheckedDefinition.of(root, CALENDARS::contains);
  }

  /** Asserts that the only problem is at {@code path}; returns an assertion on its message. */
  static AbstractStringAssert<?> onlyProblemAt(List<DefinitionProblem> problems, String path) {
    assertThat(problems).singleElement().extracting(DefinitionProblem::path).isEqualTo(path);
    return assertThat(problems.get(0).message());
  }

  static ObjectNode priority(ObjectNode root, int index) {
    return (ObjectNode) root.get("priorities").get(index);
  }

  static ObjectNode terms(ObjectNode root, int index, String metric) {
    return (ObjectNode) priority(root, index).get("targets").get(metric);
  }

  static Optional<BusinessCalendar> calendar(String id) {
    return new BuiltInCatalog().calendar(id).map(v -> v.calendar());
  }
}
