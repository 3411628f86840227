package dev.slaservice.sla.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slaservice.sla.messaging.Topics;
import dev.slaservice.sla.support.Events;
import dev.slaservice.sla.support.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Restarts the packaged service twice while a helpdesk keeps posting: every event that got a 202 is
 * stored exactly once, every ticket gets its one breach, and no breach is published twice. And
 * after a crash (SIGKILL) the restarted service takes its partitions back at once, as the same
 * static members of the consumer group (docs/adr/0010), instead of waiting for the dead members'
 * session to time out.
 */
class RestartIT extends PackagedServiceTest {

  private static final int TICKETS = 600;
  private static final int BATCH = 20;
  private static final String GROUP = "sla-service";
  private static final String OPS = Tokens.of("ops");

  @BeforeAll
  static void startStack() {
    startStack("restart-it", false);
  }

  @Test
  void restartsMidStreamLoseNoAcceptedEventAndPublishNoBreachTwice() throws Exception {
    List<String> tickets = new ArrayList<>();
    for (int i = 0; i < TICKETS; i++) {
      tickets.add(Events.newTicketId());
    }
    Set<String> accepted = Collections.synchronizedSet(new HashSet<>());
    CompletableFuture<Void> helpdesk = CompletableFuture.runAsync(() -> postAll(tickets, accepted));

    for (int restart = 1; restart <= 2; restart++) {
      int threshold = restart * TICKETS / 3;
      await().atMost(Duration.ofMinutes(2)).until(() -> accepted.size() >= threshold);
      service.stop();
      service.start();
    }
    helpdesk.get();
    assertThat(accepted).hasSize(TICKETS);

    // the other tests of this class post tickets of their own (source test-desk) to the same
    // service
    await().atMost(Duration.ofMinutes(2)).until(() -> stack.storedEventIds().containsAll(accepted));
    assertThat(stack.count("select count(*) from event_store where payload->>'source' = 'it'"))
        .isEqualTo(TICKETS);

    await().atMost(Duration.ofMinutes(2)).until(() -> stack.breachedTickets().containsAll(tickets));
    List<ConsumerRecord<String, String>> records = readAll(Topics.SLA_BREACHES);
    Map<String, Long> byId =
        records.stream()
            .collect(
                Collectors.groupingBy(
                    r ->
                        new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8),
                    Collectors.counting()));
    assertThat(byId.values()).as("records per published id").allMatch(count -> count == 1);
    assertThat(stack.breachedTickets().stream().filter(tickets::contains)).hasSize(TICKETS);
  }

  @Test
  void aServiceKilledAndStartedAgainProjectsTheFirstEventWithinFiveSeconds() {
    await().atMost(Duration.ofSeconds(30)).until(() -> stack.staticMembers(GROUP).size() == 2);
    Set<String> members = stack.staticMembers(GROUP);

    service.kill();
    service.start();
    String ticket = Events.newTicketId();
    assertThat(
            service.post(
                "/events",
                Events.acmePremiumHigh(ticket, Instant.now().minus(Duration.ofMinutes(11)))))
        .isEqualTo(202);
    Instant posted = Instant.now();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> service.send("GET", "/tickets/" + ticket, null, OPS).statusCode() == 200);
    Duration projectedAfter = Duration.between(posted, Instant.now());
    System.out.printf(
        "after kill -9 and restart, the first event was projected in %d ms%n",
        projectedAfter.toMillis());
    assertThat(projectedAfter).isLessThan(Duration.ofSeconds(5));
    assertThat(stack.staticMembers(GROUP)).as("the same static members").isEqualTo(members);
    assertThat(service.send("GET", "/tickets/" + ticket, null, OPS).body())
        .contains("\"BREACHED\"");
  }

  @Test
  void aServiceStoppedGracefullyLeavesTheGroupAtOnce() {
    await().atMost(Duration.ofSeconds(30)).until(() -> stack.staticMembers(GROUP).size() == 2);

    service.stop();
    Instant stopped = Instant.now();
    try {
      await()
          .atMost(Duration.ofSeconds(5))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> stack.staticMembers(GROUP).isEmpty());
      System.out.printf(
          "the stopped service's members left the group %d ms after it exited%n",
          Duration.between(stopped, Instant.now()).toMillis());
    } finally {
      service.start();
    }
  }

  /**
   * Posts every ticket's TicketOpened (11 minutes ago: due at once), retrying a batch until it gets
   * a 202.
   */
  private static void postAll(List<String> tickets, Set<String> accepted) {
    Instant elevenMinutesAgo = Instant.now().minus(Duration.ofMinutes(11));
    for (int from = 0; from < tickets.size(); from += BATCH) {
      List<String> ids = new ArrayList<>();
      List<String> events = new ArrayList<>();
      for (String ticket : tickets.subList(from, Math.min(tickets.size(), from + BATCH))) {
        String eventId = UUID.randomUUID().toString();
        ids.add(eventId);
        events.add(
            """
            {"type":"TicketOpened","eventId":"%s","ticketId":"%s","occurredAt":"%s","source":"it",
             "customerId":"acme","planId":"websoft9-premium","priority":"HIGH"}"""
                .formatted(eventId, ticket, elevenMinutesAgo));
      }
      String body = "[" + String.join(",", events) + "]";
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> service.post("/events", body) == 202);
      accepted.addAll(ids);
    }
  }

  private static List<ConsumerRecord<String, String>> readAll(String topic) {
    return stack.read(topic);
  }
}
