package dev.slaservice.sla.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.ColumnTransformer;

/** A row of plan_version: one version of a plan defined through the API. */
@Entity
@Table(name = "plan_version")
@IdClass(PlanVersionRow.Key.class)
public class PlanVersionRow {

  /** The primary key: plan id and version number. */
  public static class Key implements Serializable {
    String planId;
    int version;

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(planId, key.planId)
          && version == key.version;
    }

    @Override
    public int hashCode() {
      return Objects.hash(planId, version);
    }
  }

  @Id
  @Column(name = "plan_id")
  String planId;

  @Id
  @Column(name = "version")
  int version;

  @Column(name = "effective_from", nullable = false)
  Instant effectiveFrom;

  /** The definition's canonical JSON form (PlanDefinitionWriter). */
  @Column(name = "definition", nullable = false)
  @ColumnTransformer(read = "cast(definition as text)", write = "cast(cast(? as text) as jsonb)")
  String definition;

  @Column(name = "retired_at")
  Instant retiredAt;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  protected PlanVersionRow() {}

  PlanVersionRow(
      String planId, int version, Instant effectiveFrom, String definition, Instant createdAt) {
    this.planId = planId;
    this.version = version;
    this.effectiveFrom = effectiveFrom;
    this.definition = definition;
    this.createdAt = createdAt;
  }
}
