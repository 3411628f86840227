package dev.slaservice.sla.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.slaservice.events.CheckedEvent;
import dev.slaservice.events.InboundEvent;
import dev.slaservice.events.InboundEventCodec;
import dev.slaservice.sla.messaging.TicketEventPublisher;
import dev.slaservice.sla.persistence.ZammadSnapshots;
import dev.slaservice.sla.webhook.Delivery;
import dev.slaservice.sla.webhook.Mappers;
import dev.slaservice.sla.webhook.WebhookResult;
import dev.slaservice.sla.webhook.ZammadMapper;
import dev.slaservice.sla.webhook.ZammadSnapshot;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What an authenticated webhook delivery becomes: mapped by its helpdesk's mapper, read as POST
 * /events reads its body, and published; for Zammad, the ticket's snapshot kept once its events are
 * in Kafka.
 */
@ApplicationScoped
public class WebhookIntake {

  /** The answer: {@code accepted} with the eventIds, or {@code ignored} with the reason. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Answer(String status, String reason, List<String> eventIds) {}

  private final EventRequestReader reader;
  private final TicketEventPublisher publisher;
  private final ZammadSnapshots snapshots;

  public WebhookIntake(
      EventRequestReader reader, TicketEventPublisher publisher, ZammadSnapshots snapshots) {
    this.reader = reader;
    this.publisher = publisher;
    this.snapshots = snapshots;
  }

  /** The answer to the delivery: its events accepted, or the reason none was derived. */
  Uni<Answer> take(Delivery delivery) {
    return switch (delivery.connection().source()) {
      case JIRA, ZENDESK, GITHUB ->
          answer(delivery, Mappers.map(delivery), Uni.createFrom().voidItem());
      case ZAMMAD -> zammad(delivery);
    };
  }

  private Uni<Answer> zammad(Delivery delivery) {
    String connection = delivery.connection().name();
    String number = ZammadMapper.ticketNumber(delivery.payload());
    Uni<Optional<ZammadSnapshot>> last =
        number == null
            ? Uni.createFrom().item(Optional.empty())
            : snapshots.last(connection, number);
    return last.chain(
        previous -> {
          ZammadMapper.Outcome outcome = ZammadMapper.map(delivery, previous);
          // the snapshot is kept only after its events are in Kafka: a failed delivery is retried
          // and derives the same events with the same ids
          Uni<Void> keep =
              outcome.snapshot() == null
                  ? Uni.createFrom().voidItem()
                  : snapshots.keep(connection, outcome.ticketId(), outcome.snapshot());
          return answer(delivery, outcome.result(), keep);
        });
  }

  private Uni<Answer> answer(Delivery delivery, WebhookResult result, Uni<Void> afterwards) {
    if (result instanceof WebhookResult.Ignored ignored) {
      return afterwards.map(done -> new Answer("ignored", ignored.reason(), null));
    }
    if (result instanceof WebhookResult.Malformed malformed) {
      throw new ProblemException(
          Response.Status.BAD_REQUEST,
          malformed.missing().stream().map(m -> new Problem.FieldError(null, "", m)).toList(),
          "webhook.shape",
          delivery.connection().source().wireName(),
          String.join("; ", malformed.missing()));
    }
    // the same reader as POST /events: field shapes, the catalog's plans and priorities, repeated
    // ids
    String batch =
        ((WebhookResult.Events) result)
            .events().stream()
                .map(InboundEventCodec::write)
                .collect(Collectors.joining(",", "[", "]"));
    List<CheckedEvent> checked = reader.read(batch);
    List<InboundEvent> events = checked.stream().map(CheckedEvent::event).toList();
    return reader
        .withPlans(checked)
        .chain(publisher::publish)
        .chain(() -> afterwards)
        .map(
            done ->
                new Answer("accepted", null, events.stream().map(InboundEvent::eventId).toList()));
  }
}
