package dev.slaservice.sla.persistence;

import java.util.StringJoiner;

/** Builds the VALUES list of a multi-row statement with numbered parameters (?1, ?2, …). */
final class SqlValues {

  private SqlValues() {
  }

  /**
   * @param rowTemplate one row with {@code #} where each parameter goes, e.g. {@code (#, cast(# as jsonb))}
   */
  static String rows(String rowTemplate, int rows) {
    int perRow = (int) rowTemplate.chars().filter(c -> c == '#').count();
    StringJoiner values = new StringJoiner(", ");
    int parameter = 1;
    for (int row = 0; row < rows; row++) {
      StringBuilder sql = new StringBuilder();
      for (char c : rowTemplate.toCharArray()) {
        if (c == '#') {
          sql.append('?').append(parameter++);
        } else {
          sql.append(c);
        }
      }
      values.add(sql);
    }
    if (parameter - 1 != perRow * rows) {
      throw new IllegalStateException("parameter count mismatch");
    }
    return values.toString();
  }

  /** A timestamp column's value as the driver hands it over, as an instant; null stays null. */
  static java.time.Instant instant(Object value) {
    if (value == null || value instanceof java.time.Instant) {
      return (java.time.Instant) value;
    }
    if (value instanceof java.time.OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (value instanceof java.sql.Timestamp ts) {
      return ts.toInstant();
    }
    if (value instanceof java.time.LocalDateTime ldt) {
      return ldt.toInstant(java.time.ZoneOffset.UTC);
    }
    throw new IllegalStateException("not a timestamp: " + value);
  }
}
