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

  /** The largest number of rows one multi-row statement carries. */
  static final int MAX_ROWS = 512;

  /**
   * Splits rows into chunks whose sizes are powers of two, largest first (1000 rows: 512, 256,
   * 128, 64, 32, 8): each statement then has one of ten shapes, whose SQL text is parsed once and
   * cached, where a statement per batch size would fill the query plan cache with large entries.
   */
  static <T> java.util.List<java.util.List<T>> chunks(java.util.List<T> rows) {
    java.util.List<java.util.List<T>> chunks = new java.util.ArrayList<>();
    int from = 0;
    while (from < rows.size()) {
      int size = Math.min(MAX_ROWS, Integer.highestOneBit(rows.size() - from));
      chunks.add(rows.subList(from, from + size));
      from += size;
    }
    return chunks;
  }

  /** Runs {@code statement} for each chunk of {@code rows}, one after the other. */
  static <T> io.smallrye.mutiny.Uni<Void> inChunks(java.util.List<T> rows,
      java.util.function.Function<java.util.List<T>, io.smallrye.mutiny.Uni<?>> statement) {
    io.smallrye.mutiny.Uni<Void> chain = io.smallrye.mutiny.Uni.createFrom().voidItem();
    for (java.util.List<T> chunk : chunks(rows)) {
      chain = chain.chain(() -> statement.apply(chunk)).replaceWithVoid();
    }
    return chain;
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
