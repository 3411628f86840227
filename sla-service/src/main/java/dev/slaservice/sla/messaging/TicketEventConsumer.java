package dev.slaservice.sla.messaging;

import dev.slaservice.events.InboundEvent;
import dev.slaservice.events.InboundEventCodec;
import dev.slaservice.events.MalformedEventException;
import dev.slaservice.events.Violation;
import dev.slaservice.sla.application.CustomerPlans;
import dev.slaservice.sla.application.TicketBatchHandler;
import dev.slaservice.sla.domain.policy.CatalogCheck;
import dev.slaservice.sla.domain.policy.PlanAssignment;
import dev.slaservice.sla.persistence.ConsumedEvent;
import dev.slaservice.sla.persistence.DatabaseProbe;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads ticket-events in batches. Records that are not valid events go to the dead-letter topic,
 * and so do openings their customer's subscription does not allow (ADR 0013: another producer may
 * write them); each other opening gets the plan of its subscription when it names none. The rest
 * are applied in one database transaction, and only then is the batch acknowledged (which lets the
 * connector commit its offsets).
 *
 * <p>When a batch keeps failing, the database is asked whether it is up. If it is not, the batch
 * waits and is retried for as long as the outage lasts, nothing acknowledged meanwhile. If it is,
 * the failure lies in the batch: its events are applied one at a time, in order, and an event that
 * still cannot be applied goes to the dead-letter topic, so one bad event never holds a partition.
 */
@ApplicationScoped
public class TicketEventConsumer {

  private static final Logger LOG = Logger.getLogger(TicketEventConsumer.class);
  private static final int ATTEMPTS_BEFORE_ISOLATING = 3;

  private final TicketBatchHandler handler;
  private final DeadLetters deadLetters;
  private final CatalogCheck catalogCheck;
  private final DatabaseProbe database;
  private final CustomerPlans customerPlans;

  public TicketEventConsumer(
      TicketBatchHandler handler,
      DeadLetters deadLetters,
      CatalogCheck catalogCheck,
      DatabaseProbe database,
      CustomerPlans customerPlans) {
    this.customerPlans = customerPlans;
    this.handler = handler;
    this.deadLetters = deadLetters;
    this.catalogCheck = catalogCheck;
    this.database = database;
  }

  @Incoming(Channels.TICKET_EVENTS_IN)
  public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
    List<InboundEvent> valid = new ArrayList<>();
    List<KafkaRecord<String, byte[]>> validRecords = new ArrayList<>();
    List<DeadLetters.DeadLetter> malformed = new ArrayList<>();
    for (KafkaRecord<String, byte[]> record : batch) {
      try {
        InboundEvent event = InboundEventCodec.read(record.getPayload());
        List<Violation> problems = catalogCheck.problems(event);
        if (!problems.isEmpty()) {
          throw new MalformedEventException(problems);
        }
        valid.add(event);
        validRecords.add(record);
      } catch (MalformedEventException e) {
        malformed.add(letter(record, e.getMessage()));
      }
    }
    // the subscriptions are read afresh on every attempt: a retry sees what was stored meanwhile
    return customerPlans
        .assign(valid)
        .onFailure()
        .invoke(
            e ->
                LOG.errorf(
                    "could not read the subscriptions of a batch of %d events (the"
                        + " database is unreachable), retrying: %s",
                    valid.size(), e.toString()))
        .chain(
            outcomes -> {
              List<ConsumedEvent> events = new ArrayList<>();
              Map<ConsumedEvent, KafkaRecord<String, byte[]>> records = new IdentityHashMap<>();
              List<DeadLetters.DeadLetter> poison = new ArrayList<>(malformed);
              for (int i = 0; i < outcomes.size(); i++) {
                KafkaRecord<String, byte[]> record = validRecords.get(i);
                if (outcomes.get(i) instanceof PlanAssignment.Refused refused) {
                  poison.add(
                      letter(
                          record,
                          refused.violation().field() + ": " + refused.violation().message()));
                } else {
                  InboundEvent event = outcomes.get(i).event();
                  // an opening given its plan here differs from its record; any other is stored
                  // as the bytes that were read and checked
                  ConsumedEvent consumed =
                      event == valid.get(i)
                          ? new ConsumedEvent(
                              event,
                              new String(record.getPayload(), StandardCharsets.UTF_8),
                              record.getPartition(),
                              offsetOf(record))
                          : ConsumedEvent.of(event, record.getPartition(), offsetOf(record));
                  events.add(consumed);
                  records.put(consumed, record);
                }
              }
              return deadLetters
                  .send(poison)
                  .chain(() -> applyBatch(events, records))
                  .onFailure()
                  .invoke(
                      e ->
                          LOG.errorf(
                              "could not apply or dead-letter a batch of %d events (the"
                                  + " database or Kafka is unreachable), retrying: %s; first events: %s",
                              events.size(),
                              e.toString(),
                              events.stream()
                                  .limit(10)
                                  .map(ConsumedEvent::describe)
                                  .collect(Collectors.joining(", "))));
            })
        .onFailure()
        .retry()
        .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5))
        .indefinitely()
        .chain(() -> Uni.createFrom().completionStage(batch.ack()));
  }

  /** Applies the batch; fails only while the database is unreachable. */
  private Uni<Void> applyBatch(
      List<ConsumedEvent> events, Map<ConsumedEvent, KafkaRecord<String, byte[]>> records) {
    return applyOr(
        events,
        failure -> {
          LOG.warnf(
              "a batch of %d events failed %d times with the database up (%s); applying its events"
                  + " one at a time",
              events.size(), ATTEMPTS_BEFORE_ISOLATING, failure.toString());
          return Multi.createFrom()
              .iterable(events)
              .onItem()
              .transformToUniAndConcatenate(event -> applyAlone(event, records.get(event)))
              .collect()
              .last()
              .replaceWithVoid();
        });
  }

  private Uni<Void> applyAlone(ConsumedEvent event, KafkaRecord<String, byte[]> record) {
    return applyOr(
        List.of(event),
        failure ->
            deadLetters.send(
                List.of(
                    letter(
                        record, "could not be applied (" + event.describe() + "): " + failure))));
  }

  /**
   * Applies {@code events}, trying again a few times; when they still fail while the database
   * answers, the fault is theirs and {@code otherwise} handles it. While the database does not
   * answer, the failure stands and the caller tries again.
   */
  private Uni<Void> applyOr(List<ConsumedEvent> events, Function<Throwable, Uni<Void>> otherwise) {
    return handler
        .handle(events)
        .onFailure()
        .retry()
        .withBackOff(Duration.ofMillis(100), Duration.ofSeconds(1))
        .atMost(ATTEMPTS_BEFORE_ISOLATING - 1L)
        .replaceWithVoid()
        .onFailure()
        .recoverWithUni(
            failure ->
                database
                    .answers()
                    .chain(
                        up -> up ? otherwise.apply(failure) : Uni.createFrom().failure(failure)));
  }

  private static DeadLetters.DeadLetter letter(KafkaRecord<String, byte[]> record, String reason) {
    return new DeadLetters.DeadLetter(
        record.getKey(),
        record.getPayload(),
        record.getTopic(),
        record.getPartition(),
        offsetOf(record),
        reason);
  }

  private static long offsetOf(KafkaRecord<String, byte[]> record) {
    return record
        .getMetadata(IncomingKafkaRecordMetadata.class)
        .map(IncomingKafkaRecordMetadata::getOffset)
        .orElse(-1L);
  }
}
