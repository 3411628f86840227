package dev.slaservice.sla.pipeline;

import static dev.slaservice.sla.support.Tickets.readAsOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.slaservice.sla.support.Events;
import dev.slaservice.sla.support.Intake;
import dev.slaservice.sla.support.MovableClock;
import dev.slaservice.sla.support.SlaStackResource;
import dev.slaservice.sla.support.Tickets;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A ticket's history in the ops API over real Kafka and PostgreSQL: its events in occurrence order,
 * readings as of an instant, its timeline.
 */
@QuarkusTest
@QuarkusTestResource(SlaStackResource.class)
class OpsApiHistoryTest {

  @Inject MovableClock clock;

  @Nested
  class GivenATicketWhoseEventsArrivedOutOfOrder {

    @Test
    void whenItsHistoryIsReadThenEventsComeInOccurrenceOrderWithArrivalTimesAndPages() {
      String ticket = Events.newTicketId();
      Instant opened = openedPremiumHigh(ticket, Duration.ofMinutes(30));
      Intake.accepted(Events.simple("TicketResolved", ticket, opened.plus(Duration.ofMinutes(20))));
      Intake.accepted(Events.simple("WorkStarted", ticket, opened.plus(Duration.ofMinutes(4))));
      awaitEvents(ticket, 3);

      JsonPath all =
          given().get("/tickets/{id}/events", ticket).then().statusCode(200).extract().jsonPath();
      assertThat(all.getList("items.type", String.class))
          .containsExactly("TicketOpened", "WorkStarted", "TicketResolved");
      assertThat(all.getString("items[1].occurredAt"))
          .isEqualTo(opened.plus(Duration.ofMinutes(4)).toString());
      assertThat(Instant.parse(all.getString("items[1].recordedAt")))
          .isAfter(Instant.parse(all.getString("items[2].recordedAt")).minusMillis(1));
      assertThat(all.getString("items[0].event.customerId")).isEqualTo("acme");

      JsonPath first =
          given().queryParam("limit", 2).get("/tickets/{id}/events", ticket).jsonPath();
      JsonPath second =
          given()
              .queryParam("limit", 2)
              .queryParam("cursor", first.getString("nextCursor"))
              .get("/tickets/{id}/events", ticket)
              .jsonPath();
      assertThat(second.getList("items.type", String.class)).containsExactly("TicketResolved");
      assertThat(second.getString("nextCursor")).isNull();
    }
  }

  @Nested
  class GivenABreachTwentyMinutesAgo {

    private final String ticket = Events.newTicketId();
    private Instant opened;

    @BeforeEach
    void openTwentyMinutesAgo() {
      opened = openedPremiumHigh(ticket, Duration.ofMinutes(20));
    }

    @Test
    void whenReadAsOfBeforeAndAfterTheDeadlineThenTheReadingsDiffer() {
      awaitState(ticket, "BREACHED");

      readAsOf(ticket, opened.plus(Duration.ofMinutes(3)))
          .statusCode(200)
          .body("state", equalTo("RUNNING"))
          .body("clocks[0].elapsed", equalTo("PT3M"))
          .body("asOf", equalTo(opened.plus(Duration.ofMinutes(3)).toString()));
      readAsOf(ticket, opened.plus(Duration.ofMinutes(6))).body("state", equalTo("AT_RISK"));
      readAsOf(ticket, opened.plus(Duration.ofMinutes(15)))
          .body("state", equalTo("BREACHED"))
          .body("clocks[0].state", equalTo("BREACHED"));
      readAsOf(ticket, opened.minus(Duration.ofMinutes(1))).statusCode(404);
    }

    @Test
    void whenItsTimelineIsReadThenItShowsTheWarningsTheDeadlineAndTheLateWork() {
      Intake.accepted(Events.simple("WorkStarted", ticket, opened.plus(Duration.ofMinutes(12))));
      awaitEvents(ticket, 2);

      JsonPath timeline =
          given().get("/tickets/{id}/timeline", ticket).then().statusCode(200).extract().jsonPath();
      assertThat(timeline.getList("steps.cause", String.class))
          .containsExactly(
              "EVENT", "WARNING_REACHED", "WARNING_REACHED", "DEADLINE_PASSED", "EVENT", "AS_OF");
      assertThat(timeline.getString("steps[3].at"))
          .isEqualTo(opened.plus(Duration.ofMinutes(10)).toString());
      assertThat(timeline.getString("steps[3].clocks[0].counted")).isEqualTo("PT2M30S");
      assertThat(timeline.getString("steps[4].eventType")).isEqualTo("WorkStarted");
      assertThat(timeline.getString("steps[4].clocks[0].status")).isEqualTo("BREACHED");
      assertThat(timeline.getString("steps[4].clocks[0].calendarId")).isEqualTo("24x7");
      assertThat(timeline.getString("planName")).isEqualTo("Websoft9 Premium Support");
    }
  }

  /**
   * Opens an acme ticket on Websoft9 Premium HIGH (response in 10 min) {@code ago}, to the second.
   */
  private Instant openedPremiumHigh(String ticket, Duration ago) {
    Instant opened = clock.now().minus(ago).truncatedTo(ChronoUnit.SECONDS);
    Intake.accepted(Events.acmePremiumHigh(ticket, opened));
    return opened;
  }

  private static void awaitEvents(String ticket, int count) {
    await()
        .atMost(Tickets.WAIT)
        .until(
            () ->
                given().get("/tickets/{id}/events", ticket).jsonPath().getList("items").size()
                    == count);
  }

  private static void awaitState(String ticket, String state) {
    Tickets.awaitReading(ticket, reading -> reading.body("state", equalTo(state)));
  }
}
