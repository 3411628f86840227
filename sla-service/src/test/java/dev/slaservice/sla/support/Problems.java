package dev.slaservice.sla.support;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.specification.ResponseSpecification;

/** The answer to a refused request: application/problem+json whose detail says what to fix. */
public final class Problems {

  private Problems() {}

  /** A problem with this status whose detail contains {@code detailPart}. */
  public static ResponseSpecification problem(int status, String detailPart) {
    return new ResponseSpecBuilder()
        .expectStatusCode(status)
        .expectHeader("Content-Type", startsWith("application/problem+json"))
        .expectBody("detail", containsString(detailPart))
        .build();
  }
}
