package dev.slaservice.sla.pipeline;

import static dev.slaservice.sla.support.Problems.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.slaservice.sla.support.Events;
import dev.slaservice.sla.support.Intake;
import dev.slaservice.sla.support.MovableClock;
import dev.slaservice.sla.support.SlaStackResource;
import dev.slaservice.sla.webhook.Fixtures;
import dev.slaservice.sla.webhook.Signatures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * Helpdesks post the staged payloads byte for byte, signed with this run's test secret, over the
 * real HTTP, Kafka and PostgreSQL path; the clocks are those of the same life posted to /events.
 */
@QuarkusTest
@TestProfile(WebhookProfile.class)
@QuarkusTestResource(SlaStackResource.class)
class WebhooksTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @TestHTTPResource("/")
  URI base;

  /** Zendesk's signed timestamps are checked against the service's clock, not the wall's. */
  @Inject MovableClock clock;

  private static String hubSignature(String algorithm, String prefix, byte[] body) {
    return prefix
        + HexFormat.of().formatHex(Signatures.hmac(algorithm, WebhookProfile.SECRET, body));
  }

  /** Posts the body as a helpdesk does, with these headers. */
  private static ValidatableResponse post(
      String path, String contentType, Map<String, String> headers, byte[] body) {
    return given().contentType(contentType).headers(headers).body(body).post(path).then();
  }

  private static ValidatableResponse post(String path, Map<String, String> headers, byte[] body) {
    return post(path, "application/json", headers, body);
  }

  private static ValidatableResponse github(String event, String file, String delivery) {
    byte[] body = Fixtures.bytes(file);
    return github(event, delivery, body, hubSignature("HmacSHA256", "sha256=", body));
  }

  /** A GitHub delivery with this X-Hub-Signature-256, or none when it is null. */
  private static ValidatableResponse github(
      String event, String delivery, byte[] body, String signature) {
    Map<String, String> headers = new HashMap<>();
    headers.put("X-GitHub-Event", event);
    headers.put("X-GitHub-Delivery", delivery);
    if (signature != null) {
      headers.put("X-Hub-Signature-256", signature);
    }
    return post("/webhooks/github", headers, body);
  }

  /** Headers of a delivery with a fresh id in {@code idHeader}, signed in X-Hub-Signature. */
  private static Map<String, String> hubSigned(
      String idHeader, String algorithm, String prefix, byte[] body) {
    return Map.of(
        idHeader,
        UUID.randomUUID().toString(),
        "X-Hub-Signature",
        hubSignature(algorithm, prefix, body));
  }

  private static ValidatableResponse jira(String file) {
    byte[] body = Fixtures.bytes(file);
    return post(
        "/webhooks/jira/jira-main",
        hubSigned("X-Atlassian-Webhook-Identifier", "HmacSHA256", "sha256=", body),
        body);
  }

  private static ValidatableResponse zendesk(String file, Instant signedAt) {
    byte[] body = Fixtures.bytes(file);
    String stamp = signedAt.toString();
    byte[] signed =
        (stamp + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    String signature =
        Base64.getEncoder()
            .encodeToString(Signatures.hmac("HmacSHA256", WebhookProfile.SECRET, signed));
    return post(
        "/webhooks/zendesk",
        Map.of(
            "X-Zendesk-Webhook-Signature", signature,
            "X-Zendesk-Webhook-Signature-Timestamp", stamp),
        body);
  }

  private static ValidatableResponse zammad(String file) {
    byte[] body = Fixtures.bytes(file);
    return post(
        "/webhooks/zammad",
        "application/json; charset=utf-8",
        hubSigned("X-Zammad-Delivery", "HmacSHA1", "sha1=", body),
        body);
  }

  private static String ticket(String connection, String nativeId) {
    return connection + "-" + WebhookProfile.RUN + ":" + nativeId;
  }

  /** GET /tickets/{id}: the ticket and its clocks. */
  private static ValidatableResponse getTicket(String ticketId) {
    return given().get("/tickets/{id}", ticketId).then();
  }

  /** The clocks without what depends on the instant they are read. */
  private static List<Map<String, Object>> clocks(String ticketId) {
    List<Map<String, Object>> clocks =
        getTicket(ticketId).statusCode(200).extract().jsonPath().getList("clocks");
    clocks.forEach(
        c -> {
          c.remove("remaining");
          c.remove("state");
          c.remove("stateName");
        });
    return clocks;
  }

  private static int eventCount(String ticketId) {
    return given()
        .get("/tickets/{id}/events", ticketId)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items")
        .size();
  }

  private static void awaitEvents(String ticketId, int count) {
    await()
        .atMost(WAIT)
        .until(
            () ->
                given().get("/tickets/{id}/events", ticketId).statusCode() == 200
                    && eventCount(ticketId) >= count);
  }

  private static String simple(String type, String ticket, long epochMillis) {
    return Events.simple(type, ticket, Instant.ofEpochMilli(epochMillis));
  }

  @Test
  void jiraLifeGivesTheClocksOfTheSameLifePostedToEvents() {
    String ticket = ticket("jira-main", "TES-41");
    jira("jira-issue_created.json").statusCode(202).body("status", equalTo("accepted"));
    jira("jira-priority_changed.json").statusCode(202);
    jira("derived/jira-paused.DERIVED.json").statusCode(202);
    jira("derived/jira-resumed.DERIVED.json").statusCode(202);
    jira("jira-comment_created.json").statusCode(202);
    jira("jira-resolved.json").statusCode(202).body("eventIds", hasSize(1));
    JsonPath paused =
        new JsonPath(
            new String(Fixtures.bytes("derived/jira-paused.DERIVED.json"), StandardCharsets.UTF_8));
    JsonPath resumed =
        new JsonPath(
            new String(
                Fixtures.bytes("derived/jira-resumed.DERIVED.json"), StandardCharsets.UTF_8));
    String twin = Events.newTicketId();
    Intake.accepted(
        Events.opened(
            twin, "acme", "websoft9-standard", "HIGH", Instant.ofEpochMilli(1550286113023L)),
        Events.priority("PriorityChanged", twin, "HIGH", Instant.ofEpochMilli(1550351716080L)),
        simple("TicketPaused", twin, paused.getLong("timestamp")),
        simple("TicketResumed", twin, resumed.getLong("timestamp")),
        simple("WorkStarted", twin, resumed.getLong("timestamp")),
        simple("WorkStarted", twin, 1550286678321L),
        simple("TicketResolved", twin, 1550286940507L));
    awaitEvents(ticket, 7);
    awaitEvents(twin, 7);
    await().atMost(WAIT).untilAsserted(() -> assertThat(clocks(ticket)).isEqualTo(clocks(twin)));
    getTicket(ticket).body("customerId", equalTo("acme")).body("priority", equalTo("HIGH"));
  }

  @Test
  void githubLifeAndARetriedDeliveryWithoutASecondEffect() {
    String ticket = ticket("github", "Codertocat:Hello-World#1");
    String opened = UUID.randomUUID().toString();
    github("issues", "github-issues_opened.json", opened)
        .statusCode(202)
        .body("status", equalTo("accepted"));
    github("issues", "github-issues_closed.json", UUID.randomUUID().toString()).statusCode(202);
    // the commenter is the author: the customer's reply
    github("issue_comment", "github-issue_comment_created.json", UUID.randomUUID().toString())
        .statusCode(202)
        .body("status", equalTo("accepted"));
    awaitEvents(ticket, 2);
    // the same delivery again: same eventIds, no second event
    github("issues", "github-issues_opened.json", opened)
        .statusCode(202)
        .body("eventIds[0]", equalTo("github:" + opened + ":0"));
    String twin = Events.newTicketId();
    Intake.accepted(
        Events.opened(
            twin, "acme", "websoft9-standard", "HIGH", Instant.parse("2019-05-15T15:20:18Z")));
    awaitEvents(twin, 1);
    await().atMost(WAIT).untilAsserted(() -> assertThat(clocks(ticket)).isEqualTo(clocks(twin)));
    // the opening and the customer's reply, each once
    assertThat(eventCount(ticket)).isEqualTo(2);
  }

  @Test
  void zendeskLifeWithSignedTimestamps() {
    String ticket = ticket("zendesk", "5158");
    Instant now = clock.now();
    zendesk("zendesk-ticket_created.json", now).statusCode(202).body("status", equalTo("accepted"));
    zendesk("derived/zendesk-priority_changed.DERIVED.json", now).statusCode(202);
    zendesk("derived/zendesk-status_pending.DERIVED.json", now).statusCode(202);
    zendesk("derived/zendesk-status_resumed.DERIVED.json", now).statusCode(202);
    zendesk("derived/zendesk-comment_added_first_response.DERIVED.json", now).statusCode(202);
    zendesk("derived/zendesk-status_solved.DERIVED.json", now).statusCode(202);
    awaitEvents(ticket, 6);
    getTicket(ticket)
        .body("customerId", equalTo("acme"))
        .body("priority", equalTo("HIGH"))
        .body("clocks.find { it.metric == 'RESPONSE' }.stoppedAt", equalTo("2025-01-08T10:15:00Z"));
    // a stale timestamp is refused even with a valid signature
    zendesk("zendesk-ticket_created.json", now.minus(Duration.ofHours(1)))
        .spec(problem(401, "from now"));
  }

  @Test
  void zammadSnapshotsAreComparedWithTheLastOneSeen() {
    String ticket = ticket("zammad", "10081");
    zammad("zammad-ticket_opened.json").statusCode(202).body("status", equalTo("accepted"));
    zammad("zammad-ticket_opened.json").statusCode(202).body("status", equalTo("ignored"));
    zammad("derived/zammad-first_response.DERIVED.json")
        .statusCode(202)
        .body("status", equalTo("accepted"));
    zammad("derived/zammad-paused.DERIVED.json")
        .statusCode(202)
        .body("status", equalTo("accepted"));
    zammad("derived/zammad-closed.DERIVED.json")
        .statusCode(202)
        .body("status", equalTo("accepted"));
    awaitEvents(ticket, 4);
    getTicket(ticket)
        .body("customerId", equalTo("acme"))
        .body("clocks.find { it.metric == 'RESPONSE' }.stoppedAt", equalTo("2020-11-13T14:45:00Z"));
  }

  @Test
  void refusalsAndIgnoredDeliveries() {
    byte[] body = Fixtures.bytes("github-issues_opened.json");
    String good = hubSignature("HmacSHA256", "sha256=", body);
    // wrong secret
    String wrong =
        "sha256=" + HexFormat.of().formatHex(Signatures.hmac("HmacSHA256", "not-the-secret", body));
    github("issues", "x", body, wrong)
        .spec(problem(401, "does not match"))
        .body("detail", Matchers.not(containsString(WebhookProfile.SECRET)));
    // tampered body
    byte[] tampered = body.clone();
    tampered[100] = (byte) (tampered[100] == 'a' ? 'b' : 'a');
    github("issues", "x", tampered, good).statusCode(401);
    // missing signature
    github("issues", "x", body, null).statusCode(401);
    // another helpdesk's payload, signed: 400 naming what is missing
    jira("zendesk-ticket_created.json").spec(problem(400, "/webhookEvent is missing"));
    // an irrelevant event: 202 ignored
    github("push", "github-issues_opened.json", "x")
        .statusCode(202)
        .body("status", equalTo("ignored"))
        .body("reason", containsString("push"));
    // two Jira connections: the source alone does not say which
    byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
    post("/webhooks/jira", Map.of(), empty)
        .statusCode(404)
        .body("detail", containsString("jira-dc"));
    post("/webhooks/jira/nope", Map.of(), empty).statusCode(404);
    post("/webhooks/otrs", Map.of(), empty).statusCode(404);
  }

  @Test
  void webhooksNeedNoJwtButJiraBearerConnectionsNeedTheirToken() throws Exception {
    byte[] body = Fixtures.bytes("jira-resolved-server.json");
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> noJwt =
        client.send(
            HttpRequest.newBuilder(base.resolve("/webhooks/jira/jira-dc"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + WebhookProfile.JIRA_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(noJwt.statusCode()).isEqualTo(202);
    assertThat(noJwt.body()).contains("accepted");
    HttpResponse<String> unsigned =
        client.send(
            HttpRequest.newBuilder(base.resolve("/webhooks/github"))
                .header("Content-Type", "application/json")
                .header("X-GitHub-Event", "issues")
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        Fixtures.bytes("github-issues_opened.json")))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(unsigned.statusCode()).isEqualTo(401);
    post("/webhooks/jira/jira-dc", Map.of("Authorization", "Bearer wrong"), body).statusCode(401);
  }
}
