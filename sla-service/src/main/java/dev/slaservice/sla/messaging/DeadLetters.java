package dev.slaservice.sla.messaging;

import dev.slaservice.sla.observability.SlaMetrics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/** Sends records that cannot be processed to the dead-letter topic, with the reason in headers. */
@ApplicationScoped
public class DeadLetters {

  public static final String REASON = "dlq-reason";
  public static final String ORIGINAL_TOPIC = "dlq-original-topic";
  public static final String ORIGINAL_PARTITION = "dlq-original-partition";
  public static final String ORIGINAL_OFFSET = "dlq-original-offset";

  private static final Logger LOG = Logger.getLogger(DeadLetters.class);

  private final MutinyEmitter<byte[]> emitter;

  /** One record that could not be processed. */
  public record DeadLetter(
      String key, byte[] value, String topic, int partition, long offset, String reason) {}

  public DeadLetters(
      @Channel(Channels.DEAD_LETTERS_OUT)
          @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 10_000)
          MutinyEmitter<byte[]> emitter,
      SlaMetrics metrics) {
    this.emitter = emitter;
    this.metrics = metrics;
  }

  private final SlaMetrics metrics;

  public Uni<Void> send(List<DeadLetter> letters) {
    if (letters.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return Uni.join()
        .all(letters.stream().map(this::send).toList())
        .andFailFast()
        .replaceWithVoid();
  }

  private Uni<Void> send(DeadLetter letter) {
    LOG.warnf(
        "dead-lettering %s-%d@%d (key %s): %s",
        letter.topic(), letter.partition(), letter.offset(), letter.key(), letter.reason());
    RecordHeaders headers = new RecordHeaders();
    headers.add(REASON, letter.reason().getBytes(StandardCharsets.UTF_8));
    headers.add(ORIGINAL_TOPIC, letter.topic().getBytes(StandardCharsets.UTF_8));
    headers.add(
        ORIGINAL_PARTITION, Integer.toString(letter.partition()).getBytes(StandardCharsets.UTF_8));
    headers.add(ORIGINAL_OFFSET, Long.toString(letter.offset()).getBytes(StandardCharsets.UTF_8));
    OutgoingKafkaRecordMetadata<String> metadata =
        OutgoingKafkaRecordMetadata.<String>builder()
            .withKey(letter.key())
            .withHeaders(headers)
            .build();
    byte[] value = letter.value() == null ? new byte[0] : letter.value();
    return emitter
        .sendMessage(Message.of(value).addMetadata(metadata))
        .invoke(metrics::deadLettered);
  }
}
