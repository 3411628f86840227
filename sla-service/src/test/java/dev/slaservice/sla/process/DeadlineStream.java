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
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Helpdesk traffic whose deadlines pass while a process-tier test runs (tickets on Websoft9
 * Premium, 10-minute response targets, opened almost ten minutes ago), and the checks that the
 * pipeline applied and published each of its effects exactly once.
 */
final class DeadlineStream {

  /** One POST /events body and the ids of its events. */
  record Request(String body, List<String> eventIds) {
    static Request of(List<InboundEvent> events) {
      return new Request(
          "["
              + events.stream().map(InboundEventCodec::write).collect(Collectors.joining(","))
              + "]",
          events.stream().map(InboundEvent::eventId).toList());
    }
  }

  private DeadlineStream() {}

  /**
   * At least {@code eventCount} events over tickets opened so that their response deadlines fall
   * between 3 s and about a minute (more for large runs) after {@code start}; a fifth of the
   * tickets are resolved in time, others start work, change priority or just wait.
   */
  static Map<String, List<InboundEvent>> generate(
      String source, int eventCount, Instant start, Random random) {
    Map<String, List<InboundEvent>> tickets = new TreeMap<>();
    long spreadSeconds = Math.max(60, eventCount / 1_500);
    int events = 0;
    for (int i = 0; events < eventCount; i++) {
      String ticket = source.toUpperCase() + "-" + i + "-" + UUID.randomUUID();
      Instant opened =
          start
              .minus(Duration.ofMinutes(10))
              .plusMillis(3_000 + random.nextLong(spreadSeconds * 1_000));
      String priority = random.nextInt(4) == 0 ? "NORMAL" : "HIGH";
      List<String> json = new ArrayList<>();
      json.add(
          event(
              source,
              "TicketOpened",
              ticket,
              opened,
              ",\"customerId\":\""
                  + source
                  + "-"
                  + (i % 7)
                  + "\",\"planId\":\"websoft9-premium\",\"priority\":\""
                  + priority
                  + "\""));
      switch (i % 5) {
        case 0, 1 -> {}
        case 2 ->
            json.add(
                event(
                    source,
                    "WorkStarted",
                    ticket,
                    opened.plusSeconds(60 + random.nextInt(480)),
                    ""));
        case 3 ->
            json.add(
                event(
                    source,
                    "PriorityChanged",
                    ticket,
                    opened.plusSeconds(60),
                    ",\"priority\":\"NORMAL\""));
        default -> {
          Instant work = opened.plusSeconds(120);
          json.add(event(source, "WorkStarted", ticket, work, ""));
          json.add(event(source, "TicketPaused", ticket, work.plusSeconds(60), ""));
          json.add(event(source, "TicketResumed", ticket, work.plusSeconds(120), ""));
          json.add(event(source, "TicketResolved", ticket, work.plusSeconds(180), ""));
        }
      }
      tickets.put(
          ticket,
          json.stream()
              .map(j -> InboundEventCodec.read(j.getBytes(StandardCharsets.UTF_8)))
              .toList());
      events += json.size();
    }
    return tickets;
  }

  private static String event(String source, String type, String ticket, Instant at, String more) {
    return "{\"type\":\"%s\",\"eventId\":\"%s\",\"ticketId\":\"%s\",\"occurredAt\":\"%s\",\"source\":\"%s\"%s}"
        .formatted(type, UUID.randomUUID(), ticket, at, source, more);
  }

  /**
   * Requests of up to {@code batch} events, a ticket's events together, tickets in shuffled order.
   */
  static List<Request> requests(Map<String, List<InboundEvent>> tickets, int batch, Random random) {
    List<Request> requests = new ArrayList<>();
    List<InboundEvent> pending = new ArrayList<>();
    List<List<InboundEvent>> shuffled = new ArrayList<>(tickets.values());
    Collections.shuffle(shuffled, random);
    for (List<InboundEvent> events : shuffled) {
      if (pending.size() + events.size() > batch) {
        requests.add(Request.of(pending));
        pending.clear();
      }
      pending.addAll(events);
    }
    if (!pending.isEmpty()) {
      requests.add(Request.of(pending));
    }
    return requests;
  }

  private static int eventCount(Map<String, List<InboundEvent>> tickets) {
    return tickets.values().stream().mapToInt(List::size).sum();
  }

  private static Instant lastResponseDeadline(Map<String, List<InboundEvent>> tickets) {
    return tickets.values().stream()
        .map(events -> events.get(0).occurredAt().toInstant())
        .max(Instant::compareTo)
        .orElseThrow()
        .plus(Duration.ofMinutes(10));
  }

  /**
   * Waits until every accepted event is stored and every deadline has passed with its timer fired
   * and the outbox relayed, then checks: the stored events are exactly the accepted ones, once
   * each; no id was published twice; the breaches standing on sla-breaches are the ones the events
   * call for.
   */
  static void assertAppliedOnce(
      ProcessStack stack,
      Map<String, List<InboundEvent>> tickets,
      Set<String> accepted,
      Duration within) {
    int expectedEvents = eventCount(tickets);
    assertThat(accepted).hasSize(expectedEvents);
    await()
        .atMost(within)
        .until(() -> stack.count("select count(*) from event_store") >= expectedEvents);
    assertThat(stack.storedEventIds()).as("stored event ids").isEqualTo(accepted);
    assertThat(stack.count("select count(*) from event_store"))
        .as("stored events")
        .isEqualTo(expectedEvents);

    Instant lastDeadline = lastResponseDeadline(tickets);
    await()
        .atMost(within)
        .until(
            () ->
                Instant.now().isAfter(lastDeadline.plusSeconds(2))
                    && stack.count("select count(*) from sla_timer where due_at < now()") == 0
                    && stack.count(
                            "select (select count(*) from compensation_due) + (select count(*) from outbox)")
                        == 0);
    assertNothingPublishedTwice(stack);
    assertThat(publishedBreaches(stack))
        .as("breaches standing on sla-breaches")
        .isEqualTo(expectedBreaches(tickets, Instant.now()));
  }

  /**
   * (ticket, metric) of every clock the events breach, by the same domain rules the service runs.
   */
  private static Set<String> expectedBreaches(
      Map<String, List<InboundEvent>> tickets, Instant now) {
    SlaEvaluator evaluator = new SlaEvaluator(new BuiltInCatalog());
    Set<String> breached = new HashSet<>();
    tickets.forEach(
        (ticket, events) ->
            evaluator
                .evaluate(ticket, events.stream().map(TicketEvent.class::cast).toList(), now)
                .clocks()
                .stream()
                .filter(clock -> clock.status() == ClockStatus.BREACHED)
                .forEach(clock -> breached.add(ticket + "/" + clock.metric())));
    return breached;
  }

  /**
   * (ticket, metric) whose breaches outnumber their retractions on sla-breaches; fails on a
   * negative count.
   */
  private static Set<String> publishedBreaches(ProcessStack stack) {
    Map<String, Integer> standing = new HashMap<>();
    for (ConsumerRecord<String, String> record : stack.read(Topics.SLA_BREACHES)) {
      SlaEvent event = SlaEventCodec.read(record.value());
      int change =
          event instanceof SlaEvent.SlaBreached
              ? 1
              : event instanceof SlaEvent.SlaBreachRetracted ? -1 : 0;
      standing.merge(event.ticketId() + "/" + event.metric(), change, Integer::sum);
    }
    assertThat(standing.values()).as("breaches standing per clock").allMatch(n -> n == 0 || n == 1);
    return standing.entrySet().stream()
        .filter(e -> e.getValue() == 1)
        .map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }

  /** No integration event id appears twice on any output topic (read_committed). */
  private static void assertNothingPublishedTwice(ProcessStack stack) {
    for (String topic :
        List.of(
            Topics.SLA_BREACHES,
            Topics.SLA_WARNINGS,
            Topics.SLA_CLOCKS,
            Topics.SLA_COMPENSATIONS)) {
      Map<String, Long> perId =
          stack.read(topic).stream()
              .collect(Collectors.groupingBy(DeadlineStream::ceId, Collectors.counting()));
      assertThat(
              perId.entrySet().stream()
                  .filter(e -> e.getValue() > 1)
                  .map(Map.Entry::getKey)
                  .limit(5)
                  .toList())
          .as("ids published more than once on " + topic)
          .isEmpty();
    }
  }

  private static String ceId(ConsumerRecord<String, String> record) {
    return new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
  }

  /**
   * Every projection and timer column; of the clocks, all but elapsed and remaining time, which are
   * read at the moment of writing and so differ between any two writes of a running clock.
   */
  static List<List<String>> projection(ProcessStack stack) {
    return stack.rows(
        "select p.ticket_id, p.opened::text, p.customer_id, p.plan_id, p.plan_version::text,"
            + " p.priority, p.status, p.next_deadline::text, p.due_at::text, p.at_risk_from::text,"
            + " (select jsonb_agg(c - 'elapsed' - 'remaining') from jsonb_array_elements(p.clocks) c)::text,"
            + " p.published::text, p.excluded_reason, p.event_count::text, t.due_at::text"
            + " from ticket_projection p left join sla_timer t on t.ticket_id = p.ticket_id order by p.ticket_id");
  }
}
