package dev.slaservice.sla.application;

import dev.slaservice.events.CompensationEvent;
import dev.slaservice.events.CompensationEventCodec;
import dev.slaservice.sla.domain.compensation.Claim;
import dev.slaservice.sla.domain.compensation.CompensationLedger;
import dev.slaservice.sla.domain.compensation.CompensationProjector;
import dev.slaservice.sla.domain.compensation.CustomerTicket;
import dev.slaservice.sla.domain.compensation.Statement;
import dev.slaservice.sla.domain.compensation.UnbreachedTickets;
import dev.slaservice.sla.domain.policy.PolicyCatalog;
import dev.slaservice.sla.domain.policy.Subscription;
import dev.slaservice.sla.messaging.Topics;
import dev.slaservice.sla.persistence.CompensationStore;
import dev.slaservice.sla.persistence.EventStore;
import dev.slaservice.sla.persistence.Outbox;
import dev.slaservice.sla.persistence.Sql;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Re-computes customers' monthly statements in the caller's transaction and writes to the outbox
 * what billing has not been told yet.
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
  public record CustomerBooks(
      List<Subscription> subscriptions,
      List<CustomerTicket> tickets,
      List<UnbreachedTickets> unbreached,
      List<Claim> claims) {}

  public Uni<CustomerBooks> books(Sql sql, String customerId) {
    return books(sql, List.of(customerId)).map(books -> books.get(customerId));
  }

  /** Each customer's books, read in a few statements whatever the number of customers. */
  private Uni<Map<String, CustomerBooks>> books(Sql sql, List<String> customerIds) {
    return eventStore
        .subscriptions(sql, customerIds)
        .chain(
            subscriptions ->
                store
                    .tickets(sql, customerIds)
                    .chain(
                        tickets ->
                            store
                                .unbreached(sql, customerIds)
                                .chain(
                                    unbreached ->
                                        store
                                            .claims(sql, customerIds)
                                            .map(
                                                claims -> {
                                                  Map<String, CustomerBooks> books =
                                                      new HashMap<>();
                                                  for (String customer : customerIds) {
                                                    books.put(
                                                        customer,
                                                        new CustomerBooks(
                                                            subscriptions.getOrDefault(
                                                                customer, List.of()),
                                                            tickets.getOrDefault(
                                                                customer, List.of()),
                                                            unbreached.getOrDefault(
                                                                customer, List.of()),
                                                            claims.getOrDefault(
                                                                customer, List.of())));
                                                  }
                                                  return books;
                                                }))));
  }

  /**
   * Re-computes the customers' statements: all of them are locked first, then read and written
   * {@value #GROUP} customers at a time, a few statements per group whatever its size. In REBUILD
   * mode a month with no record of what was published is restored without publishing.
   */
  public Uni<Void> refresh(
      Sql sql,
      Collection<String> customerIds,
      PolicyCatalog catalog,
      Instant now,
      ProjectionUpdater.Mode mode) {
    if (customerIds.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<String> ids = List.copyOf(new TreeSet<>(customerIds));
    CompensationLedger ledger = new CompensationLedger(catalog);
    Uni<Void> chain = store.lockCustomers(sql, ids);
    for (int from = 0; from < ids.size(); from += GROUP) {
      List<String> group = ids.subList(from, Math.min(ids.size(), from + GROUP));
      chain = chain.chain(() -> refreshGroup(sql, group, ledger, now, mode));
    }
    return chain;
  }

  /** Customers read and written together: bounded, since each brings all of its tickets. */
  static final int GROUP = 32;

  private Uni<Void> refreshGroup(
      Sql sql,
      List<String> customers,
      CompensationLedger ledger,
      Instant now,
      ProjectionUpdater.Mode mode) {
    return books(sql, customers)
        .chain(
            books ->
                store
                    .published(sql, customers)
                    .chain(
                        published -> {
                          List<CompensationStore.Saved> saves = new ArrayList<>();
                          List<Outbox.Message> records = new ArrayList<>();
                          for (String customer : customers) {
                            advance(
                                ledger,
                                customer,
                                books.get(customer),
                                published.getOrDefault(customer, Map.of()),
                                now,
                                mode,
                                saves,
                                records);
                          }
                          return store.save(sql, saves, now).chain(() -> outbox.add(sql, records));
                        }));
  }

  private static void advance(
      CompensationLedger ledger,
      String customerId,
      CustomerBooks books,
      Map<YearMonth, CompensationProjector.Published> published,
      Instant now,
      ProjectionUpdater.Mode mode,
      List<CompensationStore.Saved> saves,
      List<Outbox.Message> records) {
    TreeSet<YearMonth> months = new TreeSet<>(published.keySet());
    months.addAll(
        CompensationLedger.monthsWithActivity(
            books.subscriptions(), books.tickets(), books.unbreached(), books.claims()));
    for (YearMonth month : months) {
      Optional<Statement> statement = statement(ledger, customerId, month, books);
      if (statement.isEmpty()) {
        continue;
      }
      CompensationProjector.Transition transition =
          CompensationProjector.advance(
              published.getOrDefault(month, CompensationProjector.Published.nothing()),
              statement.get(),
              now);
      if (mode == ProjectionUpdater.Mode.LIVE || published.containsKey(month)) {
        for (CompensationEvent event : transition.outgoing()) {
          LOG.debugf("customer %s %s: %s (id %s)", customerId, month, event.typeName(), event.id());
          records.add(
              new Outbox.Message(
                  Topics.SLA_COMPENSATIONS,
                  customerId,
                  event.id(),
                  event.typeName(),
                  null,
                  null,
                  CompensationEventCodec.write(event),
                  now));
        }
      }
      if (!transition.published().equals(published.get(month))) {
        saves.add(new CompensationStore.Saved(customerId, month, transition.published()));
      }
    }
  }

  /** A month's statement as it stands, computed from the books without locking. */
  public static Optional<Statement> statement(
      PolicyCatalog catalog, String customerId, YearMonth month, CustomerBooks books) {
    return statement(new CompensationLedger(catalog), customerId, month, books);
  }

  private static Optional<Statement> statement(
      CompensationLedger ledger, String customerId, YearMonth month, CustomerBooks books) {
    return ledger.statement(
        customerId,
        month,
        books.subscriptions(),
        books.tickets(),
        books.unbreached(),
        books.claims());
  }

  static boolean isKnown(CustomerBooks books) {
    return !books.subscriptions().isEmpty()
        || !books.tickets().isEmpty()
        || !books.unbreached().isEmpty();
  }
}
