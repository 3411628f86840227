package dev.slaservice.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Inbound events as helpdesks post them, over customers on every built-in plan: long-lived open
 * tickets whose next timer is hours away, tickets due at a chosen instant, and a lifecycle mix
 * (open, work started, priority change, pause and resume, resolve) over many tickets at once.
 */
final class TicketMix {

  /** A plan and a priority whose first warning is at least an hour after the ticket opens. */
  record Terms(String planId, String priority, String timeZone) {}

  static final List<Terms> LONG_TERMS =
      List.of(
          new Terms("websoft9-standard", "NORMAL", "Asia/Shanghai"),
          new Terms("websoft9-advanced", "NORMAL", "Asia/Shanghai"),
          new Terms("emq-7x24", "P4", "Europe/Berlin"),
          new Terms("emq-5x8", "P4", "Europe/Berlin"),
          new Terms("orangesky", "LOW", "America/Los_Angeles"));
  private static final List<List<String>> LIFECYCLE_PRIORITIES =
      List.of(
          List.of("NORMAL", "HIGH"),
          List.of("NORMAL", "HIGH"),
          List.of("P1", "P2", "P3", "P4"),
          List.of("P1", "P2", "P3", "P4"),
          List.of("EMERGENCY", "HIGHLY_DEGRADED", "MEDIUM", "LOW"));

  /** Websoft9 Premium, High: a 10-minute response target on a 24x7 calendar. */
  static final Duration DUE_TARGET = Duration.ofMinutes(10);

  /**
   * The plan of the due tickets; a ticket follows its customer's plan, so they have customers of
   * their own.
   */
  private static final Terms DUE_TERMS = new Terms("websoft9-premium", "HIGH", "Asia/Shanghai");

  private static final int DUE_CUSTOMERS = 50;

  private final int customers;
  private final String run;
  private final AtomicLong tickets = new AtomicLong();
  private long longOpens;
  private final Random random;
  private final List<Lifecycle> active = new ArrayList<>();

  TicketMix(int customers, long seed) {
    this.customers = customers;
    this.random = new Random(seed);
    this.run = Long.toString(seed & 0xffffff, 36);
  }

  private String customer(int index) {
    return "bench-c" + index;
  }

  private static String dueCustomer(int index) {
    return "bench-due-c" + index;
  }

  /**
   * One subscription per customer, on the plan its tickets use, and those of the due tickets'
   * customers.
   */
  List<String> subscriptions() {
    List<String> events = new ArrayList<>();
    for (int i = 0; i < customers; i++) {
      events.add(subscription(customer(i), LONG_TERMS.get(i % LONG_TERMS.size())));
    }
    for (int i = 0; i < DUE_CUSTOMERS; i++) {
      events.add(subscription(dueCustomer(i), DUE_TERMS));
    }
    return events;
  }

  private static String subscription(String customer, Terms terms) {
    return """
        {"type":"SubscriptionChanged","eventId":"%s","customerId":"%s","occurredAt":"2026-01-01T00:00:00Z",\
        "source":"billing","planId":"%s","monthlyFee":"1000.00","currency":"USD","timeZone":"%s",\
        "effectiveFrom":"2026-01-01"}"""
        .formatted(UUID.randomUUID(), customer, terms.planId(), terms.timeZone());
  }

  /** A ticket opened at {@code at} whose first timer is hours away. */
  synchronized String longOpen(Instant at) {
    int customer = random.nextInt(customers);
    Terms terms = LONG_TERMS.get(customer % LONG_TERMS.size());
    longOpens++;
    return opened(nextTicket("L"), customer(customer), terms.planId(), terms.priority(), at);
  }

  /** How many long-lived tickets were opened so far. */
  synchronized long longOpens() {
    return longOpens;
  }

  /** A Websoft9 Premium High ticket whose response deadline is {@code deadline}. */
  synchronized String dueAt(Instant deadline) {
    return opened(
        nextTicket("D"),
        dueCustomer(random.nextInt(DUE_CUSTOMERS)),
        DUE_TERMS.planId(),
        DUE_TERMS.priority(),
        deadline.minus(DUE_TARGET));
  }

  /**
   * The next {@code size} lifecycle events, drawn from {@code concurrent} tickets in flight at
   * once.
   */
  synchronized String lifecycleBatch(int size, int concurrent, Instant now) {
    StringJoiner batch = new StringJoiner(",", "[", "]");
    for (int i = 0; i < size; i++) {
      while (active.size() < concurrent) {
        active.add(newLifecycle());
      }
      int pick = random.nextInt(active.size());
      Lifecycle ticket = active.get(pick);
      batch.add(ticket.next(now));
      if (ticket.done()) {
        active.set(pick, active.get(active.size() - 1));
        active.remove(active.size() - 1);
      }
    }
    return batch.toString();
  }

  /** A JSON array of {@code events}. */
  static String array(List<String> events) {
    return "[" + String.join(",", events) + "]";
  }

  private Lifecycle newLifecycle() {
    int customer = random.nextInt(customers);
    int plan = customer % LONG_TERMS.size();
    List<String> priorities = LIFECYCLE_PRIORITIES.get(plan);
    List<String> steps = new ArrayList<>();
    steps.add("open:" + priorities.get(random.nextInt(priorities.size())));
    steps.add("WorkStarted");
    if (random.nextInt(10) < 3) {
      steps.add("priority:" + priorities.get(random.nextInt(priorities.size())));
    }
    if (random.nextInt(10) < 3) {
      steps.add("TicketPaused");
      steps.add("TicketResumed");
    }
    steps.add("TicketResolved");
    return new Lifecycle(nextTicket("M"), customer(customer), LONG_TERMS.get(plan).planId(), steps);
  }

  private String nextTicket(String kind) {
    return "bench-" + run + "-" + kind + tickets.incrementAndGet();
  }

  private static String opened(
      String ticket, String customer, String plan, String priority, Instant at) {
    return """
        {"type":"TicketOpened","eventId":"%s","ticketId":"%s","occurredAt":"%s","source":"benchmark-desk",\
        "customerId":"%s","planId":"%s","priority":"%s"}"""
        .formatted(UUID.randomUUID(), ticket, at, customer, plan, priority);
  }

  private static String simple(String type, String ticket, Instant at, String more) {
    return """
        {"type":"%s","eventId":"%s","ticketId":"%s","occurredAt":"%s","source":"benchmark-desk"%s}"""
        .formatted(type, UUID.randomUUID(), ticket, at, more);
  }

  /** One ticket's remaining lifecycle steps. */
  private static final class Lifecycle {
    private final String ticket;
    private final String customer;
    private final String plan;
    private final List<String> steps;
    private int step;
    private Instant last = Instant.EPOCH;

    Lifecycle(String ticket, String customer, String plan, List<String> steps) {
      this.ticket = ticket;
      this.customer = customer;
      this.plan = plan;
      this.steps = steps;
    }

    String next(Instant now) {
      // events of one ticket never share an instant, so their order is never a tie
      Instant at = now.isAfter(last) ? now : last.plusMillis(1);
      last = at;
      String kind = steps.get(step++);
      if (kind.startsWith("open:")) {
        return opened(ticket, customer, plan, kind.substring(5), at);
      }
      if (kind.startsWith("priority:")) {
        return simple("PriorityChanged", ticket, at, ",\"priority\":\"" + kind.substring(9) + "\"");
      }
      return simple(kind, ticket, at, "");
    }

    boolean done() {
      return step == steps.size();
    }
  }
}
