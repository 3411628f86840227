package dev.slaservice.sla.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
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
