package dev.slaservice.sla.domain.policy.definition;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slaservice.events.Metric;
import java.util.List;

/**
 * The JSON form of a definition, as stored and as GET /plans/{planId} shows it: every default
 * spelled out.
 */
public final class PlanDefinitionWriter {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private PlanDefinitionWriter() {}

  public static ObjectNode write(PlanDefinition definition) {
    ObjectNode root = JSON.objectNode();
    root.set("names", names(definition.names()));
    ArrayNode priorities = root.putArray("priorities");
    for (PriorityDefinition priority : definition.priorities()) {
      ObjectNode node = priorities.addObject().put("id", priority.id());
      node.set("names", names(priority.names()));
      ObjectNode targets = node.putObject("targets");
      priority.targets().forEach((metric, terms) -> targets.set(metric.name(), terms(terms)));
    }
    ArrayNode warnings = root.putArray("warningPercents");
    definition.warningPercents().forEach(warnings::add);
    ObjectNode compensation = root.putObject("compensation");
    if (definition.compensation() instanceof CompensationTerms.PercentPerBreachedTicket percent) {
      compensation
          .put("kind", PlanDefinitionParser.PERCENT_PER_BREACHED_TICKET)
          .put("percentOfMonthlyFee", percent.percentOfMonthlyFee())
          .put("cap", PlanDefinitionParser.MONTHLY_FEE);
    } else {
      compensation.put("kind", PlanDefinitionParser.NONE);
    }
    names(root.putArray("allowsPerTicketUpgradeFrom"), definition.allowsPerTicketUpgradeFrom());
    ObjectNode events = root.putObject("clockEvents");
    for (Metric metric : Metric.values()) {
      ClockEvents clock = definition.clockEvents().get(metric);
      ObjectNode node = events.putObject(metric.name());
      for (String role : ClockEvents.ROLES) {
        names(node.putArray(role), clock.of(role));
      }
    }
    return root;
  }

  private static ObjectNode names(LocalizedName names) {
    return JSON.objectNode().put("en", names.en()).put("zh", names.zh());
  }

  private static ObjectNode terms(MetricTerms terms) {
    ObjectNode node = JSON.objectNode();
    if (terms.target() instanceof Target.ServiceDays days) {
      node.put("serviceDays", days.days());
    } else {
      node.put("target", ((Target.Fixed) terms.target()).duration().toString());
    }
    return node.put("calendarId", terms.calendarId())
        .put("pausesWhileWaitingOnCustomer", terms.pausesWhileWaitingOnCustomer());
  }

  private static void names(ArrayNode array, List<String> names) {
    names.forEach(array::add);
  }
}
