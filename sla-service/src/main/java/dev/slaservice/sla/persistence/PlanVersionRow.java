package dev.slaservice.sla.persistence;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of plan_version: one version of a plan defined through the API. */
@Entity
@Table(name = "plan_version")
@IdClass(DefinitionVersionRow.Key.class)
@AttributeOverride(name = "id", column = @Column(name = "plan_id"))
public class PlanVersionRow extends DefinitionVersionRow {

  @Column(name = "retired_at")
  Instant retiredAt;

  protected PlanVersionRow() {}

  PlanVersionRow(
      String planId, int version, Instant effectiveFrom, String definition, Instant createdAt) {
    super(planId, version, effectiveFrom, definition, createdAt);
  }
}
