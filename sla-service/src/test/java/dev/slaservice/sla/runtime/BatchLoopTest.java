package dev.slaservice.sla.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BatchLoopTest {

  private static final int FULL = 10;
  private static final Duration AT_MOST = Duration.ofSeconds(30);

  /** Batches complete on another thread, as the database client's callbacks do. */
  private final ExecutorService database = Executors.newSingleThreadExecutor();

  @AfterEach
  void close() {
    database.shutdownNow();
  }

  private Uni<Integer> batchOf(int handled) {
    return Uni.createFrom().item(handled).emitOn(database);
  }

  @Nested
  class GivenABacklogOfFourFullBatchesAndAShortOne {

    @Test
    void whenItIsWorkedThroughThenEachBatchRunsOnceAndTheCountsAddUp() {
      AtomicInteger runs = new AtomicInteger();

      int handled =
          BatchLoop.whileFull(() -> batchOf(runs.incrementAndGet() < 5 ? FULL : 3), FULL)
              .await()
              .atMost(AT_MOST);

      assertThat(runs).hasValue(5);
      assertThat(handled).isEqualTo(4 * FULL + 3);
    }

    @Test
    void whenTheLoopMayNotGoOnAfterTheSecondThenNoThirdRuns() {
      AtomicInteger runs = new AtomicInteger();

      int handled =
          BatchLoop.whileFull(
                  () -> batchOf(runs.incrementAndGet() < 5 ? FULL : 3), FULL, () -> runs.get() < 2)
              .await()
              .atMost(AT_MOST);

      assertThat(runs).hasValue(2);
      assertThat(handled).isEqualTo(2 * FULL);
    }
  }

  @Nested
  class GivenBatchesThatEachHoldTheirItems {

    @Test
    void whenLaterBatchesRunThenWhatEarlierOnesHeldCanBeCollected() {
      List<WeakReference<byte[]>> held = new ArrayList<>();
      AtomicBoolean earlierCollected = new AtomicBoolean();
      Supplier<Uni<Integer>> batch =
          () -> {
            if (held.size() == 5) {
              System.gc();
              earlierCollected.set(
                  held.subList(0, 3).stream().allMatch(payload -> payload.get() == null));
              return batchOf(0);
            }
            byte[] payloads = new byte[1 << 20];
            held.add(new WeakReference<>(payloads));
            // like the relay's batch, whose continuation counts what it published
            return batchOf(FULL).invoke(handled -> assertThat(payloads).hasSize(1 << 20));
          };

      BatchLoop.whileFull(batch, FULL).await().atMost(AT_MOST);

      assertThat(held).hasSize(5);
      assertThat(earlierCollected).as("the first three batches' payloads were collected").isTrue();
    }
  }
}
