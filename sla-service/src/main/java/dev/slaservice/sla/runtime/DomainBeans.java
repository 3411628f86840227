package dev.slaservice.sla.runtime;

import dev.slaservice.sla.application.CatalogHolder;
import dev.slaservice.sla.domain.policy.BuiltInCatalog;
import dev.slaservice.sla.domain.policy.CatalogCheck;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the pure domain objects available for injection. */
public class DomainBeans {

  @Produces
  @Singleton
  BuiltInCatalog builtInCatalog() {
    return new BuiltInCatalog();
  }

  @Produces
  @Singleton
  CatalogCheck catalogCheck(CatalogHolder holder) {
    return new CatalogCheck(() -> holder.latest().catalog());
  }
}
