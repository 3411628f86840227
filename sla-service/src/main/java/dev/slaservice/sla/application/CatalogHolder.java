package dev.slaservice.sla.application;

import dev.slaservice.sla.domain.policy.BuiltInCatalog;
import dev.slaservice.sla.domain.policy.VersionedCatalog;
import dev.slaservice.sla.domain.sla.SlaEvaluator;
import dev.slaservice.sla.persistence.CalendarStore;
import dev.slaservice.sla.persistence.CatalogChanges;
import dev.slaservice.sla.persistence.PlanStore;
import dev.slaservice.sla.persistence.Sql;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The catalog in force: built-in plans and calendars plus the calendar and plan versions stored
 * through the API. Every batch, timer run and read checks the stored version counts first (indexed
 * counts), so all instances judge by the same versions without a cache to invalidate.
 */
@ApplicationScoped
public class CatalogHolder {

  /**
   * The catalog with the evaluator over it, and how many stored versions (and plan retirements) it
   * was built from.
   */
  public record Snapshot(VersionedCatalog catalog, SlaEvaluator evaluator, long storedVersions) {}

  private final BuiltInCatalog builtIn;
  private final CalendarStore calendars;
  private final PlanStore plans;
  private final CatalogChanges changes;
  private final Mutiny.SessionFactory sessions;
  private final AtomicReference<Snapshot> current;

  public CatalogHolder(
      BuiltInCatalog builtIn,
      CalendarStore calendars,
      PlanStore plans,
      CatalogChanges changes,
      Mutiny.SessionFactory sessions) {
    this.builtIn = builtIn;
    this.changes = changes;
    this.sessions = sessions;
    this.calendars = calendars;
    this.plans = plans;
    VersionedCatalog catalog = new VersionedCatalog(builtIn, List.of());
    this.current = new AtomicReference<>(new Snapshot(catalog, new SlaEvaluator(catalog), 0));
  }

  /**
   * The catalog as stored now, checked on the write path's connection and loaded again, in a
   * session of its own, only when it changed since the last look.
   */
  public Uni<Snapshot> refresh(Sql sql) {
    return changes
        .count(sql)
        .chain(
            count ->
                count == current.get().storedVersions()
                    ? Uni.createFrom().item(current.get())
                    : sessions.withSession(this::refresh));
  }

  /** The catalog as stored now, as the session sees it, reloaded only when it changed. */
  public Uni<Snapshot> refresh(Mutiny.Session session) {
    return calendars
        .count(session)
        .chain(
            calendarCount ->
                plans
                    .changes(session)
                    .chain(
                        planChanges -> {
                          long count = calendarCount + planChanges;
                          Snapshot known = current.get();
                          if (count == known.storedVersions()) {
                            return Uni.createFrom().item(known);
                          }
                          return load(session, count);
                        }));
  }

  private Uni<Snapshot> load(Mutiny.Session session, long count) {
    return calendars
        .all(session)
        .chain(
            versions ->
                plans
                    .all(session)
                    .map(
                        planVersions -> {
                          VersionedCatalog catalog =
                              new VersionedCatalog(builtIn, versions, planVersions);
                          Snapshot fresh = new Snapshot(catalog, new SlaEvaluator(catalog), count);
                          current.set(fresh);
                          return fresh;
                        }));
  }

  /**
   * The catalog as last loaded, without asking the database (for checks that cannot wait on it).
   */
  public Snapshot latest() {
    return current.get();
  }
}
