package dev.slaservice.sla.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * A store's SQL, run as prepared statements of the reactive PostgreSQL client (ADR 0020): typed
 * {@link Tuple}s in, {@link Row}s out, on the pool or on one connection of a transaction.
 */
public final class Sql {

  private final SqlClient client;

  private Sql(SqlClient client) {
    this.client = client;
  }

  /** Statements on {@code client}: the pool (each its own transaction) or a connection. */
  public static Sql of(SqlClient client) {
    return new Sql(client);
  }

  public Uni<RowSet<Row>> query(String sql, Tuple arguments) {
    return Uni.createFrom()
        .completionStage(
            () -> client.getDelegate().preparedQuery(sql).execute(arguments).toCompletionStage());
  }

  public Uni<RowSet<Row>> query(String sql) {
    return Uni.createFrom()
        .completionStage(
            () -> client.getDelegate().preparedQuery(sql).execute().toCompletionStage());
  }

  /** Runs {@code sql} and maps each row. */
  public <T> Uni<List<T>> list(String sql, Tuple arguments, Function<Row, T> mapping) {
    return query(sql, arguments).map(rows -> map(rows, mapping));
  }

  /**
   * Runs {@code sql}, a write that reads the rows' columns as parameters 1…n; no rows, no
   * statement.
   */
  Uni<List<Row>> write(String sql, ColumnArrays rows) {
    if (rows.size() == 0) {
      return Uni.createFrom().item(List.of());
    }
    return query(sql, rows.tuple()).map(set -> map(set, row -> row));
  }

  /** Runs {@code sql} for its effect. */
  public Uni<Void> execute(String sql, Tuple arguments) {
    return query(sql, arguments).replaceWithVoid();
  }

  public static <T> List<T> map(RowSet<Row> rows, Function<Row, T> mapping) {
    List<T> mapped = new ArrayList<>(rows.size());
    for (Row row : rows) {
      mapped.add(mapping.apply(row));
    }
    return mapped;
  }

  /** An instant as the client binds a {@code timestamptz}; null stays null. */
  public static OffsetDateTime at(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  /** A {@code timestamptz} column as an instant; null stays null. */
  public static Instant instant(Row row, int column) {
    OffsetDateTime value = row.getOffsetDateTime(column);
    return value == null ? null : value.toInstant();
  }

  /** The collection as a text array parameter, for {@code = any($n)}. */
  public static String[] texts(Collection<String> values) {
    return values.toArray(String[]::new);
  }
}
