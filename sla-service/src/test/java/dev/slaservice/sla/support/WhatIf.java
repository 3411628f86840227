package dev.slaservice.sla.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** Questions to the what-if endpoint, as an admin asks them. */
public final class WhatIf {

  private WhatIf() {}

  /** Asks, whatever the answer. */
  public static ValidatableResponse ask(String question) {
    return given().contentType(ContentType.JSON).body(question).post("/admin/what-if").then();
  }

  /** Asks and expects an answer (200). */
  public static JsonPath answer(String question) {
    return ask(question).statusCode(200).extract().jsonPath();
  }
}
