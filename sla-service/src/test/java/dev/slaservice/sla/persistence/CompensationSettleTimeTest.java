package dev.slaservice.sla.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slaservice.sla.support.Database;
import dev.slaservice.sla.support.SlaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The compensation drain leaves a customer queued until it has waited the settle time (2 s by
 * default), so a burst of breaches re-computes a statement once. Queue rows are written with their
 * queue time set, so nothing here waits for the settle time to pass.
 */
@QuarkusTest
@QuarkusTestResource(SlaStackResource.class)
class CompensationSettleTimeTest {

  @Inject Database database;

  @Test
  void aCustomerQueuedLongerThanTheSettleTimeIsDrainedAndOneJustQueuedWaits() {
    String settled = "settled-" + UUID.randomUUID();
    String fresh = "fresh-" + UUID.randomUUID();
    try {
      database.rows(
          "insert into compensation_due (customer_id, since, queued_at) values"
              + " ($1, now(), clock_timestamp() - interval '1 minute'),"
              + " ($2, now() - interval '1 hour', clock_timestamp() + interval '1 hour')",
          settled,
          fresh);

      await().atMost(Duration.ofSeconds(30)).until(() -> !database.compensationQueued(settled));
      // the drain ran after the settled customer was queued, and took it though it had waited less
      // long
      assertThat(database.compensationQueued(fresh))
          .as("a customer queued less than the settle time ago")
          .isTrue();
    } finally {
      database.rows("delete from compensation_due where customer_id = $1", fresh);
    }
  }
}
