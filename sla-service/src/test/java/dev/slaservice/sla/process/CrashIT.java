package dev.slaservice.sla.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slaservice.events.InboundEvent;
import dev.slaservice.events.InboundEventCodec;
import dev.slaservice.events.SlaEvent;
import dev.slaservice.events.SlaEventCodec;
import dev.slaservice.events.TicketEvent;
import dev.slaservice.sla.domain.policy.BuiltInCatalog;
import dev.slaservice.sla.domain.sla.ClockStatus;
import dev.slaservice.sla.domain.sla.SlaEvaluator;
import dev.slaservice.sla.messaging.Topics;
import dev.slaservice.sla.support.Rows;
import dev.slaservice.sla.support.Tokens;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kills the packaged service with SIGKILL at random moments while helpdesks post a stream of
 * events whose deadlines pass during the run, restarting it each time. Then every event that got
 * a 202 is stored exactly once, no published id appears twice on any output topic (read_committed),
 * every breach the events call for is published (and no other), and the projection equals a
 * rebuild from the event store. {@code -Dcrash.events} and {@code -Dcrash.kills} size the run
 * (README: the long run); {@code -Dcrash.seed} repeats one.
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
    System.out.printf("crash run: %d events, %d kills, seed %d (-Dcrash.seed=%d repeats it)%n", EVENTS, KILLS, SEED,
        SEED);
    Instant start = Instant.now();
    Map<String, List<InboundEvent>> tickets = generate(start, random);
    List<Request> bodies = requests(tickets);
    Set<String> accepted = ConcurrentHashMap.newKeySet();
    AtomicInteger sent = new AtomicInteger();

    ExecutorService helpdesks = Executors.newFixedThreadPool(2);
    List<Future<?>> posting = new ArrayList<>();
    for (int worker = 0; worker < 2; worker++) {
      int first = worker;
      posting.add(helpdesks.submit(() -> {
        for (int i = first; i < bodies.size(); i += 2) {
          postUntilAccepted(bodies.get(i), accepted);
          sent.incrementAndGet();
        }
        return null;
      }));
    }
    // kills come 1 to 8 s after the service is back: while events stream in and while deadlines pass
    for (int kill = 1; kill <= KILLS; kill++) {
      Instant killAt = Instant.now().plusMillis(1_000 + random.nextInt(7_000));
      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
          .until(() -> !Instant.now().isBefore(killAt) && service.alive());
      service.kill();
      System.out.printf("kill %d at +%d s, %d of %d requests accepted, %d records in the outbox%n", kill,
          Duration.between(start, Instant.now()).toSeconds(), sent.get(), bodies.size(),
          stack.count("select count(*) from outbox"));
      service.start();
    }
    for (Future<?> done : posting) {
      done.get();
    }
    helpdesks.shutdown();

    int expectedEvents = tickets.values().stream().mapToInt(List::size).sum();
    assertThat(accepted).hasSize(expectedEvents);
    await().atMost(Duration.ofMinutes(10)).until(() -> stack.count("select count(*) from event_store") >= expectedEvents);
    assertThat(stack.storedEventIds()).as("stored event ids").isEqualTo(accepted);
    assertThat(stack.count("select count(*) from event_store")).as("stored events").isEqualTo(expectedEvents);

    Instant lastDeadline = lastResponseDeadline(tickets);
    await().atMost(Duration.ofMinutes(10)).until(() -> Instant.now().isAfter(lastDeadline.plusSeconds(2))
        && stack.count("select count(*) from sla_timer where due_at < now()") == 0
        && stack.count("select count(*) from outbox") == 0);

    for (String topic : List.of(Topics.SLA_BREACHES, Topics.SLA_WARNINGS, Topics.SLA_CLOCKS, Topics.SLA_COMPENSATIONS)) {
      Map<String, Long> perId = stack.read(topic).stream().collect(Collectors.groupingBy(CrashIT::ceId,
          Collectors.counting()));
      assertThat(perId.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).limit(5).toList())
          .as("ids published more than once on " + topic).isEmpty();
    }
    assertThat(publishedBreaches()).as("breaches standing on sla-breaches")
        .isEqualTo(expectedBreaches(tickets, Instant.now()));

    List<List<String>> live = projection();
    HttpResponse<String> rebuild = service.send("POST", "/admin/rebuild", null, Tokens.of("admin"));
    assertThat(rebuild.statusCode()).isEqualTo(202);
    await().atMost(Duration.ofMinutes(10)).until(() -> !service.send("GET", "/admin/rebuild", null,
        Tokens.of("ops")).body().contains("\"RUNNING\""));
    assertThat(service.send("GET", "/admin/rebuild", null, Tokens.of("ops")).body()).contains("\"SUCCEEDED\"");
    Rows.assertSame(projection(), live);
  }

  /** Tickets on Websoft9 Premium whose 10-minute response deadlines fall while the run goes on. */
  private static Map<String, List<InboundEvent>> generate(Instant start, Random random) {
    Map<String, List<InboundEvent>> tickets = new TreeMap<>();
    long spreadSeconds = Math.max(60, EVENTS / 1_500);
    int events = 0;
    for (int i = 0; events < EVENTS; i++) {
      String ticket = "CRASH-" + i + "-" + UUID.randomUUID();
      Instant opened = start.minus(Duration.ofMinutes(10)).plusMillis(3_000 + random.nextLong(spreadSeconds * 1_000));
      String priority = random.nextInt(4) == 0 ? "NORMAL" : "HIGH";
      List<String> json = new ArrayList<>();
      json.add(event("TicketOpened", ticket, opened, ",\"customerId\":\"crash-" + (i % 7)
          + "\",\"planId\":\"websoft9-premium\",\"priority\":\"" + priority + "\""));
      switch (i % 5) {
        case 0, 1 -> { }
        case 2 -> json.add(event("WorkStarted", ticket, opened.plusSeconds(60 + random.nextInt(480)), ""));
        case 3 -> json.add(event("PriorityChanged", ticket, opened.plusSeconds(60), ",\"priority\":\"NORMAL\""));
        default -> {
          Instant work = opened.plusSeconds(120);
          json.add(event("WorkStarted", ticket, work, ""));
          json.add(event("TicketPaused", ticket, work.plusSeconds(60), ""));
          json.add(event("TicketResumed", ticket, work.plusSeconds(120), ""));
          json.add(event("TicketResolved", ticket, work.plusSeconds(180), ""));
        }
      }
      tickets.put(ticket, json.stream().map(j -> InboundEventCodec.read(j.getBytes(StandardCharsets.UTF_8))).toList());
      events += json.size();
    }
    return tickets;
  }

  private static String event(String type, String ticket, Instant at, String more) {
    return "{\"type\":\"%s\",\"eventId\":\"%s\",\"ticketId\":\"%s\",\"occurredAt\":\"%s\",\"source\":\"crash-it\"%s}"
        .formatted(type, UUID.randomUUID(), ticket, at, more);
  }

  /** One POST /events body and the ids of its events. */
  private record Request(String body, List<String> eventIds) {
    static Request of(List<InboundEvent> events) {
      return new Request("[" + events.stream().map(InboundEventCodec::write).collect(Collectors.joining(",")) + "]",
          events.stream().map(InboundEvent::eventId).toList());
    }
  }

  /** Requests of up to 50 events, a ticket's events together, tickets in shuffled order. */
  private static List<Request> requests(Map<String, List<InboundEvent>> tickets) {
    List<Request> requests = new ArrayList<>();
    List<InboundEvent> batch = new ArrayList<>();
    List<List<InboundEvent>> shuffled = new ArrayList<>(tickets.values());
    Collections.shuffle(shuffled, new Random(SEED));
    for (List<InboundEvent> events : shuffled) {
      if (batch.size() + events.size() > BATCH) {
        requests.add(Request.of(batch));
        batch.clear();
      }
      batch.addAll(events);
    }
    if (!batch.isEmpty()) {
      requests.add(Request.of(batch));
    }
    return requests;
  }

  /** Posts one request until it is accepted, as a helpdesk retries with the same event ids. */
  private static void postUntilAccepted(Request request, Set<String> accepted) {
    await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
      HttpResponse<String> answer = service.send("POST", "/events", request.body(), HELPDESK);
      if (answer != null && answer.statusCode() != 202 && answer.statusCode() != 503) {
        throw new AssertionError("POST /events answered " + answer.statusCode() + ": " + answer.body());
      }
      return answer != null && answer.statusCode() == 202;
    });
    accepted.addAll(request.eventIds());
  }

  private static Instant lastResponseDeadline(Map<String, List<InboundEvent>> tickets) {
    return tickets.values().stream().map(events -> events.get(0).occurredAt().toInstant())
        .max(Instant::compareTo).orElseThrow().plus(Duration.ofMinutes(10));
  }

  /** (ticket, metric) of every clock the events breach, by the same domain rules the service runs. */
  private static Set<String> expectedBreaches(Map<String, List<InboundEvent>> tickets, Instant now) {
    SlaEvaluator evaluator = new SlaEvaluator(new BuiltInCatalog());
    Set<String> breached = new HashSet<>();
    tickets.forEach((ticket, events) -> evaluator.evaluate(ticket,
            events.stream().map(TicketEvent.class::cast).toList(), now).clocks().stream()
        .filter(clock -> clock.status() == ClockStatus.BREACHED)
        .forEach(clock -> breached.add(ticket + "/" + clock.metric())));
    return breached;
  }

  /** (ticket, metric) whose breaches outnumber their retractions on sla-breaches; fails on a negative count. */
  private static Set<String> publishedBreaches() {
    Map<String, Integer> standing = new HashMap<>();
    for (ConsumerRecord<String, String> record : stack.read(Topics.SLA_BREACHES)) {
      SlaEvent event = SlaEventCodec.read(record.value());
      int change = event instanceof SlaEvent.SlaBreached ? 1 : event instanceof SlaEvent.SlaBreachRetracted ? -1 : 0;
      standing.merge(event.ticketId() + "/" + event.metric(), change, Integer::sum);
    }
    assertThat(standing.values()).as("breaches standing per clock").allMatch(n -> n == 0 || n == 1);
    return standing.entrySet().stream().filter(e -> e.getValue() == 1).map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }

  private static String ceId(ConsumerRecord<String, String> record) {
    return new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
  }

  /**
   * Every projection and timer column; of the clocks, all but elapsed and remaining time, which
   * are read at the moment of writing and so differ between any two writes of a running clock.
   */
  private static List<List<String>> projection() {
    return stack.rows("select p.ticket_id, p.opened::text, p.customer_id, p.plan_id, p.plan_version::text,"
        + " p.priority, p.status, p.next_deadline::text, p.due_at::text, p.at_risk_from::text,"
        + " (select jsonb_agg(c - 'elapsed' - 'remaining') from jsonb_array_elements(p.clocks) c)::text,"
        + " p.published::text, p.excluded_reason, p.event_count::text, t.due_at::text"
        + " from ticket_projection p left join sla_timer t on t.ticket_id = p.ticket_id order by p.ticket_id");
  }
}
