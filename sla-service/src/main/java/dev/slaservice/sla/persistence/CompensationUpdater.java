package dev.slaservice.sla.persistence;

import dev.slaservice.events.CompensationEvent;
import dev.slaservice.events.CompensationEventCodec;
import dev.slaservice.sla.domain.compensation.Claim;
import dev.slaservice.sla.domain.compensation.CompensationLedger;
import dev.slaservice.sla.domain.compensation.CompensationProjector;
import dev.slaservice.sla.domain.compensation.CustomerTicket;
import dev.slaservice.sla.domain.compensation.Statement;
import dev.slaservice.sla.domain.policy.PolicyCatalog;
import dev.slaservice.sla.domain.policy.Subscription;
import dev.slaservice.sla.messaging.Topics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Re-computes customers' monthly statements in the caller's transaction and writes to the outbox
 * what billing has not been told yet. Customers are locked one by one in id order.
 */
@ApplicationScoped
public class CompensationUpdater {

  private static final Logger LOG = Logger.getLogger(CompensationUpdater.class);

  private final CompensationStore store;
  private final EventStore eventStore;
  private final Outbox outbox;

  public CompensationUpdater(CompensationStore store, EventStore eventStore, Outbox outbox) {
    this.store = store;
    this.eventStore = eventStore;
    this.outbox = outbox;
  }

  /** Everything a statement is computed from, for one customer. */
  public record CustomerBooks(List<Subscription> subscriptions, List<CustomerTicket> tickets, List<Claim> claims) {
  }

  public Uni<CustomerBooks> books(Mutiny.Session session, String customerId) {
    return eventStore.subscriptions(session, List.of(customerId))
        .chain(subscriptions -> store.tickets(session, customerId)
            .chain(tickets -> store.claims(session, customerId)
                .map(claims -> new CustomerBooks(subscriptions.getOrDefault(customerId, List.of()), tickets, claims))));
  }

  /** In REBUILD mode a month with no record of what was published is restored without publishing. */
  public Uni<Void> refresh(Mutiny.Session session, Collection<String> customerIds, PolicyCatalog catalog,
                           Instant now, ProjectionUpdater.Mode mode) {
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (String customer : new TreeSet<>(customerIds)) {
      chain = chain.chain(() -> refreshOne(session, customer, catalog, now, mode));
    }
    return chain;
  }

  private Uni<Void> refreshOne(Mutiny.Session session, String customerId, PolicyCatalog catalog, Instant now,
                               ProjectionUpdater.Mode mode) {
    CompensationLedger ledger = new CompensationLedger(catalog);
    return store.lockCustomer(session, customerId)
        .chain(() -> books(session, customerId))
        .chain(books -> store.published(session, customerId).chain(published -> {
          TreeSet<YearMonth> months = new TreeSet<>(published.keySet());
          months.addAll(CompensationLedger.monthsWithActivity(books.subscriptions(), books.tickets(), books.claims()));
          List<Outbox.Entry> records = new ArrayList<>();
          Uni<Void> saves = Uni.createFrom().voidItem();
          for (YearMonth month : months) {
            Optional<Statement> statement = ledger.statement(customerId, month, books.subscriptions(), books.tickets(),
                books.claims());
            if (statement.isEmpty()) {
              continue;
            }
            CompensationProjector.Transition transition = CompensationProjector.advance(
                published.getOrDefault(month, CompensationProjector.Published.nothing()), statement.get(), now);
            if (mode == ProjectionUpdater.Mode.LIVE || published.containsKey(month)) {
              for (CompensationEvent event : transition.outgoing()) {
                LOG.infof("customer %s %s: %s (id %s)", customerId, month, event.typeName(), event.id());
                records.add(Outbox.Entry.pending(Topics.SLA_COMPENSATIONS, customerId, event.id(), event.typeName(),
                    CompensationEventCodec.write(event), now));
              }
            }
            if (!transition.published().equals(published.get(month))) {
              saves = saves.chain(() -> store.save(session, customerId, month, transition.published(), now));
            }
          }
          return saves.chain(() -> outbox.add(session, records));
        }));
  }

  /** A month's statement as it stands, computed from the books without locking. */
  public static Optional<Statement> statement(PolicyCatalog catalog, String customerId, YearMonth month,
                                              CustomerBooks books) {
    return new CompensationLedger(catalog).statement(customerId, month, books.subscriptions(), books.tickets(),
        books.claims());
  }

  static boolean isKnown(CustomerBooks books) {
    return !books.subscriptions().isEmpty() || !books.tickets().isEmpty();
  }
}
