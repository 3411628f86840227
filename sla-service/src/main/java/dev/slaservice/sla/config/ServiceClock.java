package dev.slaservice.sla.config;

import java.time.Instant;

/** The service's notion of now. Adapters ask it; the domain is always handed the instant. */
public interface ServiceClock {

  Instant now();
}
