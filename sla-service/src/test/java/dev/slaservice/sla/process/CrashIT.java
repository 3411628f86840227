package dev.slaservice.sla.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slaservice.events.InboundEvent;
import dev.slaservice.sla.process.DeadlineStream.Request;
import dev.slaservice.sla.support.Rows;
import dev.slaservice.sla.support.Tokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kills the packaged service with SIGKILL at random moments while helpdesks post a stream of events
 * whose deadlines pass during the run, restarting it each time. Then every event that got a 202 is
 * stored exactly once, no published id appears twice on any output topic (read_committed), every
 * breach the events call for is published (and no other), and the projection equals a rebuild from
 * the event store. {@code -Dcrash.events} and {@code -Dcrash.kills} size the run (docs/testing.md:
 * the long crash run); {@code -Dcrash.seed} repeats one.
 */
class CrashIT extends PackagedServiceTest {

  private static final int EVENTS = Integer.getInteger("crash.events", 4_000);
  private static final int KILLS = Integer.getInteger("crash.kills", 3);
  private static final long SEED = Long.getLong("crash.seed", System.nanoTime());
  private static final int BATCH = 50;
  private static final String HELPDESK = Tokens.of("helpdesk");

  @BeforeAll
  static void startStack() {
    startStack("crash-it", false);
  }

  @Test
  void killsAtRandomMomentsLoseNothingAcceptedAndPublishNothingTwice() throws Exception {
    Random random = new Random(SEED);
    System.out.printf(
        "crash run: %d events, %d kills, seed %d (-Dcrash.seed=%d repeats it)%n",
        EVENTS, KILLS, SEED, SEED);
    Instant start = Instant.now();
    Map<String, List<InboundEvent>> tickets =
        DeadlineStream.generate("crash", EVENTS, start, random);
    List<Request> bodies = DeadlineStream.requests(tickets, BATCH, new Random(SEED));
    Set<String> accepted = ConcurrentHashMap.newKeySet();
    AtomicInteger sent = new AtomicInteger();

    ExecutorService helpdesks = Executors.newFixedThreadPool(2);
    List<Future<?>> posting = new ArrayList<>();
    for (int worker = 0; worker < 2; worker++) {
      int first = worker;
      posting.add(
          helpdesks.submit(
              () -> {
                for (int i = first; i < bodies.size(); i += 2) {
                  postUntilAccepted(bodies.get(i), accepted);
                  sent.incrementAndGet();
                }
                return null;
              }));
    }
    // kills come 1 to 8 s after the service is back: while events stream in and while deadlines
    // pass
    for (int kill = 1; kill <= KILLS; kill++) {
      Instant killAt = Instant.now().plusMillis(1_000 + random.nextInt(7_000));
      await()
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> !Instant.now().isBefore(killAt) && service.alive());
      service.kill();
      System.out.printf(
          "kill %d at +%d s, %d of %d requests accepted, %d records in the outbox%n",
          kill,
          Duration.between(start, Instant.now()).toSeconds(),
          sent.get(),
          bodies.size(),
          stack.count("select count(*) from outbox"));
      service.start();
    }
    for (Future<?> done : posting) {
      done.get();
    }
    helpdesks.shutdown();

    DeadlineStream.assertAppliedOnce(stack, tickets, accepted, Duration.ofMinutes(10));

    List<List<String>> live = DeadlineStream.projection(stack);
    HttpResponse<String> rebuild = service.send("POST", "/admin/rebuild", null, Tokens.of("admin"));
    assertThat(rebuild.statusCode()).isEqualTo(202);
    await()
        .atMost(Duration.ofMinutes(10))
        .until(
            () ->
                !service
                    .send("GET", "/admin/rebuild", null, Tokens.of("ops"))
                    .body()
                    .contains("\"RUNNING\""));
    assertThat(service.send("GET", "/admin/rebuild", null, Tokens.of("ops")).body())
        .contains("\"SUCCEEDED\"");
    Rows.assertSame(DeadlineStream.projection(stack), live);
  }

  /** Posts one request until it is accepted, as a helpdesk retries with the same event ids. */
  private static void postUntilAccepted(Request request, Set<String> accepted) {
    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              HttpResponse<String> answer =
                  service.send("POST", "/events", request.body(), HELPDESK);
              if (answer != null && answer.statusCode() != 202 && answer.statusCode() != 503) {
                throw new AssertionError(
                    "POST /events answered " + answer.statusCode() + ": " + answer.body());
              }
              return answer != null && answer.statusCode() == 202;
            });
    accepted.addAll(request.eventIds());
  }
}
