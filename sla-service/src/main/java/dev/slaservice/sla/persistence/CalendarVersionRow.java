package dev.slaservice.sla.persistence;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of calendar_version: one version of a calendar created through the API. */
@Entity
@Table(name = "calendar_version")
@IdClass(DefinitionVersionRow.Key.class)
@AttributeOverride(name = "id", column = @Column(name = "calendar_id"))
public class CalendarVersionRow extends DefinitionVersionRow {

  protected CalendarVersionRow() {}

  CalendarVersionRow(
      String calendarId, int version, Instant effectiveFrom, String definition, Instant createdAt) {
    super(calendarId, version, effectiveFrom, definition, createdAt);
  }
}
