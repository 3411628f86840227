package dev.slaservice.sla.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PollerTest {

  private final Vertx vertx = Vertx.vertx();
  private final AtomicInteger runs = new AtomicInteger();
  private final AtomicInteger inProgress = new AtomicInteger();
  private final AtomicInteger overlaps = new AtomicInteger();
  private volatile CompletableFuture<Void> release = CompletableFuture.completedFuture(null);

  /** Counts runs and overlapping runs; each run lasts until {@link #release} completes. */
  private Uni<Void> task() {
    runs.incrementAndGet();
    if (inProgress.incrementAndGet() > 1) {
      overlaps.incrementAndGet();
    }
    return Uni.createFrom().completionStage(release).eventually(inProgress::decrementAndGet);
  }

  private final Poller poller = new Poller("test", vertx, this::task);

  @AfterEach
  void close() throws Exception {
    poller.stop(Duration.ofSeconds(1));
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Nested
  class GivenAnIntervalOfAnHour {

    @Test
    void whenWokenThenItRunsAtOnce() {
      poller.start(Duration.ofHours(1));
      poller.wake();
      await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 1 && inProgress.get() == 0);
    }

    @Test
    void whenWokenDuringARunThenItRunsOnceMoreAfterIt() {
      poller.start(Duration.ofHours(1));
      release = new CompletableFuture<>();
      CompletableFuture<Void> first = release;
      poller.wake();
      await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 1);
      poller.wake();
      poller.wake();
      release = CompletableFuture.completedFuture(null);
      first.complete(null);
      await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 2 && inProgress.get() == 0);
      // the two wakes during the first run asked for one more run, not two
      await()
          .during(Duration.ofMillis(300))
          .atMost(Duration.ofSeconds(2))
          .until(() -> runs.get() == 2);
      assertThat(overlaps.get()).isZero();
    }

    @Test
    void whenStoppedThenAWakeDoesNotRunIt() {
      poller.start(Duration.ofHours(1));
      poller.stop(Duration.ofSeconds(1));
      poller.wake();
      await()
          .during(Duration.ofMillis(300))
          .atMost(Duration.ofSeconds(2))
          .until(() -> runs.get() == 0);
    }
  }
}
