package dev.slaservice.sla.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slaservice.events.Metric;
import dev.slaservice.sla.domain.sla.TicketState;
import dev.slaservice.sla.persistence.TicketList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TicketViewsJsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Nested
  class GivenATicketOfTheList {

    private final TicketList.Entry entry =
        new TicketList.Entry(
            "T-1",
            "acme",
            "websoft9-premium",
            2,
            "HIGH",
            Metric.RESPONSE,
            TicketState.AT_RISK,
            Instant.parse("2026-11-02T10:00:00Z"),
            Instant.parse("2026-11-02T09:48:00Z"));

    @Test
    void whenWrittenThenItsHeadingStandsFlatAmongItsFieldsAsOpenapiYamlDocumentsIt() {
      JsonNode json = MAPPER.valueToTree(TicketViews.Summary.of(entry, Locale.ENGLISH));

      List<String> fields = new ArrayList<>();
      json.fieldNames().forEachRemaining(fields::add);
      assertThat(fields)
          .containsExactlyInAnyOrder(
              "ticketId",
              "customerId",
              "planId",
              "planName",
              "planVersion",
              "priority",
              "priorityName",
              "metric",
              "state",
              "stateName",
              "deadline",
              "atRiskFrom");
      assertThat(json.get("planName").asText()).isEqualTo("Websoft9 Premium Support");
      assertThat(json.get("planVersion").asInt()).isEqualTo(2);
      assertThat(json.get("priorityName").asText()).isNotBlank();
    }
  }
}
