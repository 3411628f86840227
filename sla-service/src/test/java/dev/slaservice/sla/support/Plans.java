package dev.slaservice.sla.support;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;

/** Plans defined through PUT /plans for a test. */
public final class Plans {

  private Plans() {}

  /**
   * Defines a new plan with the terms of built-in plan {@code builtInId} that customers subscribed
   * to {@code subscribedPlanId} may open tickets on (a per-ticket upgrade).
   *
   * @return the new plan's id
   */
  public static String upgradeOf(String builtInId, String subscribedPlanId) {
    ObjectNode definition = Json.builtInPlan(builtInId);
    definition.putArray("allowsPerTicketUpgradeFrom").add(subscribedPlanId);
    String planId = builtInId + "-upgrade-" + UUID.randomUUID();
    put(planId, definition.toString()).statusCode(201);
    return planId;
  }

  /**
   * Puts a definition as the next version of a plan (the first creates it), whatever the answer.
   */
  public static ValidatableResponse put(String planId, String definition) {
    return given().contentType(ContentType.JSON).body(definition).put("/plans/{id}", planId).then();
  }
}
