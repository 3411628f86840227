package dev.slaservice.bench;

import java.io.IOException;
import java.io.Reader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongFunction;
import org.postgresql.PGConnection;

/**
 * PostgreSQL's own rates for the writes as the service makes them, on copies of its tables in the
 * same run: a 500-row insert of text arrays through {@code unnest} (the event store append), a
 * {@code COPY} of a million projection rows (a bulk rebuild), and a 500-row projection upsert of
 * rows that exist (a consumed batch). Each is one connection, as one writer of the service is.
 */
final class RawWrites {

  private static final int ROWS = 500;
  private static final String CLOCKS =
      """
      [{"metric":"RESPONSE","status":"RUNNING","calendarId":"24x7","calendarVersion":1,"pausable":false,\
      "target":"PT1H","deadline":"2026-11-20T10:00:00Z","elapsed":"PT10M","remaining":"PT50M","stoppedAt":null,\
      "atRiskFrom":"2026-11-20T09:30:00Z","cycleStartedAt":null},{"metric":"RESTORE","status":"RUNNING",\
      "calendarId":"24x7","calendarVersion":1,"pausable":true,"target":"PT8H","deadline":"2026-11-20T17:00:00Z",\
      "elapsed":"PT10M","remaining":"PT7H50M","stoppedAt":null,"atRiskFrom":"2026-11-20T13:00:00Z",\
      "cycleStartedAt":null},{"metric":"RESOLUTION","status":"RUNNING","calendarId":"24x7","calendarVersion":1,\
      "pausable":true,"target":"PT360H","deadline":"2026-12-05T09:00:00Z","elapsed":"PT10M",\
      "remaining":"PT359H50M","stoppedAt":null,"atRiskFrom":"2026-11-27T21:00:00Z","cycleStartedAt":null}]""";
  private static final String PROJECTION_COLUMNS =
      """
      ticket_id, opened, customer_id, plan_id, plan_version, priority, opened_at, status, next_deadline, clocks,
      published, event_count, updated_at, at_risk_from, due_at, breached, response_outcome, restore_outcome,
      resolution_outcome""";
  private static final String UPSERT =
      """
      insert into raw_projection (%s)
      select ticket_id, true, customer_id, 'emq-7x24', 1, 'P1', cast(opened_at as timestamptz), 'RUNNING',
             cast(due_at as timestamptz), cast(clocks as jsonb), cast('[]' as jsonb), cast(event_count as integer),
             now(), cast(due_at as timestamptz), cast(due_at as timestamptz), false, 0, 0, 0
      from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                  cast(? as text[])) as r(ticket_id, customer_id, opened_at, due_at, clocks, event_count)
      on conflict (ticket_id) do update set opened = excluded.opened, customer_id = excluded.customer_id,
          plan_id = excluded.plan_id, plan_version = excluded.plan_version, priority = excluded.priority,
          opened_at = excluded.opened_at, status = excluded.status, next_deadline = excluded.next_deadline,
          clocks = excluded.clocks, published = excluded.published, event_count = excluded.event_count,
          updated_at = excluded.updated_at, at_risk_from = excluded.at_risk_from, due_at = excluded.due_at,
          breached = excluded.breached, response_outcome = excluded.response_outcome,
          restore_outcome = excluded.restore_outcome, resolution_outcome = excluded.resolution_outcome"""
          .formatted(PROJECTION_COLUMNS);

  private RawWrites() {}

  /**
   * Rows/s of 500-row appends to a copy of the event store, each row's columns bound as text
   * arrays.
   */
  static double eventStoreUnnest(BenchStack stack, TicketMix mix, Duration duration) {
    try (Connection connection = stack.jdbc()) {
      execute(
          connection,
          "drop table if exists raw_event_store",
          "create table raw_event_store (like event_store including all)");
      String sql =
          """
          insert into raw_event_store (event_id, event_type, ticket_id, customer_id, occurred_at, recorded_at,
                                       kafka_partition, kafka_offset, payload)
          select event_id, event_type, ticket_id, customer_id, cast(occurred_at as timestamptz),
                 cast(recorded_at as timestamptz), cast(kafka_partition as integer), cast(kafka_offset as bigint),
                 cast(payload as jsonb)
          from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                      cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]))
               as r(event_id, event_type, ticket_id, customer_id, occurred_at, recorded_at, kafka_partition,
                    kafka_offset, payload)
          on conflict (event_id) do nothing""";
      double perSecond =
          rowsPerSecond(
              connection,
              sql,
              duration,
              rows -> {
                String[][] columns = new String[9][ROWS];
                String now = Instant.now().toString();
                for (int i = 0; i < ROWS; i++) {
                  columns[0][i] = UUID.randomUUID().toString();
                  columns[1][i] = "TicketOpened";
                  columns[2][i] = "raw-" + UUID.randomUUID();
                  columns[3][i] = "bench-c1";
                  columns[4][i] = now;
                  columns[5][i] = now;
                  columns[6][i] = Integer.toString(i % stack.partitions);
                  columns[7][i] = Long.toString(rows + i);
                  columns[8][i] = mix.longOpen(Instant.now());
                }
                return columns;
              });
      execute(connection, "drop table raw_event_store");
      return perSecond;
    } catch (SQLException e) {
      throw new IllegalStateException("raw PostgreSQL unnest insert failed: " + e.getMessage(), e);
    }
  }

  /**
   * Rows/s of one COPY of {@code rows} projection rows into an empty copy of the projection table
   * (its indexes held), then rows/s of 500-row upserts of those rows for {@code duration}.
   *
   * @return {copy rows/s, upsert rows/s}
   */
  static double[] projectionCopyThenUpserts(BenchStack stack, int rows, Duration duration) {
    try (Connection connection = stack.jdbc()) {
      execute(
          connection,
          "drop table if exists raw_projection",
          "create table raw_projection (like ticket_projection including all)");
      long start = System.nanoTime();
      long copied =
          connection
              .unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn(
                  "copy raw_projection (" + PROJECTION_COLUMNS + ") from stdin (format csv)",
                  new ProjectionRows(rows));
      double copyRate = copied / ((System.nanoTime() - start) / 1e9);
      execute(connection, "analyze raw_projection");
      double upsertRate =
          rowsPerSecond(
              connection,
              UPSERT,
              duration,
              written -> {
                String[][] columns = new String[6][ROWS];
                int first = ThreadLocalRandom.current().nextInt(rows - ROWS);
                Instant now = Instant.now();
                for (int i = 0; i < ROWS; i++) {
                  columns[0][i] = ProjectionRows.ticketId(first + i);
                  columns[1][i] = "bench-c" + (first + i) % 500;
                  columns[2][i] = now.toString();
                  columns[3][i] = now.plusSeconds(3600).toString();
                  columns[4][i] = CLOCKS;
                  columns[5][i] = "2";
                }
                return columns;
              });
      execute(connection, "drop table raw_projection");
      return new double[] {copyRate, upsertRate};
    } catch (SQLException | IOException e) {
      throw new IllegalStateException(
          "raw PostgreSQL projection writes failed: " + e.getMessage(), e);
    }
  }

  /**
   * Rows/s of {@code sql} run in {@value #ROWS}-row transactions for {@code duration}, each
   * transaction's columns from {@code batch}, which is given how many rows were written before it.
   */
  private static double rowsPerSecond(
      Connection connection, String sql, Duration duration, LongFunction<String[][]> batch)
      throws SQLException {
    connection.setAutoCommit(false);
    long rows = 0;
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      while (System.nanoTime() < end) {
        bind(connection, statement, batch.apply(rows));
        statement.executeUpdate();
        connection.commit();
        rows += ROWS;
      }
    }
    double perSecond = rows / ((System.nanoTime() - start) / 1e9);
    connection.setAutoCommit(true);
    return perSecond;
  }

  private static void bind(Connection connection, PreparedStatement statement, String[][] columns)
      throws SQLException {
    for (int column = 0; column < columns.length; column++) {
      Array array = connection.createArrayOf("text", columns[column]);
      statement.setArray(column + 1, array);
    }
  }

  private static void execute(Connection connection, String... statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /**
   * The projection rows of a COPY as CSV, written as they are read, so a million rows are never
   * held at once.
   */
  private static final class ProjectionRows extends Reader {

    private static final String CLOCKS_CSV = '"' + CLOCKS.replace("\"", "\"\"") + '"';
    private final int rows;
    private final String openedAt = Instant.now().toString();
    private final String dueAt = Instant.now().plusSeconds(3600).toString();
    private int row;
    private String line = "";
    private int position;

    ProjectionRows(int rows) {
      this.rows = rows;
    }

    static String ticketId(int row) {
      return "raw-projection-" + row;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
      if (position == line.length()) {
        if (row == rows) {
          return -1;
        }
        line =
            ticketId(row)
                + ",true,bench-c"
                + row % 500
                + ",emq-7x24,1,P1,"
                + openedAt
                + ",RUNNING,"
                + dueAt
                + ","
                + CLOCKS_CSV
                + ",[],1,"
                + openedAt
                + ","
                + dueAt
                + ","
                + dueAt
                + ",false,0,0,0\n";
        position = 0;
        row++;
      }
      int count = Math.min(length, line.length() - position);
      line.getChars(position, position + count, buffer, offset);
      position += count;
      return count;
    }

    @Override
    public void close() {}
  }
}
