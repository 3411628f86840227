package dev.slaservice.bench;

import dev.slaservice.events.SlaEvent;
import dev.slaservice.events.SlaEventCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads sla-breaches as billing would (read_committed) from its current end, and for each breach of
 * a due ticket records how long after its deadline the record could be read.
 */
final class BreachWatch implements AutoCloseable {

  private final KafkaConsumer<String, String> consumer;
  private static final long SLICE_SECONDS = 10;

  private final Latencies latencies = new Latencies();
  private final SortedMap<Long, Latencies> bySlice = new TreeMap<>();
  private final Set<String> seen = new HashSet<>();
  private final String ticketMarker;
  private final Instant windowStart;
  private long duplicates;

  BreachWatch(BenchStack stack, String ticketMarker, Instant windowStart) {
    this.ticketMarker = ticketMarker;
    this.windowStart = windowStart;
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    properties.put(
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    properties.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    consumer = new KafkaConsumer<>(properties);
    List<TopicPartition> partitions =
        consumer.partitionsFor("sla-breaches").stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
  }

  /**
   * Reads until {@code expected} due breaches were seen or {@code giveUp} (System.nanoTime) passes.
   */
  Latencies await(int expected, long giveUp) {
    while (latencies.count() < expected && System.nanoTime() < giveUp) {
      var records = consumer.poll(Duration.ofMillis(100));
      Instant read = Instant.now();
      for (ConsumerRecord<String, String> record : records) {
        if (record.key() != null
            && record.key().contains(ticketMarker)
            && SlaEventCodec.read(record.value()) instanceof SlaEvent.SlaBreached breach) {
          // billing trusts each breach to arrive once: a second record with the same id is counted,
          // not timed
          if (!seen.add(breach.id())) {
            duplicates++;
            continue;
          }
          long micros = Duration.between(breach.deadline(), read).toNanos() / 1000;
          latencies.record(micros);
          long slice =
              Math.floorDiv(
                  Duration.between(windowStart, breach.deadline()).toSeconds(), SLICE_SECONDS);
          bySlice.computeIfAbsent(slice, s -> new Latencies()).record(micros);
        }
      }
    }
    return latencies;
  }

  /** Records read again with the id of a breach already read. */
  long duplicates() {
    return duplicates;
  }

  /**
   * One line per ten seconds of deadlines: a tail that one figure hides (a stall, a backlog that
   * grows through the window) shows where it happened.
   */
  void printSlices() {
    bySlice.forEach(
        (slice, sliceLatencies) ->
            System.out.printf(
                "[bench]   deadlines %+4d..%+4d s: %,7d breaches, p50 %,7.0f ms, p99 %,7.0f ms, max %,7.0f ms%n",
                slice * SLICE_SECONDS,
                (slice + 1) * SLICE_SECONDS,
                sliceLatencies.count(),
                sliceLatencies.percentileMillis(0.5),
                sliceLatencies.percentileMillis(0.99),
                sliceLatencies.percentileMillis(1.0)));
  }

  @Override
  public void close() {
    consumer.close();
  }
}
