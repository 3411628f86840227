package dev.slaservice.sla.runtime;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The service's notion of now: adapters ask it; the domain is always handed the instant. */
public class ServiceClocks {

  /** Wall time in UTC; tests replace it with a clock they move. */
  @Produces
  @DefaultBean
  @Singleton
  Clock serviceClock() {
    return Clock.systemUTC();
  }
}
