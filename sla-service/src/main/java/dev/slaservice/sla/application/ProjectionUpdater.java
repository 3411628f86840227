package dev.slaservice.sla.application;

import dev.slaservice.events.SlaEvent;
import dev.slaservice.events.SlaEventCodec;
import dev.slaservice.events.TicketEvent;
import dev.slaservice.sla.domain.policy.PolicyCatalog;
import dev.slaservice.sla.domain.policy.Subscription;
import dev.slaservice.sla.domain.sla.SlaEvaluator;
import dev.slaservice.sla.domain.sla.SlaFact;
import dev.slaservice.sla.domain.sla.SlaProjector;
import dev.slaservice.sla.domain.sla.TicketFold;
import dev.slaservice.sla.domain.sla.TicketSla;
import dev.slaservice.sla.messaging.Topics;
import dev.slaservice.sla.persistence.CompensationQueue;
import dev.slaservice.sla.persistence.EventStore;
import dev.slaservice.sla.persistence.Outbox;
import dev.slaservice.sla.persistence.ProjectionStore;
import dev.slaservice.sla.persistence.Sql;
import dev.slaservice.sla.persistence.TimerStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Brings tickets' projections up to date and writes, in the caller's transaction, their projection
 * rows, their next timers and the outgoing events for what changed. A ticket's kept fold takes the
 * events appended after it; only a ticket whose fold cannot take them, or a rebuild, has its
 * history read and folded in full (ADR 0016).
 */
@ApplicationScoped
public class ProjectionUpdater {

  private static final Logger LOG = Logger.getLogger(ProjectionUpdater.class);

  private final EventStore eventStore;
  private final ProjectionStore projections;
  private final TimerStore timers;
  private final Outbox outbox;
  private final CatalogHolder catalog;
  private final CompensationUpdater compensation;
  private final CompensationQueue queue;

  public ProjectionUpdater(
      EventStore eventStore,
      ProjectionStore projections,
      TimerStore timers,
      Outbox outbox,
      CatalogHolder catalog,
      CompensationUpdater compensation,
      CompensationQueue queue) {
    this.eventStore = eventStore;
    this.projections = projections;
    this.timers = timers;
    this.outbox = outbox;
    this.catalog = catalog;
    this.compensation = compensation;
    this.queue = queue;
  }

  /**
   * LIVE publishes every new fact. REBUILD does too, except for a ticket (or customer-month) with
   * no record of what was published (a wiped projection): its state is restored silently, since the
   * world was already told.
   */
  public enum Mode {
    LIVE,
    REBUILD
  }

  /**
   * @return how many records went to the outbox for the tickets
   */
  public Uni<Integer> refresh(Sql sql, Collection<String> ticketIds, Instant now) {
    return refresh(sql, ticketIds, Map.of(), Set.of(), now, Mode.LIVE);
  }

  /**
   * Brings the tickets up to date, then re-computes compensation for {@code customers} and, when
   * LIVE, for the tickets' customers whose breaches or exclusions may have changed.
   *
   * @param appended by ticket, the events this transaction appended to the store, in their order
   * @return how many records went to the outbox for the tickets
   */
  public Uni<Integer> refresh(
      Sql sql,
      Collection<String> ticketIds,
      Map<String, List<TicketEvent>> appended,
      Collection<String> customers,
      Instant now,
      Mode mode) {
    List<String> ids = List.copyOf(new TreeSet<>(ticketIds));
    return catalog
        .refresh(sql)
        .chain(
            snapshot -> {
              if (ids.isEmpty()) {
                return compensate(sql, customers, snapshot.catalog(), now, mode).replaceWith(0);
              }
              // locked before the histories are read: a batch that appends to a ticket meanwhile
              // waits for the lock, and whichever locks second sees everything committed by then
              return projections
                  .lockKept(sql, ids)
                  .chain(
                      kept ->
                          fold(sql, ids, kept, appended, snapshot.evaluator(), mode)
                              .chain(
                                  folded ->
                                      write(sql, folded, kept, snapshot.evaluator(), now, mode)))
                  .chain(
                      written -> {
                        Set<String> all = new HashSet<>(customers);
                        // a rebuild re-computes each customer once, after all tickets are restored:
                        // a statement
                        // computed from a half-restored customer would be published as a correction
                        // later
                        if (mode == Mode.LIVE) {
                          all.addAll(written.customers());
                        }
                        return compensate(sql, all, snapshot.catalog(), now, mode)
                            .replaceWith(written.records());
                      });
            });
  }

  /**
   * Live changes queue their customers, whose statements the compensation drain re-computes in
   * transactions of their own (ADR 0008): a breach does not wait for its customer's statement,
   * which reads every ticket of the customer. A rebuild re-computes in its own transaction.
   */
  private Uni<Void> compensate(
      Sql sql, Collection<String> customers, PolicyCatalog policies, Instant now, Mode mode) {
    return mode == Mode.LIVE
        ? queue.enqueue(sql, customers, now)
        : compensation.refresh(sql, customers, policies, now, mode);
  }

  /** How many records went to the outbox, and the customers whose compensation may have changed. */
  private record Written(int records, Set<String> customers) {}

  /** The customers named by the tickets' TicketOpened events. */
  static Set<String> customersOf(Map<String, List<TicketEvent>> histories) {
    Set<String> customers = new HashSet<>();
    histories
        .values()
        .forEach(
            events ->
                events.stream()
                    .filter(TicketEvent.TicketOpened.class::isInstance)
                    .forEach(e -> customers.add(((TicketEvent.TicketOpened) e).customerId())));
    return customers;
  }

  /**
   * The tickets' folds and event counts, with their customers' subscriptions, ready to evaluate.
   *
   * @param folds by ticket, absent for a ticket not opened yet
   */
  record Folded(
      List<String> ticketIds,
      Map<String, TicketFold> folds,
      Map<String, Integer> eventCounts,
      Map<String, List<Subscription>> subscriptions) {}

  /**
   * Each ticket's fold: its kept fold with the appended events applied where it can take them, else
   * a full fold of its history, read from the store. A ticket without a projection row has no
   * history but what this transaction appended, since every append writes its tickets' rows in the
   * same transaction.
   */
  private Uni<Folded> fold(
      Sql sql,
      List<String> ids,
      Map<String, ProjectionStore.Kept> kept,
      Map<String, List<TicketEvent>> appended,
      SlaEvaluator evaluator,
      Mode mode) {
    Map<String, TicketFold> folds = new HashMap<>();
    Map<String, Integer> counts = new HashMap<>();
    List<String> unfolded = new ArrayList<>();
    for (String ticketId : ids) {
      List<TicketEvent> added = appended.getOrDefault(ticketId, List.of());
      ProjectionStore.Kept row = kept.get(ticketId);
      if (mode == Mode.LIVE && row == null) {
        evaluator.fold(ticketId, added).ifPresent(f -> folds.put(ticketId, f));
        counts.put(ticketId, added.size());
        continue;
      }
      Optional<TicketFold> advanced =
          mode == Mode.LIVE
              ? row.fold().flatMap(f -> evaluator.advance(f, added))
              : Optional.empty();
      if (advanced.isPresent()) {
        folds.put(ticketId, advanced.get());
        counts.put(ticketId, row.eventCount() + added.size());
      } else {
        unfolded.add(ticketId);
      }
    }
    Uni<Map<String, List<TicketEvent>>> histories =
        unfolded.isEmpty()
            ? Uni.createFrom().item(Map.of())
            : eventStore.ticketHistories(sql, unfolded);
    return histories.chain(
        read -> {
          for (String ticketId : unfolded) {
            List<TicketEvent> history = read.getOrDefault(ticketId, List.of());
            evaluator.fold(ticketId, history).ifPresent(f -> folds.put(ticketId, f));
            counts.put(ticketId, history.size());
          }
          Set<String> customers = new HashSet<>();
          folds.values().forEach(f -> customers.add(f.opened().customerId()));
          return eventStore
              .subscriptions(sql, customers)
              .map(subscriptions -> new Folded(ids, folds, counts, subscriptions));
        });
  }

  private Uni<Written> write(
      Sql sql,
      Folded folded,
      Map<String, ProjectionStore.Kept> kept,
      SlaEvaluator evaluator,
      Instant now,
      Mode mode) {
    Evaluated evaluated = evaluate(folded, kept, evaluator, now, mode);
    return projections
        .upsert(sql, evaluated.rows())
        .chain(() -> timers.reschedule(sql, evaluated.nextTimers()))
        .chain(() -> outbox.add(sql, evaluated.records()))
        .replaceWith(new Written(evaluated.records().size(), evaluated.customers()));
  }

  /**
   * What the tickets' folds come to: their rows, next timers (null to clear), the outgoing records
   * and the customers whose compensation may have changed.
   */
  record Evaluated(
      List<ProjectionStore.Row> rows,
      Map<String, Instant> nextTimers,
      List<Outbox.Message> records,
      Set<String> customers) {}

  static Evaluated evaluate(
      Folded folded,
      Map<String, ProjectionStore.Kept> kept,
      SlaEvaluator evaluator,
      Instant now,
      Mode mode) {
    Map<String, List<Subscription>> subscriptions = folded.subscriptions();
    Set<String> compensationCustomers = new HashSet<>();
    List<ProjectionStore.Row> rows = new ArrayList<>();
    Map<String, Instant> nextTimers = new HashMap<>();
    List<Outbox.Message> records = new ArrayList<>();
    for (String ticketId : folded.ticketIds()) {
      TicketFold fold = folded.folds().get(ticketId);
      TicketSla sla =
          fold == null
              ? evaluator.evaluate(ticketId, List.of(), now)
              : evaluator.evaluate(
                  fold, subscriptions.getOrDefault(fold.opened().customerId(), List.of()), now);
      ProjectionStore.Kept row = kept.get(ticketId);
      List<SlaFact> before = row == null ? List.of() : row.published();
      SlaProjector.Transition transition = SlaProjector.advance(before, sla, now);
      // only a changed set of breaches, or an exclusion, can change what the customer is owed, and
      // only a customer with a subscription is owed anything
      if (sla.opened()
          && subscriptions.containsKey(sla.customerId())
          && (!breaches(before).equals(breaches(transition.published()))
              || sla.exclusion().isPresent())) {
        compensationCustomers.add(sla.customerId());
      }
      rows.add(
          new ProjectionStore.Row(
              sla, fold, transition.published(), folded.eventCounts().get(ticketId), now));
      nextTimers.put(ticketId, sla.nextChange().orElse(null));
      if (mode == Mode.REBUILD && row == null) {
        continue;
      }
      for (SlaEvent event : transition.outgoing()) {
        // debug: a burst of breaches would log a line each, and the topics are the record of what
        // was published
        LOG.debugf(
            "ticket %s: %s %s (deadline %s, id %s)",
            ticketId, event.typeName(), event.metric(), event.deadline(), event.id());
        records.add(
            new Outbox.Message(
                Topics.of(event),
                event.ticketId(),
                event.id(),
                event.typeName(),
                event.planId(),
                event.metric().name(),
                SlaEventCodec.write(event),
                now));
      }
    }
    return new Evaluated(rows, nextTimers, records, compensationCustomers);
  }

  private static Set<String> breaches(List<SlaFact> facts) {
    return facts.stream()
        .filter(SlaFact.Breach.class::isInstance)
        .map(SlaFact::key)
        .collect(Collectors.toSet());
  }

  static List<Subscription> subscriptionsOf(
      List<TicketEvent> history, Map<String, List<Subscription>> subscriptions) {
    return history.stream()
        .filter(TicketEvent.TicketOpened.class::isInstance)
        .findFirst()
        .map(
            e -> subscriptions.getOrDefault(((TicketEvent.TicketOpened) e).customerId(), List.of()))
        .orElse(List.of());
  }
}
