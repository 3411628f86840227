package dev.slaservice.sla.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slaservice.events.EventJson;
import dev.slaservice.events.EventType;
import dev.slaservice.events.InboundEventCodec;
import dev.slaservice.sla.domain.policy.BuiltInCatalog;
import dev.slaservice.sla.domain.policy.CatalogCheck;
import dev.slaservice.sla.messaging.Topics;
import dev.slaservice.sla.support.Tokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Thousands of malformed requests against the packaged service: broken JSON, wrong types, unknown
 * types and enum values, missing and extra fields, huge strings, deep nesting, control characters,
 * instants out of range, absurd durations, oversized batches and bodies. Every answer is a 4xx
 * application/problem+json, never a 5xx, and nothing reaches Kafka or the event store.
 */
class MalformedRequestsIT {

  private static final String HELPDESK = Tokens.of("helpdesk");
  private static final String EVERY_ROLE = Tokens.everyRole();
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private static ProcessStack stack;
  private static ServiceProcess service;
  private static Admin admin;
  private static long calendarsAtStart;

  @BeforeContainer
  static void startStack() {
    stack = ProcessStack.start("malformed-it", false);
    service = stack.service("service", Map.of());
    service.start();
    Properties properties = new Properties();
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    admin = Admin.create(properties);
    calendarsAtStart = stack.count("select count(*) from calendar_version");
  }

  @AfterContainer
  static void stopStack() {
    if (admin != null) {
      admin.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @AfterProperty
  void nothingWasAccepted() throws Exception {
    assertThat(recordsOnTicketEvents()).as("records on ticket-events").isZero();
    assertThat(stack.count("select count(*) from event_store")).as("stored events").isZero();
    assertThat(stack.count("select count(*) from calendar_version"))
        .as("stored calendars")
        .isEqualTo(calendarsAtStart);
  }

  @Property(tries = 2_000)
  void malformedEventsAreRefusedWithAProblem(@ForAll("malformedEventBodies") String body) {
    assertRefused(service.send("POST", "/events", body, HELPDESK), body);
  }

  @Property(tries = 300)
  void malformedCalendarsAreRefusedWithAProblem(
      @ForAll("calendarIds") String id, @ForAll("malformedCalendarBodies") String body) {
    assertRefused(
        service.send(
            "PUT", "/calendars/" + URLEncoder.encode(id, StandardCharsets.UTF_8), body, EVERY_ROLE),
        id + " " + body);
  }

  @Property(tries = 500)
  void oddQueryParametersNeverFailTheServer(@ForAll("queries") String query) {
    HttpResponse<String> answer = service.send("GET", query, null, EVERY_ROLE);
    assertThat(answer).as(query).isNotNull();
    assertThat(answer.statusCode()).as(query + " -> " + answer.body()).isLessThan(500);
    if (answer.statusCode() >= 400) {
      assertProblem(answer, query);
    }
  }

  @Example
  void aBodyOverTheLimitIs413BeforeItIsRead() throws Exception {
    // the client declares 3 MiB and sends only the first KiB: the answer must come without the rest
    URI uri = service.uri("/events");
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(10_000);
      String head =
          "POST /events HTTP/1.1\r\nHost: "
              + uri.getHost()
              + "\r\nContent-Type: application/json\r\n"
              + "Authorization: Bearer "
              + HELPDESK
              + "\r\nContent-Length: "
              + (3 * 1024 * 1024)
              + "\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket
          .getOutputStream()
          .write(("[" + "{\"x\":\"" + "a".repeat(1024)).getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String answer = readResponse(socket.getInputStream());
      assertThat(answer).startsWith("HTTP/1.1 413");
      assertThat(answer).containsIgnoringCase("content-type: application/problem+json");
      assertThat(answer).contains("\"status\":413").contains("2097152");
    }
  }

  /**
   * Status line, headers and a Content-Length body, without waiting for the connection to close.
   */
  private static String readResponse(InputStream in) throws IOException {
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    int headEnd = -1;
    int length = 0;
    while (headEnd < 0 || read.size() < headEnd + length) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      read.write(b);
      String text = read.toString(StandardCharsets.ISO_8859_1);
      if (headEnd < 0 && text.endsWith("\r\n\r\n")) {
        headEnd = text.length();
        Matcher declared = Pattern.compile("(?i)content-length: *(\\d+)").matcher(text);
        length = declared.find() ? Integer.parseInt(declared.group(1)) : 0;
      }
    }
    return read.toString(StandardCharsets.UTF_8);
  }

  @Example
  void aBatchOverTheLimitIsRefusedNamingTheLimit() {
    List<String> events = new ArrayList<>();
    for (int i = 0; i < 1_001; i++) {
      events.add(
          EventSamples.valid(EventType.fromWireName("WorkStarted").orElseThrow()).toString());
    }
    HttpResponse<String> answer =
        service.send("POST", "/events", "[" + String.join(",", events) + "]", HELPDESK);
    assertRefused(answer, "1,001 events");
    assertThat(answer.body()).contains("1000");
  }

  @Example
  void theBaseEventsOfTheGeneratorsAreValid() {
    CatalogCheck check = new CatalogCheck(new BuiltInCatalog());
    for (EventType type : EventType.values()) {
      ObjectNode event = EventSamples.valid(type);
      assertThat(check.problems(InboundEventCodec.read(event, () -> "generated")))
          .as(event.toString())
          .isEmpty();
    }
  }

  private static void assertRefused(HttpResponse<String> answer, String request) {
    assertThat(answer).as("an answer to " + abbreviate(request)).isNotNull();
    assertThat(answer.statusCode())
        .as(abbreviate(request) + " -> " + abbreviate(answer.body()))
        .isBetween(400, 499);
    assertProblem(answer, request);
    try {
      assertThat(recordsOnTicketEvents())
          .as("records on ticket-events after " + abbreviate(request))
          .isZero();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertProblem(HttpResponse<String> answer, String request) {
    assertThat(answer.headers().firstValue("Content-Type").orElse(""))
        .as(abbreviate(request))
        .startsWith("application/problem+json");
    try {
      JsonNode problem = EventJson.mapper().readTree(answer.body());
      assertThat(problem.path("status").asInt()).isEqualTo(answer.statusCode());
      assertThat(problem.path("detail").asText()).isNotBlank();
    } catch (JsonProcessingException e) {
      throw new AssertionError("not a JSON problem: " + abbreviate(answer.body()), e);
    }
  }

  private static String abbreviate(String text) {
    return text == null || text.length() < 300
        ? text
        : text.substring(0, 300) + "… (" + text.length() + " chars)";
  }

  private static long recordsOnTicketEvents() throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (int partition = 0; partition < 3; partition++) {
      latest.put(new TopicPartition(Topics.TICKET_EVENTS, partition), OffsetSpec.latest());
    }
    return admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
  }

  @Provide
  Arbitrary<String> malformedEventBodies() {
    return MalformedRequests.eventBodies();
  }

  @Provide
  Arbitrary<String> calendarIds() {
    return MalformedRequests.calendarIds();
  }

  @Provide
  Arbitrary<String> malformedCalendarBodies() {
    return MalformedRequests.calendarBodies();
  }

  @Provide
  Arbitrary<String> queries() {
    return MalformedRequests.queries();
  }
}
