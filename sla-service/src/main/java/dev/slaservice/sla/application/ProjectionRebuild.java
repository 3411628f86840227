package dev.slaservice.sla.application;

import dev.slaservice.sla.application.TicketRestore.Restored;
import dev.slaservice.sla.application.TicketRestore.Sources;
import dev.slaservice.sla.domain.policy.Subscription;
import dev.slaservice.sla.persistence.RebuildStore;
import dev.slaservice.sla.persistence.Sql;
import dev.slaservice.sla.runtime.Background;
import dev.slaservice.sla.runtime.BatchLoop;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Rebuilds every ticket's projection, timers and the compensation state by replaying the event
 * store, in the background, with progress.
 *
 * <p>A normal rebuild goes ticket chunk by ticket chunk, each in its own transaction that locks
 * just those tickets' rows the way event batches and timers do, so intake and processing go on
 * meanwhile; whichever of a batch and a chunk locks a ticket second re-folds it from everything
 * committed by then. The record of what was published is kept, so only what is genuinely new is
 * published and nothing twice.
 *
 * <p>{@code fromScratch} also forgets that record, so it must hold the projection tables for its
 * whole run (event batches and timers wait; HTTP intake goes on and Kafka keeps the events):
 * otherwise an event processed before its ticket is restored would publish every old fact again.
 */
@ApplicationScoped
public class ProjectionRebuild {

  private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);
  private static final int CHUNK = 500;

  /** Tickets restored a chunk at a time from scratch; larger than a walk's, as each is one read. */
  private static final int RESTORE_CHUNK = 2000;

  /** How a rebuild run stands. */
  public enum Status {
    RUNNING,
    SUCCEEDED,
    FAILED
  }

  /** How many tickets and customers a rebuild has to do, and has done. */
  public record Progress(
      long ticketsTotal, long ticketsDone, long customersTotal, long customersDone) {

    static final Progress NONE = new Progress(0, 0, 0, 0);

    Progress totals(long tickets, long customers) {
      return new Progress(tickets, ticketsDone, customers, customersDone);
    }

    Progress done(long tickets, long customers) {
      return new Progress(
          ticketsTotal, ticketsDone + tickets, customersTotal, customersDone + customers);
    }
  }

  /** A rebuild run and its progress; {@code error} is set when it FAILED. */
  public record Job(
      String id,
      boolean fromScratch,
      Status status,
      Instant startedAt,
      Instant finishedAt,
      Progress progress,
      String error) {

    Job with(Progress next) {
      return new Job(id, fromScratch, status, startedAt, finishedAt, next, error);
    }

    Job finished(Status outcome, Instant at, String failure) {
      return new Job(id, fromScratch, outcome, startedAt, at, progress, failure);
    }

    public Duration took(Instant now) {
      return Duration.between(startedAt, finishedAt == null ? now : finishedAt);
    }
  }

  /** Thrown when a rebuild is asked for while one runs. */
  public static final class AlreadyRunning extends RuntimeException {
    private final transient Job running;

    AlreadyRunning(Job running) {
      super("a rebuild is already running", null, false, false);
      this.running = running;
    }

    public Job running() {
      return running;
    }
  }

  private final Pool pool;
  private final RebuildStore store;
  private final TicketRestore restore;
  private final ProjectionUpdater updater;
  private final Clock clock;
  private final Vertx vertx;
  private final AtomicReference<Job> latest = new AtomicReference<>();

  public ProjectionRebuild(
      Pool pool,
      RebuildStore store,
      TicketRestore restore,
      ProjectionUpdater updater,
      Clock clock,
      Vertx vertx) {
    this.pool = pool;
    this.store = store;
    this.restore = restore;
    this.updater = updater;
    this.clock = clock;
    this.vertx = vertx;
  }

  /** The running or last rebuild since the service started. */
  public Optional<Job> latest() {
    return Optional.ofNullable(latest.get());
  }

  /** Starts a rebuild in the background. @throws AlreadyRunning while one runs */
  public Job start(boolean fromScratch) {
    Job job =
        new Job(
            UUID.randomUUID().toString(),
            fromScratch,
            Status.RUNNING,
            clock.instant(),
            null,
            Progress.NONE,
            null);
    Job previous = latest.get();
    if (previous != null && previous.status() == Status.RUNNING
        || !latest.compareAndSet(previous, job)) {
      throw new AlreadyRunning(latest.get());
    }
    LOG.infof("rebuild %s started (fromScratch=%s)", job.id(), fromScratch);
    Background.run(
        vertx,
        () -> run(fromScratch),
        done -> {
          Job finished =
              latest.updateAndGet(j -> j.finished(Status.SUCCEEDED, clock.instant(), null));
          LOG.infof(
              "rebuild %s rebuilt %d tickets and %d customers in %d ms",
              finished.id(),
              finished.progress().ticketsDone(),
              finished.progress().customersDone(),
              finished.took(finished.finishedAt()).toMillis());
        },
        failure -> {
          LOG.errorf(failure, "rebuild %s failed", job.id());
          latest.updateAndGet(j -> j.finished(Status.FAILED, clock.instant(), failure.toString()));
        });
    return job;
  }

  private Uni<Void> run(boolean fromScratch) {
    Uni<Void> counted =
        store
            .totals(Sql.of(pool))
            .invoke(
                row ->
                    latest.updateAndGet(
                        j -> j.with(j.progress().totals(row.tickets(), row.customers()))))
            .replaceWithVoid();
    return counted.chain(() -> fromScratch ? wipeAndReplay() : replayChunks());
  }

  private Uni<Void> replayChunks() {
    return walk(
            after -> pool.withTransaction(connection -> ticketChunk(Sql.of(connection), after)),
            this::ticketsDone)
        .chain(
            () ->
                walk(
                    after ->
                        pool.withTransaction(
                            connection -> customerChunk(Sql.of(connection), after)),
                    this::customersDone));
  }

  private Uni<Void> wipeAndReplay() {
    return pool.withTransaction(
        connection -> {
          Sql writer = Sql.of(connection);
          return store
              .lockAndWipe(writer)
              .chain(
                  () ->
                      pool.getConnection()
                          .chain(
                              reader ->
                                  restoreTickets(writer, Sql.of(reader)).eventually(reader::close)))
              .chain(() -> walk(after -> customerChunk(writer, after), this::customersDone));
        });
  }

  /**
   * Restores every ticket, chunk by chunk: while one chunk is written on {@code writer}, the next
   * is read on {@code reader} and folded. On one connection PostgreSQL and the service would take
   * turns, each idle while the other works (docs/adr/0004). The reads only touch the event store,
   * which the rebuild does not lock ({@link TicketRestore#restore}).
   */
  private Uni<Void> restoreTickets(Sql writer, Sql reader) {
    return restore
        .catalog(writer)
        .chain(
            catalog ->
                restore
                    .subscriptions(reader)
                    .chain(
                        subscriptions ->
                            restoreTickets(writer, new Chunks(reader, subscriptions, catalog))));
  }

  /**
   * Reads and folds the tickets' chunks in id order.
   *
   * @param subscriptions every customer's: a subscription change cannot commit while the tables are
   *     held, since it re-folds its customer's tickets
   * @param catalog as stored once the tables are held: a catalog change re-evaluates its tickets
   *     after the rebuild commits
   */
  private record Chunks(
      Sql reader, Map<String, List<Subscription>> subscriptions, CatalogHolder.Snapshot catalog) {}

  /**
   * A pipeline of three stages, each step waiting for all three: writing a folded chunk, folding
   * the chunk read before on a worker thread, and reading the next one.
   */
  private Uni<Void> restoreTickets(Sql writer, Chunks chunks) {
    AtomicReference<Restored> folded = new AtomicReference<>(Restored.NONE);
    AtomicReference<Sources> read = new AtomicReference<>();
    return nextChunk(chunks, "")
        .invoke(read::set)
        .chain(
            () ->
                BatchLoop.whileFull(
                    () -> {
                      Restored writing = folded.get();
                      Sources folding = read.get();
                      Uni<Sources> ahead =
                          folding.size() < RESTORE_CHUNK
                              ? Uni.createFrom().item(Sources.NONE)
                              : nextChunk(chunks, folding.lastTicketId());
                      Instant now = clock.instant();
                      Uni<Restored> fold =
                          Background.compute(
                              () -> TicketRestore.restoration(folding, chunks.catalog(), now));
                      // all three finish before the next step, also on failure, so neither sql
                      // is closed mid-query
                      return Uni.combine()
                          .all()
                          .unis(restore.restore(writer, writing), fold, ahead)
                          .collectFailures()
                          .with(
                              (written, done, next) -> {
                                ticketsDone(writing.size());
                                folded.set(done);
                                read.set(next);
                                return done.size();
                              });
                    },
                    RESTORE_CHUNK))
        .chain(() -> restore.restore(writer, folded.get()))
        .invoke(() -> ticketsDone(folded.get().size()));
  }

  private Uni<Sources> nextChunk(Chunks chunks, String after) {
    return restore.readAfter(chunks.reader(), after, RESTORE_CHUNK, chunks.subscriptions());
  }

  /**
   * Runs {@code chunk} from the start of the ids, then after the last id of each full chunk, to the
   * end.
   */
  private static Uni<Void> walk(Function<String, Uni<List<String>>> chunk, Consumer<Integer> done) {
    AtomicReference<String> after = new AtomicReference<>("");
    return BatchLoop.whileFull(
            () ->
                chunk
                    .apply(after.get())
                    .map(
                        ids -> {
                          done.accept(ids.size());
                          if (!ids.isEmpty()) {
                            after.set(ids.get(ids.size() - 1));
                          }
                          return ids.size();
                        }),
            CHUNK)
        .replaceWithVoid();
  }

  private Uni<List<String>> ticketChunk(Sql sql, String after) {
    return nextTickets(sql, after).call(ids -> rebuild(sql, ids, Set.of()));
  }

  private Uni<List<String>> customerChunk(Sql sql, String after) {
    return nextCustomers(sql, after).call(ids -> rebuild(sql, List.of(), ids));
  }

  private Uni<Integer> rebuild(Sql sql, List<String> tickets, Collection<String> customers) {
    return updater.refresh(
        sql, tickets, Map.of(), customers, clock.instant(), ProjectionUpdater.Mode.REBUILD);
  }

  private void ticketsDone(int count) {
    latest.updateAndGet(j -> j.with(j.progress().done(count, 0)));
  }

  private void customersDone(int count) {
    latest.updateAndGet(j -> j.with(j.progress().done(0, count)));
  }

  private Uni<List<String>> nextTickets(Sql sql, String after) {
    return store.nextTickets(sql, after, CHUNK);
  }

  private Uni<List<String>> nextCustomers(Sql sql, String after) {
    return store.nextCustomers(sql, after, CHUNK);
  }
}
