package dev.slaservice.sla.runtime;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a reactive task every interval on its own Vert.x sub-context (what Hibernate Reactive
 * needs), never two runs at once. Sub-second intervals are the point: the scheduler extension does
 * not go below one second, and a breach should be published within a second of its deadline.
 */
public final class Poller {

  private static final Logger LOG = Logger.getLogger(Poller.class);

  private final String name;
  private final Vertx vertx;
  private final Supplier<Uni<?>> task;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean wanted = new AtomicBoolean();
  private long timerId = -1;
  private volatile boolean failing;
  private volatile boolean stopped;

  public Poller(String name, Vertx vertx, Supplier<Uni<?>> task) {
    this.name = name;
    this.vertx = vertx;
    this.task = task;
  }

  public void start(Duration interval) {
    timerId = vertx.setPeriodic(Math.max(1, interval.toMillis()), id -> runOnce());
  }

  /**
   * Stops polling and waits (bounded) for a run in progress, so a graceful shutdown does not cut a
   * relay between Kafka's acknowledgement and the database commit.
   */
  public void stop(Duration grace) {
    stopped = true;
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
    long giveUp = System.nanoTime() + grace.toNanos();
    while (running.get() && System.nanoTime() < giveUp) {
      LockSupport.parkNanos(1_000_000);
    }
    running.set(true);
  }

  /**
   * Runs the task now, or right after the run in progress if there is one, instead of at the next
   * interval: for work another component just committed. A stopped poller stays stopped.
   */
  public void wake() {
    wanted.set(true);
    runOnce();
  }

  private void runOnce() {
    if (stopped || !running.compareAndSet(false, true)) {
      return;
    }
    // this run sees everything committed before it starts; a wake from now on asks for another
    wanted.set(false);
    Background.run(
        vertx,
        () -> task.get().replaceWithVoid(),
        done -> {
          if (failing) {
            LOG.infof("%s works again", name);
            failing = false;
          }
          finished();
        },
        failure -> {
          if (!failing) {
            LOG.warnf(
                "%s failed, retrying every poll until it works: %s", name, failure.toString());
            failing = true;
          }
          // a failing task waits for its interval, however often it is woken
          wanted.set(false);
          finished();
        });
  }

  private void finished() {
    running.set(false);
    if (wanted.get()) {
      runOnce();
    }
  }
}
