package dev.slaservice.sla.persistence;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Builds the VALUES list of a multi-row statement with numbered parameters (?1, ?2, …). */
final class SqlValues {

  private SqlValues() {
  }

  /** Built VALUES lists by template and row count; chunk sizes keep them to a few dozen. */
  private static final Map<String, String> BUILT = new ConcurrentHashMap<>();

  /**
   * @param rowTemplate one row with {@code #} where each parameter goes, e.g. {@code (#, cast(# as jsonb))}
   */
  static String rows(String rowTemplate, int rows) {
    return BUILT.computeIfAbsent(rows + ":" + rowTemplate, key -> build(rowTemplate, rows));
  }

  private static String build(String rowTemplate, int rows) {
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
    return values.toString();
  }

  /** The largest number of rows one multi-row statement carries. */
  static final int MAX_ROWS = 512;

  /**
   * Splits rows into chunks whose sizes are powers of two, largest first (1000 rows: 512, 256,
   * 128, 64, 32, 8): each statement then has one of ten shapes, whose SQL text is parsed once and
   * cached, where a statement per batch size would fill the query plan cache with large entries.
   */
  static <T> List<List<T>> chunks(List<T> rows) {
    List<List<T>> chunks = new ArrayList<>();
    int from = 0;
    while (from < rows.size()) {
      int size = Math.min(MAX_ROWS, Integer.highestOneBit(rows.size() - from));
      chunks.add(rows.subList(from, from + size));
      from += size;
    }
    return chunks;
  }

  /** Runs {@code statement} for each chunk of {@code rows}, one after the other. */
  static <T> Uni<Void> inChunks(List<T> rows, Function<List<T>, Uni<?>> statement) {
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (List<T> chunk : chunks(rows)) {
      chain = chain.chain(() -> statement.apply(chunk)).replaceWithVoid();
    }
    return chain;
  }

  /** A timestamp column's value as the driver hands it over, as an instant; null stays null. */
  static Instant instant(Object value) {
    if (value == null || value instanceof Instant) {
      return (Instant) value;
    }
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (value instanceof java.sql.Timestamp ts) {
      return ts.toInstant();
    }
    if (value instanceof LocalDateTime ldt) {
      return ldt.toInstant(ZoneOffset.UTC);
    }
    throw new IllegalStateException("not a timestamp: " + value);
  }
}
