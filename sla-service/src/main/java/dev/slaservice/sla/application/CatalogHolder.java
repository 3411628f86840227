package dev.slaservice.sla.application;

import dev.slaservice.sla.domain.policy.BuiltInCatalog;
import dev.slaservice.sla.domain.policy.VersionedCatalog;
import dev.slaservice.sla.domain.sla.SlaEvaluator;
import dev.slaservice.sla.persistence.CalendarStore;
import dev.slaservice.sla.persistence.PlanStore;
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
  private final AtomicReference<Snapshot> current;

  public CatalogHolder(BuiltInCatalog builtIn, CalendarStore calendars, PlanStore plans) {
    this.builtIn = builtIn;
    this.calendars = calendars;
    this.plans = plans;
    VersionedCatalog catalog = new VersionedCatalog(builtIn, List.of());
    this.current = new AtomicReference<>(new Snapshot(catalog, new SlaEvaluator(catalog), 0));
  }

  /** The catalog as stored now, reloaded only when a version was added since the last look. */
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
                          return calendars
                              .all(session)
                              .chain(
                                  versions ->
                                      plans
                                          .all(session)
                                          .map(
                                              planVersions -> {
                                                VersionedCatalog catalog =
                                                    new VersionedCatalog(
                                                        builtIn, versions, planVersions);
                                                Snapshot fresh =
                                                    new Snapshot(
                                                        catalog, new SlaEvaluator(catalog), count);
                                                current.set(fresh);
                                                return fresh;
                                              }));
                        }));
  }

  /**
   * The catalog as last loaded, without asking the database (for checks that cannot wait on it).
   */
  public Snapshot latest() {
    return current.get();
  }
}
