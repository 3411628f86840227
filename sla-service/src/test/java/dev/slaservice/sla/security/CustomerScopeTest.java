package dev.slaservice.sla.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.slaservice.sla.support.Events;
import dev.slaservice.sla.support.Intake;
import dev.slaservice.sla.support.MovableClock;
import dev.slaservice.sla.support.SlaStackResource;
import dev.slaservice.sla.support.Tickets;
import dev.slaservice.sla.support.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A token limited to one customer sees and changes that customer's tickets only, and learns nothing
 * of others.
 */
@QuarkusTest
@QuarkusTestResource(SlaStackResource.class)
class CustomerScopeTest {

  @Inject MovableClock clock;

  private final String own = "scope-own-" + UUID.randomUUID();
  private final String other = "scope-other-" + UUID.randomUUID();
  private final String ownTicket = Events.newTicketId();
  private final String otherTicket = Events.newTicketId();

  @BeforeEach
  void givenOneTicketOfEachCustomer() {
    Instant opened = clock.now().minus(Duration.ofMinutes(1));
    Intake.accepted(
        Events.batch(
            Events.opened(ownTicket, own, "websoft9-premium", "HIGH", opened),
            Events.opened(otherTicket, other, "websoft9-premium", "HIGH", opened)));
    Tickets.awaitKnown(otherTicket, ownTicket);
  }

  private RequestSpecification as(String token) {
    return given().header("Authorization", "Bearer " + token);
  }

  @Nested
  class WhenOpsOfOneCustomerRead {

    private final String token = Tokens.forCustomer(own, "ops");

    @Test
    void theListHoldsOnlyItsTickets() {
      as(token)
          .get("/tickets?limit=500")
          .then()
          .statusCode(200)
          .body("items.customerId", everyItem(equalTo(own)))
          .body("items.ticketId", hasItem(ownTicket))
          .body("items.ticketId", not(hasItem(otherTicket)));
      as(token)
          .get("/tickets?customerId=" + other)
          .then()
          .statusCode(200)
          .body("items.size()", equalTo(0));
    }

    @Test
    void anotherCustomersTicketReadsExactlyLikeAnUnknownOne() {
      String unknown = Events.newTicketId();
      for (String path :
          new String[] {"/tickets/%s", "/tickets/%s/events", "/tickets/%s/timeline"}) {
        String expectedCode =
            as(token)
                .get(path.formatted(unknown))
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .extract()
                .path("code");
        as(token)
            .get(path.formatted(otherTicket))
            .then()
            .statusCode(404)
            .body("code", equalTo(expectedCode));
        as(token).get(path.formatted(ownTicket)).then().statusCode(200);
      }
    }

    @Test
    void anotherCustomersSubscriptionAndStatementReadAsUnknown() {
      as(token)
          .get("/customers/{id}/subscription", other)
          .then()
          .statusCode(404)
          .body("code", equalTo("customer.not-found"));
      as(token)
          .get("/customers/{id}/compensation?month=2026-11", other)
          .then()
          .statusCode(404)
          .body("code", equalTo("customer.not-found"));
      as(Tokens.of("ops"))
          .get("/customers/{id}/compensation?month=2026-11", other)
          .then()
          .statusCode(Matchers.not(equalTo(403)));
    }
  }

  @Nested
  class WhenAHelpdeskOfOneCustomerPosts {

    private final String token = Tokens.forCustomer(own, "helpdesk");

    @Test
    void itsOwnTicketsAreAccepted() {
      as(token)
          .contentType(ContentType.JSON)
          .body(
              Events.batch(
                  Events.simple("WorkStarted", ownTicket, clock.now()),
                  Events.opened(
                      Events.newTicketId(), own, "websoft9-premium", "NORMAL", clock.now())))
          .post("/events")
          .then()
          .statusCode(202);
    }

    @Test
    void anotherCustomersTicketOrOpeningIsForbiddenAndNothingIsAccepted() {
      String fresh = Events.newTicketId();
      as(token)
          .contentType(ContentType.JSON)
          .body(
              Events.batch(
                  Events.opened(fresh, own, "websoft9-premium", "NORMAL", clock.now()),
                  Events.simple("TicketResolved", otherTicket, clock.now())))
          .post("/events")
          .then()
          .statusCode(403)
          .body("code", equalTo("scope.not-your-customer"));
      as(token)
          .contentType(ContentType.JSON)
          .body(
              Events.opened(Events.newTicketId(), other, "websoft9-premium", "NORMAL", clock.now()))
          .post("/events")
          .then()
          .statusCode(403)
          .body("code", equalTo("scope.not-your-customer"));
      given().get("/tickets/{id}", fresh).then().statusCode(404);
      given().get("/tickets/{id}/events", otherTicket).then().body("items.size()", equalTo(1));
    }
  }

  @Test
  void aLimitedAdminCannotChangeWhatAllCustomersShare() {
    String token = Tokens.forCustomer(own, "admin");
    as(token)
        .post("/admin/rebuild")
        .then()
        .statusCode(403)
        .body("code", equalTo("scope.customer-token"));
    as(token)
        .contentType(ContentType.JSON)
        .body("{}")
        .put("/calendars/scoped-try")
        .then()
        .statusCode(403);
  }
}
