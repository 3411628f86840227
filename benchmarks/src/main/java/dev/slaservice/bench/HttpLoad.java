package dev.slaservice.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A load generator for POST /events on loopback: closed loop (workers post as fast as answers come)
 * or open loop (a fixed request rate, latency counted from when each request was due, so a slow
 * answer cannot hide the requests that queue behind it).
 */
final class HttpLoad {

  /** What a run achieved: accepted events and requests, refused requests, and latencies. */
  record Result(
      long acceptedEvents,
      long acceptedRequests,
      long refusedRequests,
      Duration took,
      Latencies latencies) {

    double eventsPerSecond() {
      return acceptedEvents / (took.toNanos() / 1e9);
    }

    void printRefusals() {
      if (refusedRequests > 0) {
        System.out.println("[bench] " + refusedRequests + " requests were not accepted");
      }
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI events;
  private final String token;
  private final AtomicLong totalAccepted = new AtomicLong();

  HttpLoad(URI events, String token) {
    this.events = events;
    this.token = token;
  }

  /** Every event any run of this generator got accepted. */
  long totalAccepted() {
    return totalAccepted.get();
  }

  /** A stop condition: {@code duration} from now. */
  static BooleanSupplier after(Duration duration) {
    long end = System.nanoTime() + duration.toNanos();
    return () -> System.nanoTime() >= end;
  }

  /**
   * {@code workers} threads each post bodies of {@code eventsPerBody} events until {@code stop},
   * waiting while {@code hold} says the pipeline is too far behind.
   */
  Result closedLoop(
      Supplier<String> body,
      int eventsPerBody,
      int workers,
      BooleanSupplier stop,
      BooleanSupplier hold) {
    Tally tally = new Tally(eventsPerBody);
    long start = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      Thread worker =
          new Thread(
              () -> {
                while (!stop.getAsBoolean()) {
                  if (hold.getAsBoolean()) {
                    Pause.briefly(Duration.ofMillis(50));
                    continue;
                  }
                  String json = body.get();
                  long sent = System.nanoTime();
                  tally.answer(post(json), sent);
                }
              },
              "load-" + i);
      worker.start();
      threads.add(worker);
    }
    threads.forEach(HttpLoad::join);
    return tally.result(start);
  }

  /** Connections the open loop keeps at most, as a load balancer in front of the service would. */
  static final int OPEN_LOOP_CONNECTIONS = 64;

  /**
   * {@code perSecond} requests a second for {@code duration}, each body from {@code body}, over at
   * most {@value #OPEN_LOOP_CONNECTIONS} connections. A request that finds every connection busy
   * waits for one, and that wait counts in its latency.
   */
  Result openLoop(Supplier<String> body, int eventsPerBody, int perSecond, Duration duration) {
    Tally tally = new Tally(eventsPerBody);
    long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
    long total = duration.toSeconds() * perSecond;
    ExecutorService connections = Executors.newFixedThreadPool(OPEN_LOOP_CONNECTIONS);
    long start = System.nanoTime();
    try {
      for (long i = 0; i < total; i++) {
        long due = start + i * interval;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        String json = body.get();
        connections.execute(() -> tally.answer(post(json), due));
      }
    } finally {
      connections.shutdown();
      awaitTermination(connections);
    }
    return tally.result(start);
  }

  /** One run's answers: latency from {@code since} of each, accepted and refused counts. */
  private final class Tally {
    private final int eventsPerBody;
    private final Latencies latencies = new Latencies();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    Tally(int eventsPerBody) {
      this.eventsPerBody = eventsPerBody;
    }

    void answer(int status, long sinceNanos) {
      latencies.record((System.nanoTime() - sinceNanos) / 1000);
      if (status == 202) {
        accepted.incrementAndGet();
        totalAccepted.addAndGet(eventsPerBody);
      } else {
        refused.incrementAndGet();
      }
    }

    Result result(long startNanos) {
      Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
      return new Result(
          accepted.get() * eventsPerBody, accepted.get(), refused.get(), took, latencies);
    }
  }

  private static void awaitTermination(ExecutorService executor) {
    try {
      if (!executor.awaitTermination(5, TimeUnit.MINUTES)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private int post(String json) {
    try {
      return http.send(request(json), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private HttpRequest request(String json) {
    return HttpRequest.newBuilder(events)
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
