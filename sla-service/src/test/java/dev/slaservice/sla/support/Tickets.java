package dev.slaservice.sla.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** Readings of tickets over HTTP, awaited while the pipeline catches up with what was posted. */
public final class Tickets {

  /** How long the pipeline may take to show what was posted. */
  public static final Duration WAIT = Duration.ofSeconds(30);

  private Tickets() {}

  /** The JSON path of a field of a ticket's clock for one metric, e.g. its state. */
  public static String clock(String metric, String field) {
    return "clocks.find { it.metric == '%s' }.%s".formatted(metric, field);
  }

  /** The first page of a customer's tickets with one more query parameter, e.g. a state. */
  public static JsonPath list(String customer, String param, String value) {
    return given()
        .queryParam("customerId", customer)
        .queryParam(param, value)
        .get("/tickets")
        .then()
        .statusCode(200)
        .contentType(ContentType.JSON)
        .extract()
        .jsonPath();
  }

  /** The ids of the tickets on a page of the list. */
  public static List<String> ids(JsonPath page) {
    return page.getList("items.ticketId", String.class);
  }

  /** The ticket as it read at {@code asOf}, whatever the answer. */
  public static ValidatableResponse readAsOf(String ticket, Instant asOf) {
    return given().queryParam("asOf", asOf.toString()).get("/tickets/{id}", ticket).then();
  }

  /** Waits until each ticket can be read. */
  public static void awaitKnown(String... tickets) {
    for (String ticket : tickets) {
      await().atMost(WAIT).until(() -> given().get("/tickets/{id}", ticket).statusCode() == 200);
    }
  }

  /** Waits until the ticket can be read and its reading passes {@code expect}. */
  public static void awaitReading(String ticket, Consumer<ValidatableResponse> expect) {
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> expect.accept(given().get("/tickets/{id}", ticket).then().statusCode(200)));
  }
}
