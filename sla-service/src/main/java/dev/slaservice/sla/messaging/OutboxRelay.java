package dev.slaservice.sla.messaging;

import dev.slaservice.sla.config.SlaConfig;
import dev.slaservice.sla.observability.SlaMetrics;
import dev.slaservice.sla.persistence.Outbox;
import dev.slaservice.sla.persistence.RelayLeadership;
import dev.slaservice.sla.persistence.Sql;
import dev.slaservice.sla.runtime.BatchLoop;
import dev.slaservice.sla.runtime.OutboxSignal;
import dev.slaservice.sla.runtime.Poller;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jboss.logging.Logger;

/**
 * Publishes outbox records in id order, each batch in one Kafka transaction, and deletes them once
 * that transaction committed. Only the instance holding {@link RelayLeadership} relays. Whenever it
 * gains the lead or a batch fails, it first recovers: a new transactional producer fences any
 * earlier one, and the ids of the last committed batch are deleted rather than sent again (see
 * docs/adr/0005).
 */
@ApplicationScoped
public class OutboxRelay {

  public static final String SOURCE = "/sla-service";
  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

  private final Pool pool;
  private final Outbox outbox;
  private final SlaConfig config;
  private final RelayLeadership leadership;
  private final TransactionalRelayProducer producer;
  private final Poller poller;
  private final Poller backlog;
  private final SlaMetrics metrics;
  private volatile long recoveredFor = -1;

  public OutboxRelay(
      Pool pool,
      Outbox outbox,
      SlaConfig config,
      Vertx vertx,
      SlaMetrics metrics,
      RelayLeadership leadership,
      OutboxSignal committed,
      @Identifier("default-kafka-broker") Map<String, Object> kafka) {
    this.pool = pool;
    this.outbox = outbox;
    this.config = config;
    this.metrics = metrics;
    this.leadership = leadership;
    this.producer =
        new TransactionalRelayProducer(
            kafka,
            config.outbox().transactionalId(),
            config.outbox().progressTopic(),
            config.outbox().ackTimeout());
    this.poller = new Poller("outbox relay", vertx, this::relayAll);
    committed.onCommitted(poller::wake);
    this.backlog = new Poller("outbox backlog gauge", vertx, this::measureBacklog);
  }

  void start(@Observes StartupEvent started) {
    poller.start(config.outbox().pollInterval());
    backlog.start(Duration.ofSeconds(5));
  }

  void stop(@Observes ShutdownEvent stopping) {
    backlog.stop(Duration.ofSeconds(1));
    poller.stop(Duration.ofSeconds(10));
    producer.close();
    leadership.release();
  }

  private Uni<Long> measureBacklog() {
    return outbox.count(Sql.of(pool)).invoke(metrics::outboxBacklog);
  }

  /**
   * Publishes everything pending, if this instance is the relay. @return how many records were
   * published
   */
  public Uni<Integer> relayAll() {
    return leadership
        .tryAcquire()
        .chain(
            leading ->
                leading ? recoverIfNeeded().chain(this::relayBatches) : Uni.createFrom().item(0));
  }

  private Uni<Void> recoverIfNeeded() {
    long generation = leadership.generation();
    if (recoveredFor == generation) {
      return Uni.createFrom().voidItem();
    }
    return blocking(producer::recover)
        .chain(
            published ->
                outbox
                    .remove(Sql.of(pool), published)
                    .invoke(
                        removed -> {
                          if (removed > 0) {
                            LOG.infof(
                                "recovered the outbox relay: %d records of the last committed batch were published"
                                    + " before the relay stopped; they were deleted, not sent again",
                                removed);
                          }
                          recoveredFor = generation;
                        }))
        .replaceWithVoid();
  }

  private Uni<Integer> relayBatches() {
    int limit = config.outbox().batchSize();
    return BatchLoop.whileFull(() -> relayBatch(limit), limit, leadership::held);
  }

  private Uni<Integer> relayBatch(int limit) {
    return outbox
        .pending(Sql.of(pool), limit)
        .chain(entries -> entries.isEmpty() ? Uni.createFrom().item(0) : publish(entries));
  }

  private Uni<Integer> publish(List<Outbox.Entry> entries) {
    List<Long> ids = entries.stream().map(Outbox.Entry::id).toList();
    return blocking(
            () -> {
              producer.publish(entries);
              return null;
            })
        .chain(() -> outbox.remove(Sql.of(pool), ids))
        // whether the send or the delete failed, the next run starts with a recovery
        .onFailure()
        .invoke(() -> recoveredFor = -1)
        .invoke(
            () ->
                entries.stream()
                    .map(Outbox.Entry::message)
                    .filter(message -> message.metric() != null)
                    .forEach(
                        message ->
                            metrics.published(
                                message.eventType(), message.planId(), message.metric())))
        .replaceWith(entries.size());
  }

  /** Runs a blocking Kafka call on a worker thread and continues on the caller's Vert.x context. */
  private static <T> Uni<T> blocking(Callable<T> call) {
    Context context = Vertx.currentContext();
    return Uni.createFrom()
        .completionStage(() -> context.<T>executeBlocking(call, true).toCompletionStage());
  }
}
