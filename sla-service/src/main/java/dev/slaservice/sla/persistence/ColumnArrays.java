package dev.slaservice.sla.persistence;

import io.vertx.sqlclient.Tuple;
import java.lang.reflect.Array;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.StringJoiner;

/**
 * The rows of a multi-row write as one typed array per column, bound as {@code $1…$n} of {@code
 * unnest($1::text[], $2::timestamptz[], …)}: a statement binds as many parameters as the table has
 * columns, whatever its row count, and the client sends each array in binary.
 */
final class ColumnArrays {

  /** A column's type as the statement binds it. */
  enum Type {
    TEXT("text", String.class),
    SMALLINT("smallint", Short.class),
    INTEGER("integer", Integer.class),
    BIGINT("bigint", Long.class),
    BOOLEAN("boolean", Boolean.class),
    TIMESTAMPTZ("timestamptz", OffsetDateTime.class),
    /**
     * Sent as text and cast in the select list: the client would send a Java string as a JSON
     * string.
     */
    JSONB("text", String.class);

    private final String arrayOf;
    private final Class<?> javaType;

    Type(String arrayOf, Class<?> javaType) {
      this.arrayOf = arrayOf;
      this.javaType = javaType;
    }

    /** A column of this type. */
    Column of(String name) {
      return new Column(name, this);
    }
  }

  /** A column of the write. */
  record Column(String name, Type type) {}

  /** The columns of one kind of write. */
  record Shape(List<Column> columns) {

    static Shape of(List<Column> columns) {
      return new Shape(List.copyOf(columns));
    }

    static Shape of(Column... columns) {
      return new Shape(List.of(columns));
    }

    /** {@code insert into table (names) select values from unnest(…)}. */
    String insertInto(String table) {
      return "insert into " + table + " (" + names() + ") " + select();
    }

    /** {@code select values from unnest(…)}: the rows, each column of its type. */
    String select() {
      return "select " + values() + " from " + unnest();
    }

    /** The column names, for an insert's column list. */
    String names() {
      StringJoiner names = new StringJoiner(", ");
      columns.forEach(column -> names.add(column.name()));
      return names.toString();
    }

    /** The select list over {@link #unnest()}: each column, a JSON one cast back to jsonb. */
    String values() {
      StringJoiner values = new StringJoiner(", ");
      for (Column column : columns) {
        values.add(
            column.type() == Type.JSONB ? "cast(" + column.name() + " as jsonb)" : column.name());
      }
      return values.toString();
    }

    /**
     * {@code unnest($1::text[], …) with ordinality as r(name1, …, ord)}: the columns as rows under
     * their names, {@code r.ord} their order in the batch.
     */
    String unnest() {
      StringJoiner arrays = new StringJoiner(", ", "unnest(", ")");
      for (int column = 0; column < columns.size(); column++) {
        arrays.add("$" + (column + 1) + "::" + columns.get(column).type().arrayOf + "[]");
      }
      return arrays + " with ordinality as r(" + names() + ", ord)";
    }

    ColumnArrays rows(int count) {
      return new ColumnArrays(this, count);
    }
  }

  private final Shape shape;
  private final Object[][] columns;
  private int row;

  private ColumnArrays(Shape shape, int rows) {
    this.shape = shape;
    this.columns = new Object[shape.columns().size()][];
    for (int column = 0; column < columns.length; column++) {
      columns[column] =
          (Object[]) Array.newInstance(shape.columns().get(column).type().javaType, rows);
    }
  }

  /** The next row's values, one per column; null stays null. */
  ColumnArrays add(Object... values) {
    if (values.length != columns.length) {
      throw new IllegalArgumentException(
          values.length + " values for " + columns.length + " columns");
    }
    for (int column = 0; column < values.length; column++) {
      columns[column][row] = convert(values[column], shape.columns().get(column));
    }
    row++;
    return this;
  }

  int size() {
    return row;
  }

  /** The arrays as the statement's parameters 1…n. */
  Tuple tuple() {
    if (columns.length > 0 && row != columns[0].length) {
      throw new IllegalStateException(row + " rows added of " + columns[0].length);
    }
    Tuple tuple = Tuple.tuple();
    for (Object[] column : columns) {
      tuple.addValue(column);
    }
    return tuple;
  }

  private static Object convert(Object value, Column column) {
    if (value == null) {
      return null;
    }
    Object converted =
        switch (column.type()) {
          case TEXT, JSONB -> value instanceof String ? value : null;
          case SMALLINT -> value instanceof Number n ? (Object) n.shortValue() : null;
          case INTEGER -> value instanceof Number n ? (Object) n.intValue() : null;
          case BIGINT -> value instanceof Number n ? (Object) n.longValue() : null;
          case BOOLEAN -> value instanceof Boolean ? value : null;
          case TIMESTAMPTZ ->
              value instanceof Instant i
                  ? i.atOffset(ZoneOffset.UTC)
                  : value instanceof OffsetDateTime ? value : null;
        };
    if (converted == null) {
      throw new IllegalArgumentException(
          "a " + value.getClass().getName() + " for " + column.type() + " column " + column.name());
    }
    return converted;
  }
}
