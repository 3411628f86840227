package dev.slaservice.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What this machine's Kafka and PostgreSQL do on their own, measured in the same run as the
 * service.
 */
final class RawLimits {

  private static final Pattern SUMMARY =
      Pattern.compile(
          "(\\d+) records sent, ([0-9.]+) records/sec .*?([0-9.]+) ms avg latency, ([0-9.]+) ms max latency");
  private static final int ROWS_PER_TRANSACTION = 500;

  static final String INSERT_LIMIT = "raw.postgres.insert500RowsPerSecond";
  static final String UNNEST_LIMIT = "raw.postgres.unnest500RowsPerSecond";
  static final String COPY_LIMIT = "raw.postgres.copyProjectionRowsPerSecond";
  static final String UPSERT_LIMIT = "raw.postgres.projectionUpsert500RowsPerSecond";

  private RawLimits() {}

  /** Every raw limit, {@code bench.repeats} times each, into {@code figures}. */
  static void measureAll(BenchStack stack, Settings settings, Figures figures) {
    int recordSize = averageEventSize(mixOf(settings, 1));
    System.out.println("[bench] average event size in the mix: " + recordSize + " bytes");
    for (int r = 0; r < settings.repeats(); r++) {
      String topic = randomTopic();
      stack.createTopic(topic);
      figures.add(
          "raw.kafka.producerRecordsPerSecond",
          "raw: Kafka producer (" + recordSize + " B, acks=all)",
          "records/s",
          kafkaProducer(stack, topic, settings.rawKafkaRecords(), recordSize));
    }
    Duration writing = settings.rawPostgresDuration();
    for (int r = 0; r < settings.repeats(); r++) {
      double rows = postgresInserts(stack, mixOf(settings, 2), writing);
      figures.add(INSERT_LIMIT, "raw: PostgreSQL 500-row insert tx", "rows/s", rows);
    }
    for (int r = 0; r < settings.repeats(); r++) {
      double rows = RawWrites.eventStoreUnnest(stack, mixOf(settings, 4), writing);
      figures.add(UNNEST_LIMIT, "raw: PostgreSQL 500-row unnest insert tx", "rows/s", rows);
    }
    for (int r = 0; r < settings.repeats(); r++) {
      double[] projection =
          RawWrites.projectionCopyThenUpserts(stack, settings.rawCopyRows(), writing);
      figures.add(
          COPY_LIMIT,
          "raw: PostgreSQL COPY of " + settings.rawCopyRows() / 1000 + "k projection rows",
          "rows/s",
          projection[0]);
      figures.add(
          UPSERT_LIMIT, "raw: PostgreSQL 500-row projection upsert tx", "rows/s", projection[1]);
    }
  }

  /** A mix of its own for each measurement, so none reuses another's ticket ids. */
  private static TicketMix mixOf(Settings settings, int seedOffset) {
    return new TicketMix(settings.customers(), settings.seed() + seedOffset);
  }

  /**
   * Kafka's own ProducerPerformance tool, as a separate JVM, with the intake producer's settings
   * (acks=all, idempotent, linger.ms=0) and the mix's average record size. @return records/s
   */
  static double kafkaProducer(BenchStack stack, String topic, long records, int recordSize) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("org.apache.kafka.tools.ProducerPerformance");
    command.addAll(
        List.of(
            "--topic",
            topic,
            "--num-records",
            Long.toString(records),
            "--record-size",
            Integer.toString(recordSize),
            "--throughput",
            "-1",
            "--producer-props",
            "bootstrap.servers=" + stack.bootstrapServers(),
            "acks=all",
            "enable.idempotence=true",
            "linger.ms=0",
            "key.serializer=org.apache.kafka.common.serialization.ByteArraySerializer",
            "value.serializer=org.apache.kafka.common.serialization.ByteArraySerializer"));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException("ProducerPerformance failed: " + output);
      }
      Matcher summary = null;
      for (String line : output.split("\n")) {
        Matcher matcher = SUMMARY.matcher(line);
        if (matcher.find() && Long.parseLong(matcher.group(1)) == records) {
          summary = matcher;
        }
      }
      if (summary == null) {
        throw new IllegalStateException("no summary line in ProducerPerformance output: " + output);
      }
      return Double.parseDouble(summary.group(2));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Rows/s of 500-row insert transactions into a copy of the event store's table (same columns,
   * indexes and constraints), each row with its own payload, for {@code duration}, on one
   * connection as the service's consumer writes.
   */
  static double postgresInserts(BenchStack stack, TicketMix mix, Duration duration) {
    try (Connection connection = stack.jdbc()) {
      connection.createStatement().execute("drop table if exists raw_event_store");
      connection
          .createStatement()
          .execute("create table raw_event_store (like event_store including all)");
      connection.setAutoCommit(false);
      StringBuilder sql =
          new StringBuilder(
              "insert into raw_event_store (event_id, event_type, ticket_id,"
                  + " customer_id, occurred_at, recorded_at, kafka_partition, kafka_offset, payload) values ");
      for (int i = 0; i < ROWS_PER_TRANSACTION; i++) {
        sql.append(i == 0 ? "" : ",").append("(?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))");
      }
      sql.append(" on conflict (event_id) do nothing");
      long rows = 0;
      long start = System.nanoTime();
      long end = start + duration.toNanos();
      try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
        while (System.nanoTime() < end) {
          int p = 1;
          Timestamp now = Timestamp.from(Instant.now());
          for (int i = 0; i < ROWS_PER_TRANSACTION; i++) {
            String ticket = "raw-" + UUID.randomUUID();
            insert.setString(p++, UUID.randomUUID().toString());
            insert.setString(p++, "TicketOpened");
            insert.setString(p++, ticket);
            insert.setString(p++, "bench-c1");
            insert.setTimestamp(p++, now);
            insert.setTimestamp(p++, now);
            insert.setInt(p++, i % stack.partitions);
            insert.setLong(p++, rows + i);
            insert.setString(p++, mix.longOpen(Instant.now()));
          }
          insert.executeUpdate();
          connection.commit();
          rows += ROWS_PER_TRANSACTION;
        }
      }
      double perSecond = rows / ((System.nanoTime() - start) / 1e9);
      connection.setAutoCommit(true);
      connection.createStatement().execute("drop table raw_event_store");
      return perSecond;
    } catch (SQLException e) {
      throw new IllegalStateException("raw PostgreSQL insert failed: " + e.getMessage(), e);
    }
  }

  /** Average size in bytes of a ticket event in the mix. */
  static int averageEventSize(TicketMix mix) {
    String batch = mix.lifecycleBatch(1000, 200, Instant.now());
    return batch.getBytes(StandardCharsets.UTF_8).length / 1000;
  }

  static String randomTopic() {
    return "raw-producer-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
