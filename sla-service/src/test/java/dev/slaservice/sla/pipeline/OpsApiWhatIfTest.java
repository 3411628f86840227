package dev.slaservice.sla.pipeline;

import static dev.slaservice.sla.support.Tickets.ids;
import static dev.slaservice.sla.support.Tickets.list;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slaservice.events.EventJson;
import dev.slaservice.sla.application.WhatIfService;
import dev.slaservice.sla.support.Database;
import dev.slaservice.sla.support.Events;
import dev.slaservice.sla.support.Intake;
import dev.slaservice.sla.support.Json;
import dev.slaservice.sla.support.MovableClock;
import dev.slaservice.sla.support.SlaStackResource;
import dev.slaservice.sla.support.WhatIf;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What-if questions to the ops API over real Kafka and PostgreSQL: a draft or another plan judged
 * against stored tickets, nothing stored.
 */
@QuarkusTest
@QuarkusTestResource(SlaStackResource.class)
class OpsApiWhatIfTest {

  @Inject MovableClock clock;

  @Inject Database database;

  @Nested
  class GivenPremiumTicketsWithSlowAndFastResponses {

    private final String customer = "whatif-" + UUID.randomUUID();
    private final String slow = "S-" + UUID.randomUUID();
    private final String fast = "F-" + UUID.randomUUID();
    private Instant now;
    private Instant opened;

    /**
     * Premium HIGH answers within 10 min: the slow ticket answered after 20 (breached), the fast
     * after 5.
     */
    private void openSlowAndFast() {
      now = clock.now().truncatedTo(ChronoUnit.SECONDS);
      opened = now.minus(Duration.ofMinutes(40));
      Intake.accepted(
          Events.batch(
              Events.premiumHigh(slow, customer, opened),
              Events.simple("WorkStarted", slow, opened.plus(Duration.ofMinutes(20))),
              Events.premiumHigh(fast, customer, opened),
              Events.simple("WorkStarted", fast, opened.plus(Duration.ofMinutes(5)))));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  ids(list(customer, "state", "BREACHED")).size() == 1
                      && ids(list(customer, "state", "MET")).size() == 1);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  database.count(
                          "select count(*) from outbox where record_key"
                              + " in (select ticket_id from ticket_projection where customer_id = $1)",
                          customer)
                      == 0);
    }

    /** Websoft9 Premium's definition with the HIGH response target changed to {@code target}. */
    private static ObjectNode premiumDraft(String target) {
      ObjectNode definition = Json.builtInPlan("websoft9-premium");
      for (JsonNode priority : definition.get("priorities")) {
        if ("HIGH".equals(priority.get("id").asText())) {
          ((ObjectNode) priority.get("targets").get("RESPONSE")).put("target", target);
        }
      }
      return definition;
    }

    private ObjectNode draftQuestion(ObjectNode definition) {
      ObjectNode question =
          EventJson.mapper()
              .createObjectNode()
              .put("openedFrom", opened.minusSeconds(1).toString())
              .put("openedTo", now.toString())
              .put("customerId", customer);
      question.putObject("plan").set("definition", definition);
      return question;
    }

    @Test
    void
        whenAskedWhatIfADraftAnsweredWithin3MinutesThenTheFastOneGainsABreachAndTheSlowOnesMoves() {
      openSlowAndFast();
      List<List<String>> storedBefore = stored(customer);

      JsonPath answer = WhatIf.answer(draftQuestion(premiumDraft("PT3M")).toString());

      assertThat(answer.getInt("examined")).isEqualTo(2);
      assertThat(answer.getInt("breachesGained")).isEqualTo(1);
      assertThat(answer.getInt("breachesMoved")).isEqualTo(1);
      assertThat(answer.getInt("breachesLost")).isZero();
      assertThat(
              answer.getString(
                  "items.find { it.ticketId == '%s' }.gained[0].deadline".formatted(fast)))
          .isEqualTo(opened.plus(Duration.ofMinutes(3)).toString());
      assertThat(
              answer.getString(
                  "items.find { it.ticketId == '%s' }.moved[0].deadline".formatted(slow)))
          .isEqualTo(opened.plus(Duration.ofMinutes(3)).toString());
      assertThat(stored(customer)).isEqualTo(storedBefore);
      given().get("/plans/{id}", WhatIfService.DRAFT).then().statusCode(404);
    }

    @Test
    void whenTheDraftIsInvalidThenEveryProblemIsNamedWithItsPathInTheBody() {
      openSlowAndFast();
      ObjectNode draft = premiumDraft("-PT5M");
      draft.put("colour", "gold");
      WhatIf.ask(draftQuestion(draft).toString())
          .statusCode(400)
          .contentType(startsWith("application/problem+json"))
          .body(
              "errors.field",
              containsInAnyOrder(
                  "$.plan.definition.colour",
                  "$.plan.definition.priorities[1].targets.RESPONSE.target"));
    }

    @Test
    void whenAskedWhatIfTheyWereOnAdvancedThenTheSlowOneLosesItsBreachAndNothingIsStored() {
      openSlowAndFast();
      List<List<String>> storedBefore = stored(customer);

      String question =
          """
          {"openedFrom":"%s","openedTo":"%s","customerId":"%s","plan":{"id":"websoft9-advanced"}}"""
              .formatted(opened.minusSeconds(1), now, customer);
      JsonPath answer = WhatIf.answer(question);

      assertThat(answer.getInt("examined")).isEqualTo(2);
      assertThat(answer.getInt("breachesLost")).isEqualTo(1);
      assertThat(answer.getInt("breachesGained")).isZero();
      assertThat(answer.getList("items.ticketId", String.class)).containsExactly(slow);
      assertThat(answer.getString("items[0].lost[0].metric")).isEqualTo("RESPONSE");
      assertThat(stored(customer)).isEqualTo(storedBefore);
      given().get("/tickets/{id}", slow).then().body("state", equalTo("BREACHED"));
    }

    @Test
    void whenTheAlternativeIsMissingOrUnknownThenTheProblemSaysWhat() {
      String range =
          "\"openedFrom\":\"2026-01-01T00:00:00Z\",\"openedTo\":\"2026-02-01T00:00:00Z\"";
      WhatIf.ask("{" + range + "}")
          .statusCode(400)
          .body("code", equalTo("whatif.alternative-required"));
      WhatIf.ask("{" + range + ",\"plan\":{\"id\":\"gold\"}}")
          .statusCode(404)
          .body("detail", containsString("no plan gold"));
      WhatIf.ask(
              "{\"openedFrom\":\"2026-02-01T00:00:00Z\","
                  + "\"openedTo\":\"2026-01-01T00:00:00Z\",\"plan\":{\"id\":\"websoft9-advanced\"}}")
          .statusCode(400)
          .body("code", equalTo("whatif.range-required"));
    }
  }

  /** Everything stored about a customer's tickets, as text. */
  private List<List<String>> stored(String customer) {
    List<List<String>> rows =
        new ArrayList<>(
            database.rows(
                "select ticket_id, status, clocks::text, published::text,"
                    + " updated_at::text from ticket_projection where customer_id = $1 order by ticket_id",
                customer));
    rows.addAll(
        database.rows(
            "select count(*)::text from event_store where ticket_id in"
                + " (select ticket_id from ticket_projection where customer_id = $1)",
            customer));
    rows.addAll(
        database.rows(
            "select count(*)::text from outbox where record_key in"
                + " (select ticket_id from ticket_projection where customer_id = $1)",
            customer));
    rows.addAll(
        database.rows(
            "select ticket_id, due_at::text from sla_timer where ticket_id in"
                + " (select ticket_id from ticket_projection where customer_id = $1) order by ticket_id",
            customer));
    return rows;
  }
}
