package dev.slaservice.sla.persistence;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.StringJoiner;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The rows of a multi-row write as one text array per column, for {@code insert … select … from
 * unnest(cast(?1 as text[]), …)}. A statement then binds as many parameters as the table has
 * columns, whatever its row count: with one parameter per value (8,192 for a 512-row projection
 * upsert) Hibernate and the PostgreSQL client work per value, on every batch (docs/benchmarks.md).
 * The SQL casts each column back to its type.
 */
final class ColumnArrays {

  private final String[][] columns;
  private int row;

  ColumnArrays(int columnCount, int rows) {
    columns = new String[columnCount][rows];
  }

  /**
   * The next row's values, one per column: text, numbers, booleans and instants; null stays null.
   */
  ColumnArrays add(Object... values) {
    if (values.length != columns.length) {
      throw new IllegalArgumentException(
          values.length + " values for " + columns.length + " columns");
    }
    for (int column = 0; column < values.length; column++) {
      columns[column][row] = text(values[column]);
    }
    row++;
    return this;
  }

  /** Binds the columns as parameters 1…n of {@code query}. */
  <T extends Mutiny.AbstractQuery> T bind(T query) {
    if (row != columns[0].length) {
      throw new IllegalStateException(row + " rows added of " + columns[0].length);
    }
    for (int column = 0; column < columns.length; column++) {
      query.setParameter(column + 1, columns[column]);
    }
    return query;
  }

  /**
   * Runs {@code sql}, a write that reads the columns as parameters 1…n; for a batch of no rows,
   * nothing is sent.
   */
  Uni<Void> write(Mutiny.Session session, String sql) {
    if (columns[0].length == 0) {
      return Uni.createFrom().voidItem();
    }
    return bind(session.createNativeQuery(sql)).executeUpdate().replaceWithVoid();
  }

  /**
   * {@code unnest(cast(?1 as text[]), …) with ordinality as r(name1, …, ord)}: the columns as rows
   * under the given names, {@code r.ord} their order in the batch.
   */
  static String unnest(String... names) {
    StringJoiner arrays = new StringJoiner(", ", "unnest(", ")");
    for (int column = 1; column <= names.length; column++) {
      arrays.add("cast(?" + column + " as text[])");
    }
    return arrays + " with ordinality as r(" + String.join(", ", names) + ", ord)";
  }

  /** The value as PostgreSQL reads it back with a cast: instants in ISO-8601 UTC. */
  static String text(Object value) {
    if (value == null || value instanceof String) {
      return (String) value;
    }
    if (value instanceof Instant instant) {
      return instant.toString();
    }
    if (value instanceof OffsetDateTime time) {
      return time.toInstant().toString();
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    throw new IllegalArgumentException("no text form for " + value.getClass().getName());
  }
}
