package dev.slaservice.sla.pipeline;

import static dev.slaservice.sla.support.Problems.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import dev.slaservice.sla.support.Events;
import dev.slaservice.sla.support.Intake;
import dev.slaservice.sla.support.SlaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** POST /events answers and refusals, over the real stack. */
@QuarkusTest
@QuarkusTestResource(SlaStackResource.class)
class IntakeTest {

  @Test
  void aValidBatchIsAcceptedWithItsEventIdsInOrder() {
    String ticket = Events.newTicketId();
    String body =
        """
        [{"type":"TicketOpened","eventId":"e-1-%1$s","ticketId":"%1$s","occurredAt":"2026-11-02T09:30:00+08:00",
          "source":"desk","customerId":"acme","planId":"websoft9-standard","priority":"NORMAL"},
         {"type":"WorkStarted","ticketId":"%1$s","occurredAt":"2026-11-02T10:00:00+08:00","source":"desk"}]
        """
            .formatted(ticket);
    Intake.send(body)
        .statusCode(202)
        .body("eventIds", hasSize(2))
        .body("eventIds[0]", equalTo("e-1-" + ticket));
  }

  @Test
  void anInvalidEventRefusesTheWholeRequestNamingTheEventAndField() {
    String ticket = Events.newTicketId();
    String body =
        Events.batch(
            Events.acmePremiumHigh(ticket, Instant.now()),
            """
        {"type":"WorkStarted","ticketId":"%s","occurredAt":"yesterday","source":"desk"}"""
                .formatted(ticket));
    Intake.send(body)
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("errors[0].index", equalTo(1))
        .body("errors[0].field", equalTo("occurredAt"))
        .body("detail", containsString("event 1"));
    given().get("/tickets/{id}", ticket).then().statusCode(404);
  }

  @Test
  void anUnknownTypeOrPriorityIsRefusedWithTheKnownValues() {
    Intake.send(
            """
        {"type":"TicketVanished","ticketId":"x","occurredAt":"2026-11-02T09:30:00Z","source":"desk"}""")
        .statusCode(400)
        .body("errors[0].field", equalTo("type"))
        .body("errors[0].message", containsString("TicketOpened"));
    Intake.send(
            Events.opened(Events.newTicketId(), "acme", "websoft9-premium", "P1", Instant.now()))
        .statusCode(400)
        .body("errors[0].field", equalTo("priority"))
        .body("errors[0].message", containsString("NORMAL"));
  }

  @Test
  void brokenJsonIsAProblemNotACrash() {
    Intake.send("{\"type\": ").spec(problem(400, "not valid JSON"));
  }

  @Test
  void anUnknownTicketIsNotFound() {
    given().get("/tickets/{id}", "no-such-ticket").then().spec(problem(404, "no-such-ticket"));
  }

  @Test
  void readinessReportsKafkaAndTheDatabase() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem("Kafka"))
        .body("checks.name", hasItem("Reactive PostgreSQL connections health check"));
  }
}
