package dev.slaservice.sla.messaging;

import dev.slaservice.events.InboundEvent;
import dev.slaservice.events.InboundEventCodec;
import dev.slaservice.events.MalformedEventException;
import dev.slaservice.events.Violation;
import dev.slaservice.sla.domain.policy.CatalogCheck;
import dev.slaservice.sla.persistence.ConsumedEvent;
import dev.slaservice.sla.persistence.TicketBatchHandler;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads ticket-events in batches. Records that are not valid events go to the dead-letter topic;
 * the rest are applied in one database transaction, and only then is the batch acknowledged
 * (which lets the connector commit its offsets). A database failure is retried with back-off
 * and nothing is acknowledged meanwhile.
 */
@ApplicationScoped
public class TicketEventConsumer {

  private static final Logger LOG = Logger.getLogger(TicketEventConsumer.class);

  private final TicketBatchHandler handler;
  private final DeadLetters deadLetters;
  private final CatalogCheck catalogCheck;

  public TicketEventConsumer(TicketBatchHandler handler, DeadLetters deadLetters, CatalogCheck catalogCheck) {
    this.handler = handler;
    this.deadLetters = deadLetters;
    this.catalogCheck = catalogCheck;
  }

  @Incoming(Channels.TICKET_EVENTS_IN)
  public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
    List<ConsumedEvent> events = new ArrayList<>();
    List<DeadLetters.DeadLetter> poison = new ArrayList<>();
    for (KafkaRecord<String, byte[]> record : batch) {
      long offset = record.getMetadata(IncomingKafkaRecordMetadata.class)
          .map(IncomingKafkaRecordMetadata::getOffset).orElse(-1L);
      try {
        InboundEvent event = InboundEventCodec.read(record.getPayload());
        List<Violation> problems = catalogCheck.problems(event);
        if (!problems.isEmpty()) {
          throw new MalformedEventException(problems);
        }
        events.add(new ConsumedEvent(event, record.getPartition(), offset));
      } catch (MalformedEventException e) {
        poison.add(new DeadLetters.DeadLetter(record.getKey(), record.getPayload(), record.getTopic(),
            record.getPartition(), offset, e.getMessage()));
      }
    }
    return deadLetters.send(poison)
        .chain(() -> handler.handle(events))
        .invoke(outgoing -> LOG.debugf("applied %d events (%s), %d outgoing", events.size(),
            events.stream().map(e -> e.event().eventId()).limit(20).collect(Collectors.joining(",")), outgoing))
        .onFailure().invoke(e -> LOG.errorf("applying a batch of %d events failed, retrying: %s; first events: %s",
            events.size(), e.toString(), events.stream().limit(10).map(ConsumedEvent::describe)
                .collect(Collectors.joining(", "))))
        .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).indefinitely()
        .chain(() -> Uni.createFrom().completionStage(batch.ack()));
  }
}
