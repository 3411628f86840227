package dev.slaservice.sla.config;

import dev.slaservice.sla.domain.policy.BuiltInCatalog;
import dev.slaservice.sla.domain.policy.CatalogCheck;
import dev.slaservice.sla.domain.policy.PolicyCatalog;
import dev.slaservice.sla.domain.sla.SlaEvaluator;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the pure domain objects available for injection. */
public class DomainBeans {

  @Produces
  @Singleton
  PolicyCatalog policyCatalog() {
    return new BuiltInCatalog();
  }

  @Produces
  @Singleton
  SlaEvaluator slaEvaluator(PolicyCatalog catalog) {
    return new SlaEvaluator(catalog);
  }

  @Produces
  @Singleton
  CatalogCheck catalogCheck(PolicyCatalog catalog) {
    return new CatalogCheck(catalog);
  }
}
