package dev.slaservice.sla.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slaservice.sla.runtime.Background;
import dev.slaservice.sla.support.Database;
import dev.slaservice.sla.support.SlaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A rebuild from scratch holds the projection tables and then takes customer locks; the
 * compensation drain must therefore wait for those tables before it holds a customer, or the two
 * wait for each other (seen in the benchmark: "deadlock detected", and the rebuild failed).
 */
@QuarkusTest
@QuarkusTestResource(SlaStackResource.class)
class RebuildLockOrderTest {

  /** Sessions waiting for a lock on compensation_month: only compensation work takes one. */
  private static final String TABLE_LOCK_WAITERS =
      "select count(*) from pg_locks where not granted"
          + " and locktype = 'relation' and relation = cast('compensation_month' as regclass)";

  @Inject Pool pool;
  @Inject CompensationStore store;
  @Inject Database database;
  @Inject Vertx vertx;

  @Test
  void aDrainThatMeetsARebuildFromScratchHoldsNoCustomerTheRebuildWants() throws Exception {
    String customer = "lock-order-" + UUID.randomUUID();
    // the drain is to claim this customer, not be busy with others
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> database.count("select count(*) from compensation_due") == 0);
    CompletableFuture<Void> tablesHeld = new CompletableFuture<>();
    CompletableFuture<Void> rebuildSide = new CompletableFuture<>();
    Background.run(
        vertx,
        () ->
            pool.withTransaction(
                connection ->
                    Sql.of(connection)
                        .query(RebuildStore.LOCK_TABLES)
                        .invoke(() -> tablesHeld.complete(null))
                        // this side looks for a cycle long before the drain does (1 s), so a cycle
                        // fails this side
                        .chain(
                            () -> Sql.of(connection).query("set local deadlock_timeout = '100ms'"))
                        .chain(() -> untilADrainWaitsForTheTables(Sql.of(connection)))
                        // what the rebuild's customer chunk does next
                        .chain(() -> store.lockCustomers(Sql.of(connection), List.of(customer)))),
        done -> rebuildSide.complete(null),
        rebuildSide::completeExceptionally);
    tablesHeld.get(30, TimeUnit.SECONDS);

    database.rows("insert into compensation_due (customer_id, since) values ($1, now())", customer);

    // before the fix the drain held the customer's lock here, and PostgreSQL broke the cycle by
    // failing one of the two transactions
    rebuildSide.get(30, TimeUnit.SECONDS);
    assertThat(rebuildSide).isCompletedWithValue(null);
    await().atMost(Duration.ofSeconds(30)).until(() -> !database.compensationQueued(customer));
  }

  private static Uni<Void> untilADrainWaitsForTheTables(Sql sql) {
    return Multi.createBy()
        .repeating()
        .uni(
            () ->
                sql.query(TABLE_LOCK_WAITERS)
                    .map(rows -> rows.iterator().next().getLong(0))
                    .onItem()
                    .delayIt()
                    .by(Duration.ofMillis(50)))
        .whilst(waiting -> waiting == 0)
        .select()
        .first(200)
        .collect()
        .last()
        .invoke(
            waiting ->
                assertThat(waiting).as("a drain waiting for the tables within 10 s").isPositive())
        .replaceWithVoid();
  }
}
