package dev.slaservice.bench;

import dev.slaservice.events.SlaEvent;
import dev.slaservice.events.SlaEventCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads sla-breaches as billing would (read_committed) from its current end, and for each
 * breach of a due ticket records how long after its deadline the record could be read.
 */
final class BreachWatch implements AutoCloseable {

  private final KafkaConsumer<String, String> consumer;
  private final Latencies latencies = new Latencies();
  private final String ticketMarker;

  BreachWatch(BenchStack stack, String ticketMarker) {
    this.ticketMarker = ticketMarker;
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    consumer = new KafkaConsumer<>(properties);
    List<TopicPartition> partitions = consumer.partitionsFor("sla-breaches").stream()
        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
  }

  /** Reads until {@code expected} due breaches were seen or {@code giveUp} (System.nanoTime) passes. */
  Latencies await(int expected, long giveUp) {
    while (latencies.count() < expected && System.nanoTime() < giveUp) {
      var records = consumer.poll(Duration.ofMillis(100));
      Instant read = Instant.now();
      for (ConsumerRecord<String, String> record : records) {
        if (record.key() != null && record.key().contains(ticketMarker)
            && SlaEventCodec.read(record.value()) instanceof SlaEvent.SlaBreached breach) {
          latencies.record(Duration.between(breach.deadline(), read).toNanos() / 1000);
        }
      }
    }
    return latencies;
  }

  @Override
  public void close() {
    consumer.close();
  }
}
