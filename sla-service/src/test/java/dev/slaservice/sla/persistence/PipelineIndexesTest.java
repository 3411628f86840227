package dev.slaservice.sla.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slaservice.events.EventType;
import dev.slaservice.sla.support.SlaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every read of the pipeline goes through an index, and the tables every batch writes carry no
 * index that no read uses: each one is maintained on every inserted or updated row.
 *
 * <p>The per-batch reads of a few customer events among millions of ticket events go through their
 * own partial indexes. Without them PostgreSQL read every event of the batch's customers, or the
 * whole event store, on every batch. Sequential scans are turned off so that the plan shows which
 * index the query can use, whatever the size of the test database.
 */
@QuarkusTest
@QuarkusTestResource(SlaStackResource.class)
class PipelineIndexesTest {

  private static final String IDS = "array['id-a', 'id-b', 'id-c']";

  @Inject Pool pool;

  /** The plan of {@code sql} with {@code arguments} as its parameters $1, $2, … */
  private String plan(String sql, String... arguments) {
    String explain = "explain " + sql;
    // from the last, so that $1 does not match the start of $10
    for (int parameter = arguments.length; parameter >= 1; parameter--) {
      explain = explain.replace("$" + parameter, arguments[parameter - 1]);
    }
    String bound = explain;
    return pool.withConnection(
            connection ->
                connection
                    .query("set enable_seqscan = off")
                    .execute()
                    .chain(() -> connection.query(bound).execute())
                    .eventually(() -> connection.query("reset enable_seqscan").execute()))
        .map(
            rows ->
                StreamSupport.stream(rows.spliterator(), false)
                    .map(row -> row.getString(0))
                    .collect(Collectors.joining("\n")))
        .await()
        .atMost(Duration.ofSeconds(30));
  }

  @Nested
  class GivenTheCustomersOfABatch {

    @Test
    void whenTheirSubscriptionsAreReadThenOnlySubscriptionEventsAreVisited() {
      assertThat(plan(EventStore.customerEventsOf(EventType.SUBSCRIPTION_CHANGED), IDS))
          .contains("event_store_subscriptions_idx");
    }

    @Test
    void whenTheirClaimsAreReadThenOnlyClaimEventsAreVisited() {
      assertThat(plan(EventStore.customerEventsOf(EventType.COMPENSATION_CLAIMED), IDS))
          .contains("event_store_claims_idx");
    }
  }

  @Nested
  class GivenTheTicketsOfABatch {

    @Test
    void whenTheirHistoriesAreReadThenTheTicketIndexIsUsed() {
      assertThat(plan(EventStore.TICKET_HISTORIES, IDS))
          .contains("event_store_ticket_occurred_idx");
    }

    @Test
    void whenARebuildWalksTheStoredTicketsThenTheTicketIndexIsWalked() {
      assertThat(plan(RebuildStore.NEXT_TICKETS, "'id-a'", "500"))
          .contains("event_store_ticket_occurred_idx");
    }
  }

  @Nested
  class GivenACustomerWhoseSubscriptionChanged {

    @Test
    void whenTheirTicketsAreFoundThenTheCustomersIndexIsUsed() {
      assertThat(plan(ProjectionStore.TICKETS_OF, IDS))
          .contains("ticket_projection_customer_breached_idx");
    }
  }

  @Nested
  class GivenTheTablesEveryBatchWrites {

    private List<String> indexesOf(String table) {
      return pool.preparedQuery(
              "select indexname from pg_indexes where tablename = $1 order by indexname")
          .execute(Tuple.of(table))
          .map(
              rows ->
                  StreamSupport.stream(rows.spliterator(), false)
                      .map(row -> row.getString(0))
                      .toList())
          .await()
          .atMost(Duration.ofSeconds(30));
    }

    @Test
    void whenTheirIndexesAreListedThenEachIsOneAReadUses() {
      assertThat(indexesOf("event_store"))
          .containsExactly(
              "event_store_claims_idx",
              "event_store_customer_idx",
              "event_store_event_id_unique",
              "event_store_pkey",
              "event_store_subscriptions_idx",
              "event_store_ticket_occurred_idx");
      assertThat(indexesOf("ticket_projection"))
          .containsExactly(
              "ticket_projection_customer_breached_idx",
              "ticket_projection_due_idx",
              // the compliance report's period (V16); opened_at never changes once written
              "ticket_projection_opened_at_idx",
              "ticket_projection_pkey",
              "ticket_projection_plan_idx",
              "ticket_projection_status_deadline_idx");
    }
  }
}
