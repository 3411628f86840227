package dev.slaservice.sla.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slaservice.events.EventType;
import dev.slaservice.sla.support.SlaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The per-batch reads of a few customer events among millions of ticket events go through their
 * own partial indexes. Without them PostgreSQL read every event of the batch's customers, or the
 * whole event store, on every batch. Sequential scans are turned off so that the plan shows which
 * index the query can use, whatever the size of the test database.
 */
@QuarkusTest
@QuarkusTestResource(SlaStackResource.class)
class CustomerEventIndexesTest {

  @Inject
  Pool pool;

  private String plan(String sql) {
    String explain = "explain " + sql.replace("(:ids)", "('customer-a', 'customer-b', 'customer-c')");
    return pool.withConnection(connection -> connection.query("set enable_seqscan = off").execute()
            .chain(() -> connection.query(explain).execute())
            .eventually(() -> connection.query("reset enable_seqscan").execute()))
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(row -> row.getString(0))
            .collect(Collectors.joining("\n")))
        .await().atMost(Duration.ofSeconds(30));
  }

  @Nested
  class GivenTheCustomersOfABatch {

    @Test
    void whenTheirSubscriptionsAreReadThenOnlySubscriptionEventsAreVisited() {
      assertThat(plan(EventStore.customerEventsOf(EventType.SUBSCRIPTION_CHANGED))).contains("event_store_subscriptions_idx");
    }

    @Test
    void whenTheirClaimsAreReadThenOnlyClaimEventsAreVisited() {
      assertThat(plan(EventStore.customerEventsOf(EventType.COMPENSATION_CLAIMED))).contains("event_store_claims_idx");
    }
  }
}
