package dev.slaservice.sla.pipeline;

import static dev.slaservice.sla.support.Tickets.clock;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.slaservice.sla.messaging.Topics;
import dev.slaservice.sla.support.Events;
import dev.slaservice.sla.support.Intake;
import dev.slaservice.sla.support.MovableClock;
import dev.slaservice.sla.support.Plans;
import dev.slaservice.sla.support.SlaStackResource;
import dev.slaservice.sla.support.Tickets;
import dev.slaservice.sla.support.TopicSnapshot;
import dev.slaservice.sla.support.WhatIf;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole life of an admin's own plan over HTTP, Kafka and PostgreSQL: a plan on a calendar of
 * its own, a customer subscribed to it, tickets judged by it without naming it, a second version
 * for new tickets only, the compliance report over both, and what-if on a draft.
 */
@QuarkusTest
@QuarkusTestResource(SlaStackResource.class)
class PlanLifecyclePipelineTest {

  /** A Wednesday, inside the calendar's hours (08:00 to 20:00 UTC on weekdays). */
  private static final Instant T0 = Instant.parse("2027-03-03T09:00:00Z");

  @Inject MovableClock clock;

  @AfterEach
  void letTimeRun() {
    clock.reset();
  }

  private String plan(String responseTarget) {
    return """
        {"names": {"en": "Gold 1h", "zh": "黄金 1 小时"},
         "priorities": [{"id": "P1", "names": {"en": "Critical", "zh": "紧急"},
           "targets": {"RESPONSE": {"target": "%s", "calendarId": "%s"},
                       "RESOLUTION": {"serviceDays": 2, "calendarId": "%s"}}}],
         "warningPercents": [50],
         "compensation": {"kind": "PERCENT_PER_BREACHED_TICKET", "percentOfMonthlyFee": 5}}"""
        .formatted(responseTarget, calendar, calendar);
  }

  private String calendar;

  private static ValidatableResponse awaitResponse(String ticket, String status) {
    Tickets.awaitReading(
        ticket, reading -> reading.body(clock("RESPONSE", "state"), equalTo(status)));
    return given().get("/tickets/{id}", ticket).then();
  }

  @Test
  void anAdminsPlanJudgesItsCustomersTicketsVersionByVersionAndTheReportAndWhatIfReadThem() {
    // the day before: the admin defines the calendar and the plan, in force from then on
    clock.freezeAt(T0.minus(Duration.ofDays(1)));
    calendar = "gold-hours-" + UUID.randomUUID();
    given()
        .contentType(ContentType.JSON)
        .body(
            """
        {"zone": "UTC", "windows": [
          {"startDay": "MONDAY", "startTime": "08:00", "endDay": "MONDAY", "endTime": "20:00"},
          {"startDay": "TUESDAY", "startTime": "08:00", "endDay": "TUESDAY", "endTime": "20:00"},
          {"startDay": "WEDNESDAY", "startTime": "08:00", "endDay": "WEDNESDAY", "endTime": "20:00"},
          {"startDay": "THURSDAY", "startTime": "08:00", "endDay": "THURSDAY", "endTime": "20:00"},
          {"startDay": "FRIDAY", "startTime": "08:00", "endDay": "FRIDAY", "endTime": "20:00"}]}""")
        .put("/calendars/{id}", calendar)
        .then()
        .statusCode(201);
    String planId = "gold-" + UUID.randomUUID();
    Plans.put(planId, plan("PT1H")).statusCode(201).body("version", equalTo(1));

    // the customer subscribes from the day of the tickets on
    clock.freezeAt(T0);
    String customer = "gold-customer-" + UUID.randomUUID();
    Intake.accepted(Events.subscribed(customer, planId, LocalDate.of(2027, 3, 3), T0));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> given().get("/customers/{id}/subscription", customer).statusCode() == 200);

    // two tickets without planId: one is answered in 30 minutes, the other not within its hour
    String unanswered = Events.newTicketId();
    String answered = Events.newTicketId();
    Intake.accepted(
        Events.batch(
            Events.openedOnSubscription(unanswered, customer, "P1", T0),
            Events.openedOnSubscription(answered, customer, "P1", T0)));
    clock.freezeAt(T0.plus(Duration.ofMinutes(30)));
    Intake.accepted(Events.simple("WorkStarted", answered, T0.plus(Duration.ofMinutes(30))));
    awaitResponse(answered, "MET").body("planId", equalTo(planId)).body("planVersion", equalTo(1));

    clock.freezeAt(T0.plus(Duration.ofHours(2)));
    awaitResponse(unanswered, "BREACHED")
        .body("planId", equalTo(planId))
        .body(
            "clocks.find { it.metric == 'RESPONSE' }.deadline",
            equalTo(T0.plus(Duration.ofHours(1)).toString()));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> TopicSnapshot.forKey(Topics.SLA_BREACHES, unanswered).size() == 1);
    assertThat(TopicSnapshot.forKey(Topics.SLA_BREACHES, unanswered).get(0).value())
        .contains("\"planId\":\"" + planId + "\"");

    // version 2 gives two hours from now on; only a ticket opened after it uses it
    Plans.put(planId, plan("PT2H")).statusCode(200).body("version", equalTo(2));
    Instant later = T0.plus(Duration.ofHours(2)).plus(Duration.ofMinutes(1));
    clock.freezeAt(later);
    String onVersion2 = Events.newTicketId();
    Intake.accepted(Events.openedOnSubscription(onVersion2, customer, "P1", later));
    clock.freezeAt(later.plus(Duration.ofMinutes(90)));
    Intake.accepted(Events.simple("WorkStarted", onVersion2, later.plus(Duration.ofMinutes(90))));
    awaitResponse(onVersion2, "MET").body("planVersion", equalTo(2));
    given().get("/tickets/{id}", unanswered).then().body("planVersion", equalTo(1));

    // the report counts the tickets of both versions
    JsonPath report =
        given()
            .queryParam("from", "2027-03-03")
            .queryParam("to", "2027-03-04")
            .queryParam("customerId", customer)
            .queryParam("groupBy", "plan,metric")
            .get("/reports/compliance")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    String response = "groups.find { it.metric == 'RESPONSE' }.";
    assertThat(report.getString(response + "planId")).isEqualTo(planId);
    assertThat(report.getInt(response + "tickets")).isEqualTo(3);
    assertThat(report.getInt(response + "met")).isEqualTo(2);
    assertThat(report.getInt(response + "breached")).isEqualTo(1);
    assertThat(report.getInt(response + "running")).isZero();
    assertThat(report.getDouble(response + "compliancePercent")).isEqualTo(66.67);
    assertThat(report.getString(response + "medianTimeToMeet")).isEqualTo("PT30M");
    assertThat(report.getString(response + "p90TimeToMeet")).isEqualTo("PT1H30M");
    String resolution = "groups.find { it.metric == 'RESOLUTION' }.";
    assertThat(report.getInt(resolution + "running")).isEqualTo(3);
    assertThat(report.getString(resolution + "compliancePercent")).isNull();
    assertThat(report.getString("from")).isEqualTo("2027-03-03T00:00:00Z");

    String csv =
        given()
            .accept("text/csv")
            .queryParam("from", "2027-03-03")
            .queryParam("to", "2027-03-04")
            .queryParam("customerId", customer)
            .queryParam("groupBy", "metric")
            .get("/reports/compliance")
            .then()
            .statusCode(200)
            .contentType("text/csv")
            .extract()
            .asString();
    assertThat(csv.lines())
        .containsExactly(
            "metric,tickets,met,breached,running,compliance_percent,median_time_to_meet_seconds,"
                + "p90_time_to_meet_seconds",
            "RESPONSE,3,2,1,0,66.67,1800,5400",
            "RESOLUTION,3,0,0,3,,,");

    // what-if: a draft giving 20 minutes moves the unanswered ticket's breach and gains the others
    // one
    String question =
        """
        {"openedFrom": "%s", "openedTo": "%s", "customerId": "%s", "plan": {"definition": %s}}"""
            .formatted(T0.minusSeconds(1), later.plusSeconds(1), customer, plan("PT20M"));
    JsonPath whatIf = WhatIf.answer(question);
    assertThat(whatIf.getInt("examined")).isEqualTo(3);
    assertThat(whatIf.getInt("breachesMoved")).isEqualTo(1);
    assertThat(
            whatIf.getString(
                "items.find { it.ticketId == '%s' }.moved[0].deadline".formatted(unanswered)))
        .isEqualTo(T0.plus(Duration.ofMinutes(20)).toString());
    assertThat(whatIf.getInt("breachesGained")).isEqualTo(2);
    given()
        .get("/plans/{id}", planId)
        .then()
        .body("version", equalTo(2))
        .body("retiredAt", nullValue());
  }
}
