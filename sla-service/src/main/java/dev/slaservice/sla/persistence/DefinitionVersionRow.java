package dev.slaservice.sla.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.ColumnTransformer;

/**
 * One version of a definition created through the API, a plan's or a calendar's: the entity names
 * the table and the id's column.
 */
@MappedSuperclass
public abstract class DefinitionVersionRow {

  /** The primary key: the plan's or calendar's id and the version number. */
  public static class Key implements Serializable {
    String id;
    int version;

    Key() {}

    Key(String id, int version) {
      this.id = id;
      this.version = version;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && Objects.equals(id, key.id) && version == key.version;
    }

    @Override
    public int hashCode() {
      return Objects.hash(id, version);
    }
  }

  @Id String id;

  @Id
  @Column(name = "version")
  int version;

  @Column(name = "effective_from", nullable = false)
  Instant effectiveFrom;

  /** The definition's canonical JSON form. */
  @Column(name = "definition", nullable = false)
  @ColumnTransformer(read = "cast(definition as text)", write = "cast(cast(? as text) as jsonb)")
  String definition;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  protected DefinitionVersionRow() {}

  DefinitionVersionRow(
      String id, int version, Instant effectiveFrom, String definition, Instant createdAt) {
    this.id = id;
    this.version = version;
    this.effectiveFrom = effectiveFrom;
    this.definition = definition;
    this.createdAt = createdAt;
  }
}
