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

  @Override
  public Instant now() {
    return Clock.systemUTC().instant().plus(offset.get());
  }

  public void advance(Duration by) {
    offset.updateAndGet(current -> current.plus(by));
  }
}
