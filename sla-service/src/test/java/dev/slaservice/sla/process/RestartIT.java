package dev.slaservice.sla.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slaservice.events.SlaEvent;
import dev.slaservice.events.SlaEventCodec;
import dev.slaservice.sla.messaging.Topics;
import dev.slaservice.sla.support.Events;
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
 * Restarts the packaged service twice while a helpdesk keeps posting: every event that got a
 * 202 is stored exactly once, every ticket gets its one breach, and no breach is published twice.
 */
class RestartIT extends PackagedServiceTest {

  private static final int TICKETS = 600;
  private static final int BATCH = 20;

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

    await().atMost(Duration.ofMinutes(2)).until(() -> stack.storedEventIds().size() == TICKETS);
    assertThat(stack.storedEventIds()).containsExactlyInAnyOrderElementsOf(accepted);
    assertThat(stack.count("select count(*) from event_store")).isEqualTo(TICKETS);

    await().atMost(Duration.ofMinutes(2)).until(() -> breachedTickets().size() == TICKETS);
    List<ConsumerRecord<String, String>> records = readAll(Topics.SLA_BREACHES);
    Map<String, Long> byId = records.stream().collect(Collectors.groupingBy(
        r -> new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8), Collectors.counting()));
    assertThat(byId.values()).as("records per published id").allMatch(count -> count == 1);
    assertThat(breachedTickets()).containsExactlyInAnyOrderElementsOf(tickets);
  }

  /** Posts every ticket's TicketOpened (11 minutes ago: due at once), retrying a batch until it gets a 202. */
  private static void postAll(List<String> tickets, Set<String> accepted) {
    Instant elevenMinutesAgo = Instant.now().minus(Duration.ofMinutes(11));
    for (int from = 0; from < tickets.size(); from += BATCH) {
      List<String> ids = new ArrayList<>();
      List<String> events = new ArrayList<>();
      for (String ticket : tickets.subList(from, Math.min(tickets.size(), from + BATCH))) {
        String eventId = UUID.randomUUID().toString();
        ids.add(eventId);
        events.add("""
            {"type":"TicketOpened","eventId":"%s","ticketId":"%s","occurredAt":"%s","source":"it",
             "customerId":"acme","planId":"websoft9-premium","priority":"HIGH"}""".formatted(eventId, ticket,
            elevenMinutesAgo));
      }
      String body = "[" + String.join(",", events) + "]";
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
          .until(() -> service.post("/events", body) == 202);
      accepted.addAll(ids);
    }
  }

  private static List<String> breachedTickets() {
    return readAll(Topics.SLA_BREACHES).stream().map(r -> SlaEventCodec.read(r.value()))
        .filter(SlaEvent.SlaBreached.class::isInstance).map(SlaEvent::ticketId).toList();
  }

  private static List<ConsumerRecord<String, String>> readAll(String topic) {
    return stack.read(topic);
  }
}
