package dev.slaservice.sla.messaging;

import dev.slaservice.events.CheckedEvent;
import dev.slaservice.events.InboundEvent;
import dev.slaservice.sla.config.SlaConfig;
import dev.slaservice.sla.observability.SlaMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Puts accepted events on the ticket-events topic, keyed so a ticket's events share a partition,
 * through the intake's own Kafka producer (ADR 0009): a request completes when Kafka acknowledged
 * all of its records, with nothing between the request and the producer's callbacks.
 */
// built at startup, not by the first request on an event loop (the producer resolves its brokers)
@Startup
@ApplicationScoped
public class TicketEventPublisher {

  private final SlaConfig.Intake intake;
  private final SlaMetrics metrics;
  private final KafkaProducer<String, String> producer;
  private final KafkaClientMetrics producerMetrics;
  // send() blocks while the producer waits for metadata or buffer space (up to max.block.ms, e.g.
  // while Kafka is down): never on an event loop, so the requests that queue here are refused in
  // time
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "sla-intake-sender");
            thread.setDaemon(true);
            return thread;
          });

  public TicketEventPublisher(
      @Identifier("default-kafka-broker") Map<String, Object> kafka,
      SlaConfig config,
      SlaMetrics metrics,
      MeterRegistry registry) {
    this.intake = config.intake();
    this.metrics = metrics;
    this.producer =
        new KafkaProducer<>(
            settings(kafka, intake), new StringSerializer(), new StringSerializer());
    this.producerMetrics = new KafkaClientMetrics(producer);
    producerMetrics.bindTo(registry);
  }

  /**
   * The kafka.* settings, the intake's own ({@code sla.intake.producer.*}), then what a 202
   * promises.
   */
  static Map<String, Object> settings(Map<String, Object> kafka, SlaConfig.Intake intake) {
    Map<String, Object> settings = new HashMap<>(kafka);
    settings.putAll(intake.producer());
    settings.put(ProducerConfig.CLIENT_ID_CONFIG, "sla-intake");
    // a 202 says every in-sync replica has the events, and a retried send is never stored twice
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return settings;
  }

  /**
   * Puts each event on the topic as its {@link CheckedEvent#json()}. Completes once Kafka
   * acknowledged every event (acks=all), or fails with {@link KafkaUnavailableException} when it
   * did not within the intake's ack timeout.
   */
  public Uni<Void> publish(List<CheckedEvent> checked) {
    List<InboundEvent> events = checked.stream().map(CheckedEvent::event).toList();
    List<ProducerRecord<String, String>> records =
        checked.stream()
            .map(
                event ->
                    new ProducerRecord<>(
                        intake.topic(), event.event().partitionKey(), event.json()))
            .toList();
    CompletableFuture<Void> acknowledged = new CompletableFuture<>();
    Uni<Void> acked =
        Uni.createFrom()
            .completionStage(
                () -> {
                  sender.execute(() -> sendAll(records, acknowledged));
                  return acknowledged;
                });
    Context caller = Vertx.currentContext();
    if (caller != null) {
      // the producer's callbacks run on its network thread, which must not write HTTP responses
      acked = acked.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }
    return acked
        .onCancellation()
        .invoke(() -> acknowledged.cancel(false))
        .ifNoItem()
        .after(intake.ackTimeout())
        .failWith(
            () ->
                new KafkaUnavailableException(
                    "Kafka did not acknowledge within " + intake.ackTimeout().toMillis() + " ms",
                    null))
        .onFailure(e -> !(e instanceof KafkaUnavailableException))
        .transform(
            e -> new KafkaUnavailableException("Kafka refused the events: " + e.getMessage(), e))
        .invoke(() -> metrics.accepted(events))
        .onFailure()
        .invoke(() -> metrics.rejected("kafka_unavailable"));
  }

  private void sendAll(
      List<ProducerRecord<String, String>> records, CompletableFuture<Void> acknowledged) {
    AtomicInteger pending = new AtomicInteger(records.size());
    for (ProducerRecord<String, String> record : records) {
      // a request already answered 503 (timed out) sends nothing more: its client retries it
      if (acknowledged.isDone()) {
        return;
      }
      try {
        producer.send(
            record,
            (written, failure) -> {
              if (failure != null) {
                acknowledged.completeExceptionally(failure);
              } else if (pending.decrementAndGet() == 0) {
                acknowledged.complete(null);
              }
            });
      } catch (RuntimeException e) {
        acknowledged.completeExceptionally(e);
        return;
      }
    }
  }

  void close(@Observes ShutdownEvent stopping) {
    sender.shutdown();
    try {
      sender.awaitTermination(intake.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producerMetrics.close();
    // records already handed over belong to requests still waiting for their answer
    producer.close(intake.ackTimeout());
  }
}
