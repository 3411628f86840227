package dev.slaservice.sla.messaging;

import dev.slaservice.sla.persistence.Outbox;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes outbox batches in Kafka transactions. Each transaction also writes the batch's outbox
 * ids to the progress topic, so after a crash between Kafka's commit and the database's delete the
 * next relay learns which records are already out and deletes them instead of sending them again.
 * All calls block; the relay runs them on a worker thread, one at a time.
 */
final class TransactionalRelayProducer implements AutoCloseable {

  private final Map<String, Object> kafka;
  private final String transactionalId;
  private final String progressTopic;
  private final Duration blockAtMost;
  private KafkaProducer<String, String> producer;

  TransactionalRelayProducer(
      Map<String, Object> kafka,
      String transactionalId,
      String progressTopic,
      Duration blockAtMost) {
    this.kafka = kafka;
    this.transactionalId = transactionalId;
    this.progressTopic = progressTopic;
    this.blockAtMost = blockAtMost;
  }

  /**
   * Starts a new producer under the relay's transactional id, which fences any earlier one and ends
   * its open transaction, then reads which outbox ids the last committed transaction carried.
   */
  List<Long> recover() {
    close();
    ensureProgressTopic();
    Map<String, Object> settings = new HashMap<>(kafka);
    settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) blockAtMost.toMillis());
    settings.put(ProducerConfig.LINGER_MS_CONFIG, 1);
    settings.put(ProducerConfig.CLIENT_ID_CONFIG, "sla-outbox-relay");
    KafkaProducer<String, String> fresh =
        new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
    try {
      fresh.initTransactions();
    } catch (RuntimeException e) {
      fresh.close(Duration.ZERO);
      throw e;
    }
    producer = fresh;
    return lastCommittedIds().map(RelayProgress::parse).orElse(List.of());
  }

  /**
   * Sends the entries and their progress record in one transaction; on any failure nothing of it is
   * visible.
   */
  void publish(List<Outbox.Entry> entries) {
    if (producer == null) {
      throw new IllegalStateException("the relay producer is not initialised");
    }
    producer.beginTransaction();
    try {
      for (Outbox.Entry entry : entries) {
        Outbox.Message message = entry.message();
        producer.send(
            new ProducerRecord<>(
                message.topic(), null, message.key(), message.payload(), headers(message)));
      }
      producer.send(
          new ProducerRecord<>(
              progressTopic,
              transactionalId,
              RelayProgress.format(entries.stream().map(Outbox.Entry::id).toList())));
      producer.commitTransaction();
    } catch (RuntimeException e) {
      // the producer may be fenced or in an unknown state: the relay recovers with a new one
      close();
      throw e;
    }
  }

  private static RecordHeaders headers(Outbox.Message message) {
    RecordHeaders headers = new RecordHeaders();
    header(headers, "ce_specversion", "1.0");
    header(headers, "ce_id", message.eventId());
    header(headers, "ce_type", message.eventType());
    header(headers, "ce_source", OutboxRelay.SOURCE);
    header(headers, "ce_time", message.createdAt().toString());
    header(headers, "content-type", "application/json");
    return headers;
  }

  private static void header(RecordHeaders headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private void ensureProgressTopic() {
    Map<String, Object> settings = new HashMap<>(kafka);
    settings.put("default.api.timeout.ms", (int) blockAtMost.toMillis());
    settings.put("request.timeout.ms", (int) blockAtMost.toMillis());
    try (Admin admin = Admin.create(settings)) {
      NewTopic topic =
          new NewTopic(progressTopic, Optional.of(1), Optional.empty())
              .configs(
                  Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
      admin.createTopics(List.of(topic)).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException(
            "cannot create " + progressTopic + ": " + e.getCause(), e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating " + progressTopic, e);
    }
  }

  /**
   * The value of this relay's last committed progress record, reading back further while aborted
   * transactions (or another relay's records) hide it.
   */
  private Optional<String> lastCommittedIds() {
    Map<String, Object> settings = new HashMap<>(kafka);
    settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "sla-outbox-relay-recovery");
    settings.put("default.api.timeout.ms", (int) blockAtMost.toMillis());
    settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
    TopicPartition partition = new TopicPartition(progressTopic, 0);
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
      consumer.assign(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      long window = 8;
      while (true) {
        long from = Math.max(0, end - window);
        consumer.seek(partition, from);
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        long deadline = System.nanoTime() + blockAtMost.toNanos();
        while (consumer.position(partition) < end) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException(
                "could not read " + progressTopic + " up to offset " + end);
          }
          consumer.poll(Duration.ofMillis(200)).records(partition).forEach(seen::add);
        }
        seen.removeIf(record -> !transactionalId.equals(record.key()));
        if (!seen.isEmpty()) {
          return Optional.of(seen.get(seen.size() - 1).value());
        }
        if (from == 0) {
          return Optional.empty();
        }
        window *= 4;
      }
    }
  }

  @Override
  public void close() {
    if (producer != null) {
      producer.close(Duration.ZERO);
      producer = null;
    }
  }
}
