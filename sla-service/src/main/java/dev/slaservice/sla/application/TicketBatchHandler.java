package dev.slaservice.sla.application;

import dev.slaservice.events.CustomerEvent;
import dev.slaservice.events.InboundEvent;
import dev.slaservice.events.TicketEvent;
import dev.slaservice.sla.persistence.ConsumedEvent;
import dev.slaservice.sla.persistence.EventStore;
import dev.slaservice.sla.persistence.ProjectionStore;
import dev.slaservice.sla.persistence.SubscriptionLocks;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies one batch of consumed events in one transaction: order it against concurrent subscription
 * changes ({@link SubscriptionLocks}), append to the event store, bring the tickets they touch up
 * to date (and every ticket of a customer whose subscription changed), reschedule their timers,
 * write the outbox. The caller commits Kafka offsets only after this completes.
 */
@ApplicationScoped
public class TicketBatchHandler {

  private final UnitOfWork unitOfWork;
  private final EventStore eventStore;
  private final ProjectionUpdater updater;
  private final ProjectionStore projections;
  private final SubscriptionLocks subscriptionLocks;

  public TicketBatchHandler(
      UnitOfWork unitOfWork,
      EventStore eventStore,
      ProjectionUpdater updater,
      ProjectionStore projections,
      SubscriptionLocks subscriptionLocks) {
    this.unitOfWork = unitOfWork;
    this.eventStore = eventStore;
    this.updater = updater;
    this.projections = projections;
    this.subscriptionLocks = subscriptionLocks;
  }

  /**
   * @return how many records went to the outbox
   */
  public Uni<Integer> handle(List<ConsumedEvent> events) {
    if (events.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    Set<String> tickets = idsOf(events, TicketEvent.class, TicketEvent::ticketId);
    Set<String> resubscribed =
        idsOf(events, CustomerEvent.SubscriptionChanged.class, CustomerEvent::customerId);
    Set<String> customers = idsOf(events, CustomerEvent.class, CustomerEvent::customerId);
    Set<String> opening =
        idsOf(events, TicketEvent.TicketOpened.class, TicketEvent.TicketOpened::customerId);
    long started = System.nanoTime();
    return unitOfWork
        .run(
            (sql, now) ->
                subscriptionLocks
                    .lock(sql, resubscribed, opening)
                    .chain(() -> eventStore.append(sql, events, now))
                    .chain(
                        appended ->
                            projections
                                .ticketsOf(sql, resubscribed)
                                .chain(
                                    customerTickets -> {
                                      Set<String> all = new HashSet<>(tickets);
                                      all.addAll(customerTickets);
                                      return updater.refresh(
                                          sql,
                                          all,
                                          byTicket(appended),
                                          customers,
                                          now,
                                          ProjectionUpdater.Mode.LIVE);
                                    })),
            records -> records)
        .invoke(
            records ->
                unitOfWork
                    .metrics()
                    .batchApplied(Duration.ofNanos(System.nanoTime() - started), events.size()));
  }

  /** The ids {@code id} gives for the events of {@code type} among {@code events}. */
  private static <T> Set<String> idsOf(
      List<ConsumedEvent> events, Class<T> type, Function<? super T, String> id) {
    return events.stream()
        .map(ConsumedEvent::event)
        .filter(type::isInstance)
        .map(e -> id.apply(type.cast(e)))
        .collect(Collectors.toSet());
  }

  /** The ticket events among {@code appended}, by ticket, in their order. */
  private static Map<String, List<TicketEvent>> byTicket(List<InboundEvent> appended) {
    Map<String, List<TicketEvent>> byTicket = new HashMap<>();
    for (InboundEvent event : appended) {
      if (event instanceof TicketEvent ticketEvent) {
        byTicket.computeIfAbsent(ticketEvent.ticketId(), id -> new ArrayList<>()).add(ticketEvent);
      }
    }
    return byTicket;
  }
}
