package dev.slaservice.sla.pipeline;

import static dev.slaservice.sla.support.Problems.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import dev.slaservice.sla.support.SlaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Plans and calendars over REST. */
@QuarkusTest
@QuarkusTestResource(SlaStackResource.class)
class CatalogApiTest {

  private static final String FIVE_BY_EIGHT =
      """
      {"zone":"Asia/Shanghai","windows":[
        {"startDay":"MONDAY","startTime":"09:00","endDay":"MONDAY","endTime":"18:00"},
        {"startDay":"TUESDAY","startTime":"09:00","endDay":"TUESDAY","endTime":"18:00"}],
       "holidays":[{"date":"2026-10-01","name":"National Day"}]}""";

  /** A successful read of the resource at {@code path}. */
  private static ValidatableResponse read(String path) {
    return given().get(path).then().statusCode(200);
  }

  /** The answer to: when does {@code duration} of the calendar's time from {@code start} end? */
  private static ValidatableResponse due(String calendarId, String start, String duration) {
    return given()
        .queryParam("start", start)
        .queryParam("duration", duration)
        .get("/calendars/{id}/due", calendarId)
        .then();
  }

  /** The answer to a PUT of the calendar, whatever it is. */
  private static ValidatableResponse putCalendar(String calendarId, String calendar) {
    return given()
        .contentType(ContentType.JSON)
        .body(calendar)
        .put("/calendars/{id}", calendarId)
        .then();
  }

  @Nested
  class Plans {
    @Test
    void theSeedVendorsPlansAreBuiltIn() {
      read("/plans")
          .body(
              "items.id",
              hasItems(
                  "websoft9-standard",
                  "websoft9-advanced",
                  "websoft9-premium",
                  "emq-5x8",
                  "emq-7x24",
                  "orangesky"));
    }

    @Test
    void aPlanShowsItsPrioritiesClocksAndTargets() {
      read("/plans/emq-5x8")
          .body(
              "priorities.find { it.priority == 'P3' }.clocks.metric",
              contains("RESPONSE", "RESOLUTION"))
          .body(
              "priorities.find { it.priority == 'P1' }.clocks.find { it.metric == 'RESOLUTION' }.target",
              equalTo("PT450H"))
          .body("warningPercents", contains(50, 75));
    }

    @Test
    void anUnknownPlanIsNotFound() {
      given()
          .get("/plans/nope")
          .then()
          .statusCode(404)
          .contentType(startsWith("application/problem+json"));
    }
  }

  @Nested
  class Calendars {
    @Test
    void orangeskysTwentyFourByFiveIsOneWindowAcrossTheWeek() {
      read("/calendars/orangesky-24x5")
          .body("kind", equalTo("WEEKLY"))
          .body("zone", equalTo("America/Los_Angeles"))
          .body("windows[0].startDay", equalTo("SUNDAY"))
          .body("windows[0].endDay", equalTo("FRIDAY"));
    }

    @Test
    void theDueInstantOfFourHoursFromFriday1659IsSunday1859PacificTime() {
      due("orangesky-24x5", "2026-11-20T16:59:00-08:00", "PT4H")
          .statusCode(200)
          .body("due", equalTo("2026-11-23T02:59:00Z"))
          .body("calendarVersion", equalTo(1));
    }

    @Test
    void aBadDueQuestionIsABadRequestSayingWhatToSend() {
      due("orangesky-24x5", "2026-11-20T16:59:00-08:00", "four hours")
          .statusCode(400)
          .body("detail", containsString("PT4H"));
      due("orangesky-24x5", "friday", "PT4H")
          .statusCode(400)
          .body("detail", containsString("offset"));
      due("orangesky-24x5", "2026-11-20T16:59:00-08:00", "-PT4H").statusCode(400);
      due("nope", "2026-11-20T16:59:00-08:00", "PT4H").statusCode(404);
    }

    @Test
    void aNewCalendarIsCreatedAndAChangeAddsAVersion() {
      String id = "team-" + UUID.randomUUID().toString().substring(0, 8);
      putCalendar(id, FIVE_BY_EIGHT)
          .statusCode(201)
          .body("version", equalTo(1))
          .body("holidays[0].date", equalTo("2026-10-01"));
      putCalendar(id, FIVE_BY_EIGHT.replace("18:00", "17:00"))
          .statusCode(200)
          .body("version", equalTo(2))
          .body("versions", contains(1, 2))
          .body("windows[0].endTime", equalTo("17:00:00"));
      // Wednesday is closed in this calendar and Thursday a holiday: Monday 09:00 + 4 h
      due(id, "2026-09-30T16:00:00+08:00", "PT4H")
          .statusCode(200)
          .body("calendarVersion", equalTo(1))
          .body("due", equalTo("2026-10-05T05:00:00Z"));
    }

    @Test
    void anInvalidCalendarIsRefusedWithTheReason() {
      putCalendar("bad-zone", FIVE_BY_EIGHT.replace("Asia/Shanghai", "Mars/Olympus"))
          .spec(problem(400, "Mars/Olympus"));
      putCalendar(
              "overlapping",
              FIVE_BY_EIGHT
                  .replace(
                      "\"TUESDAY\",\"startTime\":\"09:00\"", "\"MONDAY\",\"startTime\":\"17:00\"")
                  .replace("\"endDay\":\"TUESDAY\"", "\"endDay\":\"MONDAY\""))
          .statusCode(400)
          .body("detail", containsString("overlap"));
      putCalendar("empty", "{\"zone\":\"UTC\",\"windows\":[]}")
          .statusCode(400)
          .body("detail", containsString("at least one"));
      putCalendar("24x7", FIVE_BY_EIGHT)
          .statusCode(400)
          .body("detail", containsString("always open"));
      putCalendar("broken", "{\"zone\":").statusCode(400);
    }
  }
}
