package dev.slaservice.sla.support;

import dev.slaservice.sla.config.ServiceClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** The service's clock in tests: wall time plus an offset the test moves forward. */
@Alternative
@Priority(1)
@ApplicationScoped
public class MovableClock implements ServiceClock {

  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  private final AtomicReference<Instant> frozenAt = new AtomicReference<>();

  @Override
  public Instant now() {
    Instant frozen = frozenAt.get();
    return frozen != null ? frozen : Clock.systemUTC().instant().plus(offset.get());
  }

  /** Stops time at the current instant (to the second) until {@link #unfreeze()}. */
  public Instant freeze() {
    Instant at = Clock.systemUTC().instant().plus(offset.get()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    frozenAt.set(at);
    return at;
  }

  /** Stops time at a fixed instant until {@link #unfreeze()}. */
  public void freezeAt(Instant at) {
    frozenAt.set(at);
  }

  /** Time runs again from where it would have been. */
  public void unfreeze() {
    frozenAt.set(null);
  }

  public void advance(Duration by) {
    offset.updateAndGet(current -> current.plus(by));
  }
}
