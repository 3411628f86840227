package dev.slaservice.sla.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slaservice.events.CustomerEvent;
import dev.slaservice.events.InboundEvent;
import dev.slaservice.events.ServiceWindow;
import dev.slaservice.events.TicketEvent;
import dev.slaservice.sla.application.TicketBatchHandler;
import dev.slaservice.sla.runtime.Background;
import dev.slaservice.sla.support.Database;
import dev.slaservice.sla.support.SlaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A customer's subscription change and a ticket opened for that customer, applied by two consumers
 * at once: the ticket must end up folded with the subscription, whichever commits first. The test
 * holds the subscription change just before its commit (on the compensation queue row it writes
 * last) and applies the opening meanwhile.
 */
@QuarkusTest
@QuarkusTestResource(SlaStackResource.class)
class SubscriptionRaceTest {

  private static final String LOCK_WAITERS = "select count(*) from pg_locks where not granted";

  @Inject TicketBatchHandler handler;
  @Inject Clock clock;
  @Inject Database database;
  @Inject Pool pool;
  @Inject Vertx vertx;

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aTicketOpenedWhileItsCustomerSubscribesIsFoldedWithTheSubscription() throws Exception {
    OffsetDateTime openedAt =
        clock.instant().atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).minusMinutes(1);
    String expected = sequentially(openedAt);
    String withoutSubscription =
        dueAt(
            apply(opening("race-none-" + run, "race-none-" + run, openedAt))
                .thenApply(done -> "race-none-" + run)
                .get(60, TimeUnit.SECONDS));
    assertThat(expected)
        .as("the agreed hours move the deadline, so the test tells the two apart")
        .isNotEqualTo(withoutSubscription);

    String customer = "race-customer-" + run;
    String ticket = "race-ticket-" + run;
    SqlConnection held = pool.getConnection().await().atMost(Duration.ofSeconds(30));
    Transaction holding = held.begin().await().atMost(Duration.ofSeconds(30));
    held.preparedQuery("insert into compensation_due (customer_id, since) values ($1, now())")
        .execute(Tuple.of(customer))
        .await()
        .atMost(Duration.ofSeconds(30));
    try {
      CompletableFuture<Void> subscribing = apply(subscription(customer, openedAt.minusDays(30)));
      await().atMost(Duration.ofSeconds(30)).until(() -> database.count(LOCK_WAITERS) > 0);

      CompletableFuture<Void> opening = apply(opening(ticket, customer, openedAt));
      // without ordering the opening commits here, with the subscriptions committed before the
      // change
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> opening.isDone() || database.count(LOCK_WAITERS) > 1);

      holding.rollback().await().atMost(Duration.ofSeconds(30));
      subscribing.get(60, TimeUnit.SECONDS);
      opening.get(60, TimeUnit.SECONDS);
    } finally {
      held.close().await().atMost(Duration.ofSeconds(30));
    }

    assertThat(dueAt(ticket))
        .as("the ticket's deadline under its customer's agreed hours")
        .isEqualTo(expected);
  }

  /** The deadline of a ticket opened once its customer's subscription is committed. */
  private String sequentially(OffsetDateTime openedAt) throws Exception {
    String customer = "race-control-" + run;
    apply(subscription(customer, openedAt.minusDays(30))).get(60, TimeUnit.SECONDS);
    apply(opening("race-control-" + run, customer, openedAt)).get(60, TimeUnit.SECONDS);
    return dueAt("race-control-" + run);
  }

  private String dueAt(String ticket) {
    List<List<String>> rows =
        database.rows(
            "select cast(due_at as text) from ticket_projection where ticket_id = $1", ticket);
    assertThat(rows).as("projection of " + ticket).hasSize(1);
    return rows.get(0).get(0);
  }

  private CompletableFuture<Void> apply(InboundEvent event) {
    CompletableFuture<Void> applied = new CompletableFuture<>();
    Background.run(
        vertx,
        () -> handler.handle(List.of(ConsumedEvent.of(event, 0, -1))),
        records -> applied.complete(null),
        applied::completeExceptionally);
    return applied;
  }

  /** Agreed hours of one hour a week, on the day five days after the opening. */
  private static CustomerEvent.SubscriptionChanged subscription(
      String customer, OffsetDateTime at) {
    var day = at.plusDays(35).getDayOfWeek();
    return new CustomerEvent.SubscriptionChanged(
        UUID.randomUUID().toString(),
        customer,
        at,
        "billing",
        "websoft9-premium",
        new BigDecimal("1000.00"),
        "USD",
        "UTC",
        List.of(new ServiceWindow(day, LocalTime.of(10, 0), day, LocalTime.of(11, 0))),
        at.toLocalDate());
  }

  private static TicketEvent.TicketOpened opening(
      String ticket, String customer, OffsetDateTime at) {
    return new TicketEvent.TicketOpened(
        UUID.randomUUID().toString(), ticket, at, "helpdesk", customer, "websoft9-premium", "HIGH");
  }
}
