package dev.slaservice.sla.messaging;

import dev.slaservice.sla.config.SlaConfig;
import dev.slaservice.sla.persistence.Outbox;
import dev.slaservice.sla.config.Poller;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Observes;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import dev.slaservice.sla.observability.SlaMetrics;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Publishes outbox records in id order and deletes them once Kafka acknowledged them, in the
 * transaction that locked them. Each record carries CloudEvents binary-mode headers.
 */
@ApplicationScoped
public class OutboxRelay {

  public static final String SOURCE = "/sla-service";

  private final Mutiny.SessionFactory sessions;
  private final Outbox outbox;
  private final MutinyEmitter<String> emitter;
  private final SlaConfig config;
  private final Poller poller;
  private final Poller backlog;
  private final SlaMetrics metrics;

  public OutboxRelay(Mutiny.SessionFactory sessions, Outbox outbox,
                     @Channel(Channels.SLA_EVENTS_OUT) @OnOverflow(value = OnOverflow.Strategy.BUFFER,
                         bufferSize = 10_000) MutinyEmitter<String> emitter, SlaConfig config, Vertx vertx,
                     SlaMetrics metrics) {
    this.metrics = metrics;
    this.backlog = new Poller("outbox backlog gauge", vertx, this::measureBacklog);
    this.sessions = sessions;
    this.outbox = outbox;
    this.emitter = emitter;
    this.config = config;
    this.poller = new Poller("outbox relay", vertx, this::relayAll);
  }

  void start(@Observes StartupEvent started) {
    poller.start(config.outbox().pollInterval());
    backlog.start(java.time.Duration.ofSeconds(5));
  }

  private Uni<Long> measureBacklog() {
    return sessions.withSession(session -> session.createNativeQuery("select count(*) from outbox", Long.class)
        .getSingleResult()).invoke(metrics::outboxBacklog);
  }

  void stop(@Observes ShutdownEvent stopping) {
    backlog.stop(java.time.Duration.ofSeconds(1));
    poller.stop(java.time.Duration.ofSeconds(10));
  }


  /** Publishes everything pending. @return how many records were published */
  public Uni<Integer> relayAll() {
    int limit = config.outbox().batchSize();
    return sessions.withTransaction((session, tx) -> outbox.claim(session, limit)
            .chain(entries -> publish(entries)
                .chain(() -> entries.isEmpty() ? Uni.createFrom().voidItem()
                    : outbox.remove(session, entries.stream().map(Outbox.Entry::id).toList()))
                .replaceWith(entries.size())))
        .chain(sent -> sent < limit ? Uni.createFrom().item(sent) : relayAll().map(more -> sent + more));
  }

  private Uni<Void> publish(List<Outbox.Entry> entries) {
    if (entries.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return Uni.join().all(entries.stream().map(this::send).toList()).andFailFast().replaceWithVoid()
        .ifNoItem().after(config.outbox().ackTimeout()).fail();
  }

  private Uni<Void> send(Outbox.Entry entry) {
    RecordHeaders headers = new RecordHeaders();
    header(headers, "ce_specversion", "1.0");
    header(headers, "ce_id", entry.eventId());
    header(headers, "ce_type", entry.eventType());
    header(headers, "ce_source", SOURCE);
    header(headers, "ce_time", entry.createdAt().toString());
    header(headers, "content-type", "application/json");
    OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
        .withTopic(entry.topic()).withKey(entry.key()).withHeaders(headers).build();
    return emitter.sendMessage(Message.of(entry.payload()).addMetadata(metadata)).invoke(() -> {
      if (!Topics.SLA_COMPENSATIONS.equals(entry.topic())) {
        metrics.published(dev.slaservice.events.SlaEventCodec.read(entry.payload()));
      }
    });
  }

  private static void header(RecordHeaders headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
