package dev.slaservice.sla.application;

import dev.slaservice.events.TicketEvent;
import dev.slaservice.sla.application.ProjectionUpdater.Evaluated;
import dev.slaservice.sla.application.ProjectionUpdater.Folded;
import dev.slaservice.sla.application.ProjectionUpdater.Mode;
import dev.slaservice.sla.domain.policy.Subscription;
import dev.slaservice.sla.domain.sla.SlaEvaluator;
import dev.slaservice.sla.domain.sla.TicketFold;
import dev.slaservice.sla.persistence.EventStore;
import dev.slaservice.sla.persistence.ProjectionStore;
import dev.slaservice.sla.persistence.Sql;
import dev.slaservice.sla.persistence.TimerStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Restores tickets into emptied projection tables from their histories, for a rebuild from scratch
 * (ADR 0018): reading a chunk, computing its rows apart from any transaction, and writing them are
 * separate steps, so a rebuild can do the three for different chunks at once.
 */
@ApplicationScoped
public class TicketRestore {

  private final EventStore eventStore;
  private final ProjectionStore projections;
  private final TimerStore timers;
  private final CatalogHolder catalog;

  public TicketRestore(
      EventStore eventStore,
      ProjectionStore projections,
      TimerStore timers,
      CatalogHolder catalog) {
    this.eventStore = eventStore;
    this.projections = projections;
    this.timers = timers;
    this.catalog = catalog;
  }

  /** What restoring tickets reads: their histories and every customer's subscriptions. */
  public record Sources(
      List<String> ticketIds,
      Map<String, List<TicketEvent>> histories,
      Map<String, List<Subscription>> subscriptions) {

    static final Sources NONE = new Sources(List.of(), Map.of(), Map.of());

    public int size() {
      return ticketIds.size();
    }

    /** The greatest ticket id; only called on sources that have tickets. */
    public String lastTicketId() {
      return ticketIds.get(ticketIds.size() - 1);
    }
  }

  /** The tickets' rows and timers, ready to write. */
  public record Restored(int size, ProjectionStore.Prepared rows, Map<String, Instant> timers) {

    static final Restored NONE = new Restored(0, ProjectionStore.prepare(List.of()), Map.of());
  }

  /** The catalog as stored now: read once the tables are held. */
  public Uni<CatalogHolder.Snapshot> catalog(Sql sql) {
    return catalog.refresh(sql);
  }

  /** Every customer's subscriptions, read once for a whole rebuild. */
  public Uni<Map<String, List<Subscription>>> subscriptions(Sql sql) {
    return eventStore.allSubscriptions(sql);
  }

  /**
   * Reads the histories of up to {@code limit} tickets after {@code after}, in id order, in one
   * query.
   */
  public Uni<Sources> readAfter(
      Sql sql, String after, int limit, Map<String, List<Subscription>> subscriptions) {
    return eventStore
        .historiesAfter(sql, after, limit)
        .map(histories -> new Sources(List.copyOf(histories.keySet()), histories, subscriptions));
  }

  /** Computes the tickets' restored state: the world was already told, so nothing is published. */
  public static Restored restoration(Sources sources, CatalogHolder.Snapshot catalog, Instant now) {
    if (sources.ticketIds().isEmpty()) {
      return Restored.NONE;
    }
    SlaEvaluator evaluator = catalog.evaluator();
    Evaluated evaluated =
        ProjectionUpdater.evaluate(
            folded(sources, evaluator), Map.of(), evaluator, now, Mode.REBUILD);
    Map<String, Instant> due = new HashMap<>();
    evaluated
        .nextTimers()
        .forEach(
            (ticketId, at) -> {
              if (at != null) {
                due.put(ticketId, at);
              }
            });
    return new Restored(sources.size(), ProjectionStore.prepare(evaluated.rows()), due);
  }

  private static Folded folded(Sources sources, SlaEvaluator evaluator) {
    Map<String, TicketFold> folds = new HashMap<>();
    Map<String, Integer> counts = new HashMap<>();
    for (String ticketId : sources.ticketIds()) {
      List<TicketEvent> history = sources.histories().getOrDefault(ticketId, List.of());
      evaluator.fold(ticketId, history).ifPresent(fold -> folds.put(ticketId, fold));
      counts.put(ticketId, history.size());
    }
    return new Folded(sources.ticketIds(), folds, counts, sources.subscriptions());
  }

  /**
   * Writes restored tickets that have no projection row and no timer. Sound only while the caller
   * holds the projection tables ({@code RebuildStore.lockAndWipe}): no other transaction can then
   * give these tickets a row, and a batch that appends to their histories, or changes their
   * customers' subscriptions, cannot commit before the caller does, so what was read is still
   * everything committed for them; nor can a catalog change re-evaluate them before it.
   */
  public Uni<Void> restore(Sql sql, Restored restored) {
    return projections
        .insert(sql, restored.rows())
        .chain(() -> timers.insert(sql, restored.timers()));
  }
}
