package dev.slaservice.sla.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slaservice.sla.messaging.Topics;
import dev.slaservice.sla.support.Events;
import dev.slaservice.sla.support.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stops under a running service while helpdesks keep posting: intake still accepts
 * (Kafka holds the events), readiness is DOWN, the consumer commits no offset past what it could
 * store, and when the database is back it resumes by itself with every event stored once and every
 * due breach published once.
 */
class PostgresOutageIT extends PackagedServiceTest {

  private static final int OUTAGE_SECONDS = Integer.getInteger("outage.seconds", 30);
  private static final String HELPDESK = Tokens.of("helpdesk");

  @BeforeAll
  static void startStack() {
    startStack("postgres-outage-it", false);
  }

  @Test
  void theConsumerWaitsWithoutCommittingAndResumesByItself() throws Exception {
    long pid = service.pid();
    List<String> before = postTickets(20);
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> stack.count("select count(*) from event_store") == 20);
    await().atMost(Duration.ofSeconds(30)).until(() -> lag() == 0);

    stack.stopPostgres();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> service.readiness() == 503);
    Map<TopicPartition, Long> committedAtOutage = committed();
    List<String> during = postTickets(30);
    Instant outageStarted = Instant.now();
    // for as long as the outage lasts, no offset moves and readiness stays DOWN
    await()
        .atMost(Duration.ofSeconds(OUTAGE_SECONDS + 30))
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () -> {
              assertThat(committed())
                  .as("offsets committed while the database is down")
                  .isEqualTo(committedAtOutage);
              assertThat(service.readiness())
                  .as("readiness while the database is down")
                  .isEqualTo(503);
              return Duration.between(outageStarted, Instant.now()).toSeconds() >= OUTAGE_SECONDS;
            });
    assertThat(lag()).as("events waiting in Kafka").isEqualTo(30);
    System.out.printf(
        "PostgreSQL down %d s: 30 events accepted and held in Kafka, offsets unchanged%n",
        Duration.between(outageStarted, Instant.now()).toSeconds());

    stack.startPostgres();
    service.awaitReadyAgain(Duration.ofMinutes(2));
    assertThat(service.pid()).as("the same process, not restarted").isEqualTo(pid);
    await()
        .atMost(Duration.ofMinutes(2))
        .until(() -> stack.count("select count(*) from event_store") == 50);
    assertThat(stack.count("select count(distinct event_id) from event_store")).isEqualTo(50);
    await().atMost(Duration.ofMinutes(1)).until(() -> lag() == 0);

    List<String> all = new ArrayList<>(before);
    all.addAll(during);
    await().atMost(Duration.ofMinutes(2)).until(() -> stack.breachedTickets().size() == all.size());
    assertThat(stack.breachedTickets())
        .as("one breach per ticket, none twice")
        .containsExactlyInAnyOrderElementsOf(all);
  }

  /** Tickets opened 11 minutes ago on a 10-minute response target: due at once. */
  private static List<String> postTickets(int count) {
    List<String> tickets = new ArrayList<>();
    List<String> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String ticket = Events.newTicketId();
      tickets.add(ticket);
      events.add(Events.acmePremiumHigh(ticket, Instant.now().minusSeconds(660)));
    }
    assertThat(
            service
                .send("POST", "/events", Events.batch(events.toArray(String[]::new)), HELPDESK)
                .statusCode())
        .isEqualTo(202);
    return tickets;
  }

  private static Admin admin() {
    Properties properties = new Properties();
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    return Admin.create(properties);
  }

  /** The service's committed offsets on ticket-events. */
  private static Map<TopicPartition, Long> committed() throws Exception {
    try (Admin admin = admin()) {
      return admin
          .listConsumerGroupOffsets("sla-service")
          .partitionsToOffsetAndMetadata()
          .get()
          .entrySet()
          .stream()
          .filter(e -> e.getKey().topic().equals(Topics.TICKET_EVENTS) && e.getValue() != null)
          .collect(
              Collectors.toMap(
                  Map.Entry::getKey, e -> ((OffsetAndMetadata) e.getValue()).offset()));
    }
  }

  /** Records on ticket-events past the service's committed offsets. */
  private static long lag() throws Exception {
    Map<TopicPartition, Long> committed = committed();
    try (Admin admin = admin()) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (int partition = 0; partition < 3; partition++) {
        latest.put(new TopicPartition(Topics.TICKET_EVENTS, partition), OffsetSpec.latest());
      }
      return admin.listOffsets(latest).all().get().entrySet().stream()
          .mapToLong(e -> e.getValue().offset() - committed.getOrDefault(e.getKey(), 0L))
          .sum();
    }
  }
}
