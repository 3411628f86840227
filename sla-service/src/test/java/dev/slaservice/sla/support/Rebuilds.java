package dev.slaservice.sla.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;

/** Runs a rebuild through the admin API and waits for it to finish. */
public final class Rebuilds {

  private Rebuilds() {}

  /**
   * @return the finished job as GET /admin/rebuild shows it; fails unless it SUCCEEDED
   */
  public static JsonPath runAndWait(boolean fromScratch) {
    String id =
        given()
            .queryParam("fromScratch", fromScratch)
            .post("/admin/rebuild")
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              JsonPath job = given().get("/admin/rebuild").jsonPath();
              return id.equals(job.getString("id")) && !"RUNNING".equals(job.getString("status"));
            });
    JsonPath job = given().get("/admin/rebuild").then().statusCode(200).extract().jsonPath();
    if (!"SUCCEEDED".equals(job.getString("status"))) {
      throw new AssertionError(
          "rebuild " + id + " ended " + job.getString("status") + ": " + job.getString("error"));
    }
    return job;
  }
}
