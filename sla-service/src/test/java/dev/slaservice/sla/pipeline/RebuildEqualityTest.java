package dev.slaservice.sla.pipeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slaservice.sla.messaging.Topics;
import dev.slaservice.sla.support.Database;
import dev.slaservice.sla.support.Intake;
import dev.slaservice.sla.support.MovableClock;
import dev.slaservice.sla.support.Rebuilds;
import dev.slaservice.sla.support.Rows;
import dev.slaservice.sla.support.SlaStackResource;
import dev.slaservice.sla.support.TopicSnapshot;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A few thousand generated tickets with every kind of event: a rebuild from the event store, run
 * while more events arrive, yields exactly the live projection (each ticket's kept fold too, ADR
 * 0016), timers and published record, and publishes nothing again. Time is frozen so live and
 * rebuilt readings are taken at the same instant.
 */
@QuarkusTest
@QuarkusTestResource(SlaStackResource.class)
class RebuildEqualityTest {

  private static final int TICKETS = 3000;
  private static final int CUSTOMERS = 40;
  private static final int PUBLISHED = 11;
  private static final String[][] PLANS = {
    {"websoft9-standard", "NORMAL", "HIGH"},
    {"websoft9-advanced", "NORMAL", "HIGH"},
    {"websoft9-premium", "NORMAL", "HIGH"},
    {"emq-7x24", "P1", "P2", "P3", "P4"},
    {"emq-5x8", "P1", "P2", "P3", "P4"},
    {"orangesky", "EMERGENCY", "HIGHLY_DEGRADED", "MEDIUM", "LOW"}
  };

  @Inject MovableClock clock;

  @Inject Database database;

  @AfterEach
  void timeRunsAgain() {
    clock.unfreeze();
  }

  @Test
  void aRebuildDuringIntakeAndOneFromScratchBothEqualTheLiveProjection() {
    Instant now = clock.freeze();
    String run = "RB-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    subscribeCustomers(run);
    int posted = postTickets(run, "a-", TICKETS, now, new Random(42));
    awaitStored(run + "a-", posted);
    List<List<String>> live = projection(run + "a-");
    assertThat(live).hasSize(TICKETS);
    awaitOutboxRelayed();
    long published = published(run + "a-");

    given().post("/admin/rebuild").then().statusCode(202);
    int postedDuring = postTickets(run, "b-", 300, now, new Random(7));
    given().post("/admin/rebuild").then().statusCode(409).contentType("application/problem+json");
    await()
        .atMost(Duration.ofMinutes(3))
        .until(() -> !"RUNNING".equals(given().get("/admin/rebuild").path("status")));
    var job = given().get("/admin/rebuild").then().statusCode(200).extract().jsonPath();
    assertThat(job.getString("status")).isEqualTo("SUCCEEDED");
    assertThat(job.getLong("ticketsDone")).isGreaterThanOrEqualTo(TICKETS);
    awaitStored(run + "b-", postedDuring);

    Rows.assertSame(projection(run + "a-"), live);
    List<List<String>> liveDuring = projection(run + "b-");
    awaitOutboxRelayed();
    List<String> compensations = compensations(run);

    Rebuilds.runAndWait(true);

    // from scratch, what was published is forgotten: a paused clock's last published deadline
    // cannot be known
    Rows.assertSame(withoutDeadlines(projection(run + "a-")), withoutDeadlines(live));
    Rows.assertSame(withoutDeadlines(projection(run + "b-")), withoutDeadlines(liveDuring));
    assertThat(published).as("breaches and warnings published live").isPositive();
    awaitOutboxRelayed();
    assertThat(published(run + "a-")).as("records for the rebuilt tickets").isEqualTo(published);
    // each customer's tickets span every chunk of the rebuild: no statement may be told again
    assertThat(compensations).as("compensation records published live").isNotEmpty();
    assertThat(compensations(run))
        .as("compensation records after the rebuild from scratch")
        .isEqualTo(compensations);
  }

  /**
   * Customer c subscribes to plan c modulo the plans, and its tickets are on that plan (the plan
   * follows the customer); the Websoft9 customers' breaches accrue compensation.
   */
  private static void subscribeCustomers(String run) {
    List<String> subscriptions = new ArrayList<>();
    for (int c = 0; c < CUSTOMERS; c++) {
      subscriptions.add(
          """
          {"type":"SubscriptionChanged","eventId":"%s","customerId":"%s","occurredAt":"2026-01-01T00:00:00Z",\
          "source":"billing","planId":"%s","monthlyFee":"100000.00","currency":"USD",\
          "timeZone":"Asia/Shanghai","effectiveFrom":"2026-01-01"}"""
              .formatted(UUID.randomUUID(), customer(run, c), PLANS[c % PLANS.length][0]));
    }
    send(subscriptions);
  }

  private static String customer(String run, int index) {
    return run + "customer-" + index;
  }

  /** The compensation records of the run's customers, sorted. */
  private static List<String> compensations(String run) {
    return TopicSnapshot.read(Topics.SLA_COMPENSATIONS).stream()
        .filter(r -> r.key().startsWith(run))
        .map(r -> r.key() + " " + r.value())
        .sorted()
        .toList();
  }

  /** The rows with the published record's DEADLINE entries taken out. */
  private List<List<String>> withoutDeadlines(List<List<String>> rows) {
    return rows.stream()
        .map(
            row -> {
              List<String> copy = new ArrayList<>(row);
              copy.set(
                  PUBLISHED,
                  database
                      .rows(
                          "select jsonb_path_query_array(cast($1 as jsonb),"
                              + " '$[*] ? (@.kind != \"DEADLINE\")')::text",
                          row.get(PUBLISHED))
                      .get(0)
                      .get(0));
              return copy;
            })
        .toList();
  }

  /** Records on the breach and warning topics for tickets whose id starts with the prefix. */
  private static long published(String prefix) {
    return TopicSnapshot.read(Topics.SLA_BREACHES).stream()
            .filter(r -> r.key().startsWith(prefix))
            .count()
        + TopicSnapshot.read(Topics.SLA_WARNINGS).stream()
            .filter(r -> r.key().startsWith(prefix))
            .count();
  }

  private List<List<String>> projection(String prefix) {
    List<List<String>> rows =
        new ArrayList<>(
            database.rows(
                "select p.ticket_id, p.opened::text, p.customer_id,"
                    + " p.plan_id, p.plan_version::text, p.priority, p.status, p.next_deadline::text, p.due_at::text,"
                    + " p.at_risk_from::text, p.clocks::text, p.published::text, p.excluded_reason, p.event_count::text,"
                    + " t.due_at::text, p.fold from ticket_projection p"
                    + " left join sla_timer t on t.ticket_id = p.ticket_id"
                    + " where p.ticket_id like $1 order by p.ticket_id",
                prefix + "%"));
    return rows;
  }

  /**
   * The compensation queue drained and the outbox relayed: the drain writes the outbox as it
   * dequeues.
   */
  private void awaitOutboxRelayed() {
    await()
        .atMost(Duration.ofMinutes(1))
        .until(
            () ->
                database.count(
                        "select (select count(*) from compensation_due) + (select count(*) from outbox)")
                    == 0);
  }

  private void awaitStored(String prefix, int events) {
    await()
        .atMost(Duration.ofMinutes(3))
        .until(
            () ->
                database.count(
                        "select coalesce(sum(event_count), 0) from ticket_projection where ticket_id like $1",
                        prefix + "%")
                    == events);
  }

  /**
   * Posts generated tickets and returns how many events went. Each ticket's events are cut in two
   * at a random point and the second parts are posted after every first part, so most tickets take
   * later events into the fold their projection kept, some of them dated before events already
   * folded.
   */
  private static int postTickets(
      String run, String group, int tickets, Instant now, Random random) {
    List<String> firstParts = new ArrayList<>();
    List<String> secondParts = new ArrayList<>();
    for (int i = 0; i < tickets; i++) {
      List<String> events = ticket(run, run + group + i, now, random);
      int cut = 1 + random.nextInt(events.size());
      firstParts.addAll(events.subList(0, cut));
      secondParts.addAll(events.subList(cut, events.size()));
    }
    sendInRequests(firstParts);
    sendInRequests(secondParts);
    return firstParts.size() + secondParts.size();
  }

  private static void sendInRequests(List<String> events) {
    for (int from = 0; from < events.size(); from += 500) {
      send(events.subList(from, Math.min(events.size(), from + 500)));
    }
  }

  private static void send(List<String> events) {
    if (!events.isEmpty()) {
      Intake.accepted("[" + String.join(",", events) + "]");
    }
  }

  private static List<String> ticket(String run, String id, Instant now, Random random) {
    int planIndex = random.nextInt(PLANS.length);
    String[] plan = PLANS[planIndex];
    String customer =
        customer(run, planIndex + PLANS.length * random.nextInt(CUSTOMERS / PLANS.length));
    Instant opened = now.minusSeconds(60 + random.nextInt(72 * 3600));
    long span = Duration.between(opened, now).getSeconds();
    List<String> events = new ArrayList<>();
    events.add(
        event(
            "TicketOpened",
            id,
            opened,
            "\"customerId\":\""
                + customer
                + "\",\"planId\":\""
                + plan[0]
                + "\",\"priority\":\""
                + plan[1 + random.nextInt(plan.length - 1)]
                + "\""));
    String[] kinds = {
      "WorkStarted",
      "PriorityChanged",
      "TicketPaused",
      "TicketResumed",
      "ServiceRestored",
      "TicketResolved",
      "TicketDowngraded",
      "TicketReopened",
      "TicketClosed"
    };
    int more = random.nextInt(6);
    for (int k = 0; k < more; k++) {
      String kind = kinds[random.nextInt(kinds.length)];
      Instant at = opened.plusSeconds(1 + (long) (random.nextDouble() * (span - 1)));
      String extra =
          kind.equals("PriorityChanged") || kind.equals("TicketDowngraded")
              ? "\"priority\":\"" + plan[1 + random.nextInt(plan.length - 1)] + "\""
              : null;
      events.add(event(kind, id, at, extra));
    }
    // events may be posted in any order; the fold sorts them by occurrence
    Collections.shuffle(events.subList(1, events.size()), random);
    return events;
  }

  private static String event(String type, String ticket, Instant at, String extra) {
    return "{\"type\":\""
        + type
        + "\",\"eventId\":\""
        + UUID.randomUUID()
        + "\",\"ticketId\":\""
        + ticket
        + "\",\"occurredAt\":\""
        + at
        + "\",\"source\":\"generator\""
        + (extra == null ? "" : "," + extra)
        + "}";
  }
}
