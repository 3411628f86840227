package dev.slaservice.sla.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/** Wall-clock time; tests replace it with a clock they move. */
@DefaultBean
@ApplicationScoped
public class SystemServiceClock implements ServiceClock {

  private final Clock clock = Clock.systemUTC();

  @Override
  public Instant now() {
    return clock.instant();
  }
}
