package dev.slaservice.sla.messaging;

import dev.slaservice.events.InboundEvent;
import dev.slaservice.events.InboundEventCodec;
import dev.slaservice.sla.config.SlaConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import dev.slaservice.sla.observability.SlaMetrics;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Puts accepted events on the ticket-events topic, keyed so a ticket's events share a partition. */
@ApplicationScoped
public class TicketEventPublisher {

  private final MutinyEmitter<String> emitter;
  private final SlaConfig config;

  private final SlaMetrics metrics;

  public TicketEventPublisher(@Channel(Channels.TICKET_EVENTS_OUT) @OnOverflow(value = OnOverflow.Strategy.BUFFER,
      bufferSize = 100_000) MutinyEmitter<String> emitter, SlaConfig config, SlaMetrics metrics) {
    this.emitter = emitter;
    this.config = config;
    this.metrics = metrics;
  }

  /**
   * Completes once Kafka acknowledged every event (acks=all), or fails with
   * {@link KafkaUnavailableException} when it did not within the intake's ack timeout.
   */
  public Uni<Void> publish(List<InboundEvent> events) {
    List<Uni<Void>> sends = events.stream().map(this::send).toList();
    return Uni.join().all(sends).andFailFast().replaceWithVoid()
        .ifNoItem().after(config.intake().ackTimeout())
        .failWith(() -> new KafkaUnavailableException("Kafka did not acknowledge within "
            + config.intake().ackTimeout().toMillis() + " ms", null))
        .onFailure(e -> !(e instanceof KafkaUnavailableException))
        .transform(e -> new KafkaUnavailableException("Kafka refused the events: " + e.getMessage(), e))
        .invoke(() -> metrics.accepted(events))
        .onFailure().invoke(() -> metrics.rejected("kafka_unavailable"));
  }

  private Uni<Void> send(InboundEvent event) {
    OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
        .withKey(event.partitionKey()).build();
    return emitter.sendMessage(Message.of(InboundEventCodec.write(event)).addMetadata(metadata));
  }
}
