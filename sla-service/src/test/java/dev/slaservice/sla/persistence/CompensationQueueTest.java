package dev.slaservice.sla.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slaservice.sla.runtime.Background;
import dev.slaservice.sla.support.Database;
import dev.slaservice.sla.support.SlaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A breach queues its customer while a drain re-computes that customer: the breach must not wait
 * for the drain, and the customer must stay queued, since the drain read the books before it.
 */
@QuarkusTest
@QuarkusTestResource(SlaStackResource.class)
class CompensationQueueTest {

  @Inject Pool pool;
  @Inject CompensationQueue queue;
  @Inject CompensationStore store;
  @Inject Database database;
  @Inject Vertx vertx;

  @Test
  void aCustomerQueuedDuringItsDrainIsQueuedAtOnceAndStaysQueuedAfterIt() throws Exception {
    String customer = "queue-" + UUID.randomUUID();
    CompletableFuture<Void> locked = new CompletableFuture<>();
    CompletableFuture<Void> inserted = new CompletableFuture<>();
    CompletableFuture<CompensationQueue.Queued> claimed = new CompletableFuture<>();
    CompletableFuture<Void> queuedAgain = new CompletableFuture<>();
    // held first, as the service's own drain holds it: that drain skips this customer
    CompletableFuture<Void> drainSide =
        run(
            () ->
                pool.withTransaction(
                    connection ->
                        store
                            .lockCustomers(Sql.of(connection), List.of(customer))
                            .invoke(() -> locked.complete(null))
                            .chain(() -> onThisContext(inserted))
                            .chain(() -> queue.claim(Sql.of(connection), 10_000, Duration.ZERO))
                            .invoke(
                                all ->
                                    claimed.complete(
                                        all.stream()
                                            .filter(q -> q.customerId().equals(customer))
                                            .findFirst()
                                            .orElseThrow()))
                            // the drain's re-computation would read the books here
                            .chain(() -> onThisContext(queuedAgain))
                            .chain(
                                () -> queue.remove(Sql.of(connection), List.of(claimed.join())))));
    try {
      locked.get(30, TimeUnit.SECONDS);
      database.rows(
          "insert into compensation_due (customer_id, since, queued_at)"
              + " values ($1, now(), clock_timestamp() - interval '1 minute')",
          customer);
      inserted.complete(null);
      CompensationQueue.Queued read = claimed.get(30, TimeUnit.SECONDS);
      Instant beforeEnqueue = Instant.now();

      // a breach's transaction queues the customer while the drain is still open
      run(() ->
              pool.withTransaction(
                  connection ->
                      queue.enqueue(Sql.of(connection), List.of(customer), Instant.now())))
          .get(10, TimeUnit.SECONDS);

      queuedAgain.complete(null);
      drainSide.get(30, TimeUnit.SECONDS);
      List<String> row =
          database
              .rows(
                  "select version, queued_at >= $2 from compensation_due where customer_id = $1",
                  customer,
                  beforeEnqueue.atOffset(ZoneOffset.UTC))
              .get(0);
      assertThat(Long.parseLong(row.get(0))).as("version").isEqualTo(read.version() + 1);
      assertThat(row.get(1)).as("settles again from the drain's end").isEqualTo("true");
      // the service's drain takes it once it has settled
      await().atMost(Duration.ofSeconds(30)).until(() -> !database.compensationQueued(customer));
    } finally {
      inserted.complete(null);
      queuedAgain.complete(null);
    }
  }

  @Test
  void aDrainRemovesACustomerNobodyQueuedSinceItRead() throws Exception {
    String customer = "queue-" + UUID.randomUUID();
    run(() ->
            pool.withTransaction(
                connection ->
                    store
                        .lockCustomers(Sql.of(connection), List.of(customer))
                        .chain(
                            () ->
                                queue.enqueue(Sql.of(connection), List.of(customer), Instant.now()))
                        .chain(() -> queue.claim(Sql.of(connection), 10_000, Duration.ZERO))
                        .map(
                            all ->
                                all.stream().filter(q -> q.customerId().equals(customer)).toList())
                        .invoke(
                            mine ->
                                assertThat(mine)
                                    .as("claimed at once with no settle time")
                                    .hasSize(1))
                        .chain(mine -> queue.remove(Sql.of(connection), mine))))
        .get(30, TimeUnit.SECONDS);

    assertThat(database.compensationQueued(customer)).isFalse();
  }

  /**
   * Waits for the test thread, then goes on on the Sql.of(connection)'s own Vert.x context, as its
   * Sql.of(connection) requires.
   */
  private static Uni<Void> onThisContext(CompletableFuture<Void> gate) {
    Context context = Vertx.currentContext();
    return Uni.createFrom()
        .completionStage(gate)
        .emitOn(command -> context.runOnContext(ignored -> command.run()));
  }

  private <T> CompletableFuture<Void> run(Supplier<Uni<T>> task) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Background.run(vertx, task, ignored -> done.complete(null), done::completeExceptionally);
    return done;
  }
}
