package dev.slaservice.sla.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slaservice.events.SlaEvent;
import dev.slaservice.events.SlaEventCodec;
import dev.slaservice.localstack.FreePorts;
import dev.slaservice.localstack.LocalKafka;
import dev.slaservice.localstack.LocalPostgres;
import dev.slaservice.sla.messaging.Topics;
import dev.slaservice.sla.support.Events;
import dev.slaservice.sla.support.TopicSnapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Restarts the packaged service twice while a helpdesk keeps posting: every event that got a
 * 202 is stored exactly once, every ticket gets its one breach, and no breach is published twice.
 */
class RestartIT {

  private static final int TICKETS = 600;
  private static final int BATCH = 20;

  private static LocalKafka kafka;
  private static LocalPostgres postgres;
  private static ServiceProcess service;

  @BeforeAll
  static void startStack() throws Exception {
    Path dir = Files.createTempDirectory("sla-restart-it");
    kafka = LocalKafka.startInProcess(dir.resolve("kafka"), FreePorts.next(), FreePorts.next());
    kafka.createTopics(Topics.ALL, 3);
    postgres = LocalPostgres.start(dir.resolve("postgres"), FreePorts.next(), "sla_it", false);
    Map<String, String> settings = new HashMap<>();
    settings.put("kafka.bootstrap.servers", kafka.bootstrapServers());
    settings.put("sla.db.host", "127.0.0.1");
    settings.put("sla.db.port", Integer.toString(postgres.port()));
    settings.put("sla.db.name", postgres.database());
    settings.put("quarkus.datasource.username", LocalPostgres.USER);
    service = new ServiceProcess(settings, dir.resolve("service.log"));
    service.start();
  }

  @AfterAll
  static void stopStack() {
    if (service != null) {
      service.close();
    }
    if (postgres != null) {
      postgres.close();
    }
    if (kafka != null) {
      kafka.close();
    }
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

    await().atMost(Duration.ofMinutes(2)).until(() -> storedIds().size() == TICKETS);
    assertThat(storedIds()).containsExactlyInAnyOrderElementsOf(accepted);
    assertThat(countRows("select count(*) from event_store")).isEqualTo(TICKETS);

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

  private static Set<String> storedIds() throws Exception {
    Set<String> ids = new HashSet<>();
    try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), LocalPostgres.USER, "");
         ResultSet rows = connection.createStatement().executeQuery("select event_id from event_store")) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }

  private static long countRows(String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), LocalPostgres.USER, "");
         ResultSet rows = connection.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static List<String> breachedTickets() {
    return readAll(Topics.SLA_BREACHES).stream().map(r -> SlaEventCodec.read(r.value()))
        .filter(SlaEvent.SlaBreached.class::isInstance).map(SlaEvent::ticketId).toList();
  }

  private static List<ConsumerRecord<String, String>> readAll(String topic) {
    return TopicSnapshot.read(kafka.bootstrapServers(), topic);
  }
}
