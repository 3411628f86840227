package dev.slaservice.sla.pipeline;

import static dev.slaservice.sla.support.Problems.problem;
import static dev.slaservice.sla.support.Tickets.clock;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import dev.slaservice.sla.support.Events;
import dev.slaservice.sla.support.Intake;
import dev.slaservice.sla.support.MovableClock;
import dev.slaservice.sla.support.SlaStackResource;
import dev.slaservice.sla.support.Tickets;
import dev.slaservice.sla.support.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compliance report's groups, months, languages of error, roles and customer scope, over the
 * real stack.
 */
@QuarkusTest
@QuarkusTestResource(SlaStackResource.class)
class ComplianceReportApiTest {

  /** 23:30 UTC on the last day of February: already 1 March in Shanghai. */
  private static final Instant OPENED = Instant.parse("2027-02-28T23:30:00Z");

  @Inject MovableClock clock;

  private String customer;
  private String other;

  @BeforeEach
  void openTickets() {
    clock.freezeAt(OPENED.plus(Duration.ofHours(3)));
    customer = "report-" + UUID.randomUUID();
    other = "report-other-" + UUID.randomUUID();
    // emq-7x24 answers P1 within an hour and P2 within two: the P1 ticket is met after 10 minutes,
    // the P2 ticket, unanswered three hours on, is breached
    String met = Events.newTicketId();
    String breached = Events.newTicketId();
    String othersTicket = Events.newTicketId();
    Intake.accepted(
        Events.batch(
            Events.opened(met, customer, "emq-7x24", "P1", OPENED),
            Events.opened(breached, customer, "emq-7x24", "P2", OPENED),
            Events.opened(othersTicket, other, "emq-7x24", "P1", OPENED),
            Events.simple("WorkStarted", met, OPENED.plus(Duration.ofMinutes(10)))));
    Tickets.awaitKnown(met, breached, othersTicket);
    Tickets.awaitReading(met, reading -> reading.body(clock("RESPONSE", "state"), equalTo("MET")));
  }

  @AfterEach
  void letTimeRun() {
    clock.reset();
  }

  private static RequestSpecification period() {
    return given().queryParam("from", "2027-02-01").queryParam("to", "2027-04-01");
  }

  /** The report for the period with the given query (name, value, ...). */
  private static ValidatableResponse report(String... query) {
    return read(period(), query);
  }

  /** The report for the period with the given query (name, value, ...), read with a token. */
  private static ValidatableResponse reportAs(String token, String... query) {
    return read(period().auth().oauth2(token), query);
  }

  private static ValidatableResponse read(RequestSpecification request, String... query) {
    for (int i = 0; i < query.length; i += 2) {
      request.queryParam(query[i], query[i + 1]);
    }
    return request.get("/reports/compliance").then().statusCode(200);
  }

  @Test
  void groupedByPriorityAndMetricEachPriorityHasItsOwnLines() {
    JsonPath report =
        report("customerId", customer, "groupBy", "priority,metric").extract().jsonPath();
    assertThat(report.getList("groupBy", String.class)).containsExactly("priority", "metric");
    String p1 = "groups.find { it.priority == 'P1' && it.metric == 'RESPONSE' }.";
    assertThat(report.getInt(p1 + "met")).isEqualTo(1);
    assertThat(report.getString(p1 + "medianTimeToMeet")).isEqualTo("PT10M");
    assertThat(report.getDouble(p1 + "compliancePercent")).isEqualTo(100.0);
    String p2 = "groups.find { it.priority == 'P2' && it.metric == 'RESPONSE' }.";
    assertThat(report.getInt(p2 + "breached")).isEqualTo(1);
    assertThat(report.getDouble(p2 + "compliancePercent")).isEqualTo(0.0);
    assertThat(report.getString(p2 + "medianTimeToMeet")).isNull();
    assertThat(report.getList("groups.planId")).allMatch(p -> p == null);
  }

  @Test
  void theMonthIsTheMonthOfTheOpeningInTheReportsZone() {
    report("customerId", customer, "groupBy", "month")
        .body("groups.month", Matchers.contains("2027-02"))
        .body("groups[0].tickets", equalTo(2));
    report("customerId", customer, "groupBy", "month", "zone", "Asia/Shanghai")
        .body("groups.month", Matchers.contains("2027-03"))
        .body("zone", equalTo("Asia/Shanghai"));
  }

  @Test
  void aCustomerTokenSeesOnlyItsOwnCustomer() {
    JsonPath own =
        reportAs(Tokens.forCustomer(customer, "ops"), "groupBy", "customer").extract().jsonPath();
    assertThat(own.getList("groups.customerId", String.class)).containsExactly(customer);
    reportAs(Tokens.forCustomer(customer, "ops"), "customerId", other).body("groups", empty());
    JsonPath all = report("groupBy", "customer").extract().jsonPath();
    assertThat(all.getList("groups.customerId", String.class)).contains(customer, other);
  }

  @Test
  void onlyOpsAndAdminsReadReports() {
    period().auth().oauth2(Tokens.of("helpdesk")).get("/reports/compliance").then().statusCode(403);
    period().auth().oauth2(Tokens.of("ops")).get("/reports/compliance").then().statusCode(200);
    period().auth().oauth2(Tokens.of("admin")).get("/reports/compliance").then().statusCode(200);
  }

  @Test
  void aBadRequestSaysWhatToGiveInTheCallersLanguage() {
    given().get("/reports/compliance").then().spec(problem(400, "from and to are required"));
    period()
        .queryParam("groupBy", "plan,colour")
        .get("/reports/compliance")
        .then()
        .statusCode(400)
        .body("detail", containsString("colour is not one of them"));
    period()
        .queryParam("zone", "Mars/Olympus")
        .get("/reports/compliance")
        .then()
        .statusCode(400)
        .body("detail", containsString("IANA time zone"));
    given()
        .queryParam("from", "2027-04-01")
        .queryParam("to", "2027-02-01")
        .get("/reports/compliance")
        .then()
        .statusCode(400)
        .body("detail", containsString("must be before"));
    given()
        .queryParam("from", "March")
        .queryParam("to", "2027-02-01")
        .get("/reports/compliance")
        .then()
        .statusCode(400)
        .body("detail", containsString("from must be a date"));
    given()
        .header("Accept-Language", "zh-CN")
        .get("/reports/compliance")
        .then()
        .statusCode(400)
        .body("detail", containsString("必须给出 from 和 to"));
  }

  @Test
  void withoutAcceptTheReportIsJsonAndWithoutGroupByItIsPerPlanAndMetric() {
    report("customerId", customer)
        .contentType(ContentType.JSON)
        .body("zone", equalTo("UTC"))
        .body("groupBy", Matchers.contains("plan", "metric"))
        .body("groups.find { it.metric == 'RESPONSE' }.planId", equalTo("emq-7x24"))
        .body("groups.find { it.metric == 'RESPONSE' }.tickets", equalTo(2));
    report("customerId", customer, "groupBy", "")
        .body("groupBy", empty())
        .body("groups[0].tickets", equalTo(2))
        .body("groups[0].breached", equalTo(1))
        .body("groups[0].medianTimeToMeet", Matchers.nullValue());
  }
}
