package dev.slaservice.sla.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Events posted to the intake as a helpdesk posts them. */
public final class Intake {

  private Intake() {}

  /** Posts one event or a JSON array of events, whatever the answer. */
  public static ValidatableResponse send(String body) {
    return given().contentType(ContentType.JSON).body(body).post("/events").then();
  }

  /** Posts one event, or several as one batch, and expects them accepted (202). */
  public static void accepted(String... events) {
    send(events.length == 1 ? events[0] : Events.batch(events)).statusCode(202);
  }
}
