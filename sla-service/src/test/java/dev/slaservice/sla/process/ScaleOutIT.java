package dev.slaservice.sla.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slaservice.events.InboundEvent;
import dev.slaservice.events.TicketEvent;
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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several packaged service instances in one consumer group against one Kafka (ticket-events with
 * six partitions) and one PostgreSQL, as a deployment scales out: two instances, then a third joins
 * while helpdesks post to all of them, then one is killed (SIGKILL). The group shares the
 * partitions at each step and the survivors take over the killed instance's partitions within the
 * session timeout. Afterwards every accepted event is stored once, every breach the events call for
 * fired exactly once across the instances (its timer on whichever instance claimed it), no id was
 * published twice, every instance answers the ops API alike, and the projection equals a rebuild
 * from the event store. {@code -Dscale.events} sizes the run.
 */
class ScaleOutIT {

  private static final int EVENTS = Integer.getInteger("scale.events", 3_000);
  private static final long SEED = Long.getLong("scale.seed", System.nanoTime());
  private static final int PARTITIONS = 6;
  private static final String GROUP = "sla-service";
  private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);
  private static final String HELPDESK = Tokens.of("helpdesk");
  private static final String OPS = Tokens.of("ops");

  private static ProcessStack stack;
  private static final Map<String, ServiceProcess> instances = new ConcurrentHashMap<>();
  private static final List<ServiceProcess> live = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startStack() {
    stack = ProcessStack.start("scale-out-it", false, PARTITIONS);
    start("instance-a");
    start("instance-b");
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  private static ServiceProcess start(String name) {
    // each with the default two consumers (ADR 0006)
    ServiceProcess instance =
        stack.service(
            name,
            Map.of(
                "mp.messaging.incoming.ticket-events-in.client.id",
                name,
                "mp.messaging.incoming.ticket-events-in.session.timeout.ms",
                Long.toString(SESSION_TIMEOUT.toMillis()),
                "mp.messaging.incoming.ticket-events-in.heartbeat.interval.ms",
                "1000"));
    instance.start();
    instances.put(name, instance);
    live.add(instance);
    return instance;
  }

  @Test
  void instancesShareThePartitionsAndEveryEffectHappensOnceAcrossJoinsAndAKill() throws Exception {
    Random random = new Random(SEED);
    System.out.printf(
        "scale-out run: %d events, seed %d (-Dscale.seed=%d repeats it)%n", EVENTS, SEED, SEED);
    Map<String, List<InboundEvent>> tickets =
        DeadlineStream.generate("scale", EVENTS, Instant.now(), random);
    List<Request> requests = DeadlineStream.requests(tickets, 25, random);
    awaitGroup(Set.of("instance-a", "instance-b"), Duration.ofSeconds(60));

    Set<String> accepted = ConcurrentHashMap.newKeySet();
    Set<String> answeredBy = ConcurrentHashMap.newKeySet();
    int third = requests.size() / 3;
    ExecutorService helpdesks = Executors.newFixedThreadPool(2);

    post(requests.subList(0, third), accepted, answeredBy, helpdesks).get();
    start("instance-c");
    awaitGroup(Set.of("instance-a", "instance-b", "instance-c"), Duration.ofSeconds(60));
    System.out.printf("instance-c joined: %s%n", stack.assignments(GROUP));
    post(requests.subList(third, 2 * third), accepted, answeredBy, helpdesks).get();

    // the kill comes while the last third is being posted and the instances still work through the
    // rest
    Future<?> lastThird =
        post(requests.subList(2 * third, requests.size()), accepted, answeredBy, helpdesks);
    ServiceProcess killed = instances.get("instance-b");
    live.remove(killed);
    Instant killedAt = Instant.now();
    killed.kill();
    long outboxAtKill = stack.count("select count(*) from outbox");
    awaitGroup(Set.of("instance-a", "instance-c"), SESSION_TIMEOUT.plusSeconds(10));
    System.out.printf(
        "instance-b killed (%d records in the outbox); its partitions handed over in %d ms: %s%n",
        outboxAtKill,
        Duration.between(killedAt, Instant.now()).toMillis(),
        stack.assignments(GROUP));
    lastThird.get();
    helpdesks.shutdown();
    assertThat(answeredBy)
        .as("instances that accepted requests")
        .containsExactlyInAnyOrder(
            instances.get("instance-a").uri("").toString(),
            instances.get("instance-b").uri("").toString(),
            instances.get("instance-c").uri("").toString());

    DeadlineStream.assertAppliedOnce(stack, tickets, accepted, Duration.ofMinutes(5));

    assertOpsApiAnswersAlike(tickets);

    List<List<String>> projected = DeadlineStream.projection(stack);
    ServiceProcess any = live.get(0);
    assertThat(any.send("POST", "/admin/rebuild", null, Tokens.of("admin")).statusCode())
        .isEqualTo(202);
    await()
        .atMost(Duration.ofMinutes(5))
        .until(() -> !any.send("GET", "/admin/rebuild", null, OPS).body().contains("\"RUNNING\""));
    assertThat(any.send("GET", "/admin/rebuild", null, OPS).body()).contains("\"SUCCEEDED\"");
    Rows.assertSame(DeadlineStream.projection(stack), projected);
  }

  /** Waits until exactly these instances hold the six partitions, each at least one, none twice. */
  private static void awaitGroup(Set<String> names, Duration within) {
    await()
        .atMost(within)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              Map<String, Set<Integer>> assignments = stack.assignments(GROUP);
              Map<String, Integer> perInstance = new TreeMap<>();
              List<Integer> all = new ArrayList<>();
              assignments.forEach(
                  (client, partitions) -> {
                    perInstance.merge(instanceOf(client), partitions.size(), Integer::sum);
                    all.addAll(partitions);
                  });
              assertThat(perInstance.keySet())
                  .as("instances holding partitions: " + assignments)
                  .isEqualTo(names);
              assertThat(perInstance.values()).as("partitions per instance").allMatch(n -> n >= 1);
              assertThat(all).as("partitions held").hasSize(PARTITIONS).doesNotHaveDuplicates();
            });
  }

  private static String instanceOf(String clientId) {
    return instances.keySet().stream()
        .filter(clientId::startsWith)
        .findFirst()
        .orElseThrow(() -> new AssertionError("a group member of no instance: " + clientId));
  }

  /** Two helpdesks post the requests, each to the live instances in turn. */
  private static Future<?> post(
      List<Request> requests,
      Set<String> accepted,
      Set<String> answeredBy,
      ExecutorService helpdesks) {
    List<Future<?>> workers = new ArrayList<>();
    for (int worker = 0; worker < 2; worker++) {
      int first = worker;
      workers.add(
          helpdesks.submit(
              () -> {
                for (int i = first; i < requests.size(); i += 2) {
                  postUntilAccepted(requests.get(i), i, accepted, answeredBy);
                }
              }));
    }
    return CompletableFuture.runAsync(() -> workers.forEach(ScaleOutIT::join));
  }

  private static void join(Future<?> worker) {
    try {
      worker.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Posts to the instances in turn until one accepts, as a load balancer retries on another
   * instance.
   */
  private static void postUntilAccepted(
      Request request, int index, Set<String> accepted, Set<String> answeredBy) {
    AtomicInteger attempt = new AtomicInteger(index);
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              List<ServiceProcess> running = List.copyOf(live);
              ServiceProcess instance = running.get(attempt.getAndIncrement() % running.size());
              HttpResponse<String> answer =
                  instance.send("POST", "/events", request.body(), HELPDESK);
              if (answer != null && answer.statusCode() != 202 && answer.statusCode() != 503) {
                throw new AssertionError(
                    "POST /events answered " + answer.statusCode() + ": " + answer.body());
              }
              if (answer != null && answer.statusCode() == 202) {
                answeredBy.add(instance.uri("").toString());
                return true;
              }
              return false;
            });
    accepted.addAll(request.eventIds());
  }

  /**
   * The answer without the instant it was read at, to the second: a ticket's asOf and a timeline's
   * closing AS_OF step. Two instances' reads may straddle a second.
   */
  static String withoutReadInstant(String body) {
    return body.replaceFirst("\"asOf\":\"[^\"]*\",?", "")
        .replaceFirst("\"at\":\"[^\"]*\",(\"cause\":\"AS_OF\")", "$1");
  }

  /**
   * Resolved tickets read the same, with the same history and timeline, from every live instance.
   */
  private static void assertOpsApiAnswersAlike(Map<String, List<InboundEvent>> tickets) {
    List<String> resolved =
        tickets.entrySet().stream()
            .filter(
                e ->
                    e.getValue().get(e.getValue().size() - 1) instanceof TicketEvent.TicketResolved)
            .map(Map.Entry::getKey)
            .limit(20)
            .toList();
    assertThat(resolved).isNotEmpty();
    for (String ticket : resolved) {
      for (String path :
          List.of(
              "/tickets/" + ticket,
              "/tickets/" + ticket + "/events",
              "/tickets/" + ticket + "/timeline")) {
        Set<String> bodies = new TreeSet<>();
        for (ServiceProcess instance : live) {
          HttpResponse<String> answer = instance.send("GET", path, null, OPS);
          assertThat(answer.statusCode()).as("GET " + path).isEqualTo(200);
          bodies.add(withoutReadInstant(answer.body()));
        }
        assertThat(bodies).as("answers of the instances to GET " + path).hasSize(1);
      }
    }
  }
}
