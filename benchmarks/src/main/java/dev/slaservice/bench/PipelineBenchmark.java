package dev.slaservice.bench;

import dev.slaservice.bench.Settings.Phase;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * The benchmark command: starts Kafka, PostgreSQL and the packaged service, measures the raw limits
 * and the service side by side, and prints a table and one JSON object. Settings are system
 * properties (see {@link Settings}); it never fails on a figure, only when the stack does.
 */
public final class PipelineBenchmark {

  private final Settings settings;
  private final BenchStack stack;
  private final Figures figures;
  private final TicketMix mix;
  private final HttpLoad load;
  private final HttpLoad singleLoad;
  private final AtomicLong directlyAccepted = new AtomicLong();
  private StoredEvents stored;

  private PipelineBenchmark(Settings settings, BenchStack stack, Figures figures) {
    this.settings = settings;
    this.stack = stack;
    this.figures = figures;
    this.mix = new TicketMix(settings.customers(), settings.seed());
    this.load = new HttpLoad(stack.service().uri("/events"), stack.token("helpdesk"));
    this.singleLoad = new HttpLoad(stack.service().uri("/events"), stack.token("helpdesk"));
  }

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.fromSystemProperties();
    Path dir = settings.dir();
    Files.createDirectories(dir);
    System.out.println("[bench] stack, logs and results under " + dir);
    Figures figures = new Figures(Machine.describe(settings));
    try (BenchStack stack =
        BenchStack.start(dir, settings.partitions(), settings.serviceJvmOptions())) {
      new PipelineBenchmark(settings, stack, figures).run();
    } finally {
      System.out.println();
      System.out.println(figures.table());
      System.out.println(figures.json());
      figures.write(dir.resolve("benchmark.json"));
      System.out.println("[bench] written to " + dir.resolve("benchmark.json"));
    }
  }

  private void run() throws SQLException, IOException {
    subscribeCustomers();
    try (StoredEvents watcher = new StoredEvents(stack)) {
      stored = watcher;
      Set<Phase> phases = settings.phases();
      if (phases.contains(Phase.RAW)) {
        RawLimits.measureAll(stack, settings, figures);
      }
      if (phases.contains(Phase.INTAKE)) {
        IntakePhase intake = new IntakePhase(settings, stack, figures);
        intake.alone();
        intake.measure("intake", "intake", mix, load, singleLoad, this::awaitCaughtUp);
        awaitCaughtUp();
      }
      if (phases.contains(Phase.E2E)) {
        endToEnd();
      }
      if (phases.contains(Phase.BREACH)) {
        breachLatency();
      } else if (!Collections.disjoint(
          phases, EnumSet.of(Phase.MEMORY, Phase.REPORT, Phase.REBUILD))) {
        openLongLived();
      }
      if (phases.contains(Phase.MEMORY)) {
        memory();
      }
      if (phases.contains(Phase.REPORT)) {
        complianceReport();
      }
      if (phases.contains(Phase.REBUILD)) {
        rebuild();
      }
    }
  }

  /** Every customer's subscription, stored before anything is measured. */
  private void subscribeCustomers() {
    List<String> subscriptions = mix.subscriptions();
    for (int from = 0; from < subscriptions.size(); from += 1000) {
      int to = Math.min(subscriptions.size(), from + 1000);
      postAccepted(TicketMix.array(subscriptions.subList(from, to)), to - from);
    }
    long giveUp = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (stack.count("select count(*) from event_store") < subscriptions.size()) {
      if (System.nanoTime() > giveUp) {
        throw new IllegalStateException("the subscriptions were not stored within 2 minutes");
      }
      Pause.briefly(Duration.ofMillis(100));
    }
    directlyAccepted.set(0);
  }

  /**
   * Waits until everything accepted so far is in the event store; @return when, in System.nanoTime.
   */
  private long awaitCaughtUp() {
    long accepted = accepted();
    long started = System.nanoTime();
    long caughtUp = stored.awaitStored(accepted, Duration.ofMinutes(30));
    System.out.printf(
        "[bench] pipeline caught up with %,d accepted events (waited %.1f s)%n",
        accepted, (caughtUp - started) / 1e9);
    return caughtUp;
  }

  private long accepted() {
    return load.totalAccepted() + singleLoad.totalAccepted() + directlyAccepted.get();
  }

  /** Posting never runs further ahead of the event store than this many events. */
  private boolean farBehind() {
    return accepted() - stored.stored() > settings.maxBacklog();
  }

  private void endToEnd() {
    for (int r = 0; r < settings.e2eRepeats(); r++) {
      long before = load.totalAccepted();
      long start = System.nanoTime();
      HttpLoad.Result posted =
          load.closedLoop(
              () -> mix.lifecycleBatch(100, settings.ticketsInFlight(), Instant.now()),
              100,
              settings.e2eWorkers(),
              HttpLoad.after(settings.e2eDuration()),
              this::farBehind);
      long caughtUp = awaitCaughtUp();
      double rate = (load.totalAccepted() - before) / ((caughtUp - start) / 1e9);
      figures.addAgainst(
          "endToEnd.eventsPerSecond",
          "end to end, POST to committed projection",
          "events/s",
          rate,
          List.of(RawLimits.INSERT_LIMIT, RawLimits.UNNEST_LIMIT, RawLimits.UPSERT_LIMIT),
          ">= 12,000 events/s and >= 0.25 x raw insert");
      posted.printRefusals();
    }
  }

  /** Opens long-lived tickets until, with the due ones to come, a million (by default) are open. */
  private void openLongLived() {
    long open = mix.longOpens();
    long missing = settings.openTickets() - settings.dueTickets() - open;
    System.out.printf(
        "[bench] %,d long-lived open tickets so far; opening %,d more%n",
        open, Math.max(0, missing));
    if (missing > 0) {
      long target = open + missing;
      load.closedLoop(
          () ->
              TicketMix.array(
                  IntStream.range(0, 1000).mapToObj(i -> mix.longOpen(Instant.now())).toList()),
          1000,
          settings.e2eWorkers(),
          () -> mix.longOpens() >= target,
          this::farBehind);
    }
    awaitCaughtUp();
  }

  private void breachLatency() {
    openLongLived();
    int due = settings.dueTickets();
    Instant windowStart = Instant.now().plus(settings.dueLead());
    System.out.printf(
        "[bench] opening %,d tickets due between %s and %s%n",
        due, windowStart, windowStart.plusSeconds(60));
    try (BreachWatch watch = new BreachWatch(stack, "-D", windowStart)) {
      List<String> dueEvents = new ArrayList<>();
      for (int i = 0; i < due; i++) {
        dueEvents.add(mix.dueAt(windowStart.plusNanos(60_000_000_000L * i / due)));
      }
      for (int from = 0; from < dueEvents.size(); from += 1000) {
        postAccepted(
            TicketMix.array(dueEvents.subList(from, Math.min(dueEvents.size(), from + 1000))),
            Math.min(dueEvents.size(), from + 1000) - from);
      }
      awaitCaughtUp();
      if (Instant.now().isAfter(windowStart)) {
        System.out.println(
            "[bench] WARNING: the due tickets were stored only after the window opened; raise"
                + " -Dbench.due.lead.seconds");
      }
      TimerLagHistogram timersBefore = stack.service().timerLag();
      Latencies latencies =
          watch.await(
              due,
              System.nanoTime()
                  + Duration.between(Instant.now(), windowStart.plusSeconds(60 + 120)).toNanos());
      TimerLagHistogram timers = stack.service().timerLag().since(timersBefore);
      System.out.printf(
          "[bench] timers fired in the window: %,.0f; lag (due to committed) p50 <= %,.0f ms,"
              + " p99 <= %,.0f ms (the service's histogram buckets); the rest of a breach's latency is the relay%n",
          timers.count(),
          timers.percentileUpperBoundMillis(0.5),
          timers.percentileUpperBoundMillis(0.99));
      System.out.println("[bench] breach latency by deadline, from the window's start:");
      watch.printSlices();
      figures.add(
          "breach.count",
          "breaches of due tickets read",
          "breaches",
          latencies.count(),
          null,
          "= " + due);
      figures.add(
          "breach.duplicates",
          "breaches read twice (same id)",
          "records",
          watch.duplicates(),
          null,
          "= 0");
      figures.add(
          "breach.latencyP50Millis",
          "breach latency p50 (read - deadline)",
          "ms",
          latencies.percentileMillis(0.5));
      figures.add(
          "breach.latencyP99Millis",
          "breach latency p99",
          "ms",
          latencies.percentileMillis(0.99),
          null,
          "<= 1,000 ms");
      figures.add(
          "breach.latencyMaxMillis",
          "breach latency max",
          "ms",
          latencies.percentileMillis(1.0),
          null,
          "<= 2,000 ms");
      figures.add(
          "breach.timerLagP50Millis",
          "timer lag p50 (bucket bound)",
          "ms",
          timers.percentileUpperBoundMillis(0.5));
      figures.add(
          "breach.timerLagP99Millis",
          "timer lag p99 (bucket bound)",
          "ms",
          timers.percentileUpperBoundMillis(0.99));
    }
  }

  private void memory() {
    long openTickets =
        stack.count(
            "select count(*) from ticket_projection where status in ('RUNNING', 'BREACHED',"
                + " 'PAUSED')");
    System.out.printf("[bench] %,d tickets with a clock not stopped%n", openTickets);
    figures.add(
        "service.rssMegabytes",
        "service RSS after " + openTickets / 1000 + "k open tickets",
        "MB",
        stack.service().rssBytes() / 1048576.0,
        null,
        "<= 512 MB");
    figures.add(
        "service.heapUsedMegabytes",
        "service heap used",
        "MB",
        stack.service().heapUsedBytes() / 1048576.0);
  }

  /**
   * A month's compliance report over every ticket the run opened, per plan, priority and metric.
   */
  private void complianceReport() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String path =
        "/reports/compliance?from="
            + today.minusDays(30)
            + "&to="
            + today.plusDays(1)
            + "&groupBy=plan,priority,metric";
    long tickets =
        stack.count(
            "select count(*) from ticket_projection where opened and opened_at >= '"
                + today.minusDays(30)
                + "'");
    for (int r = 0; r < settings.repeats(); r++) {
      long start = System.nanoTime();
      HttpResponse<String> report = stack.service().get(path, stack.token("ops"));
      double millis = (System.nanoTime() - start) / 1e6;
      if (report.statusCode() != 200) {
        throw new IllegalStateException(
            "the compliance report was refused with " + report.statusCode() + ": " + report.body());
      }
      figures.add(
          "report.complianceMonthMillis",
          "compliance report, a month by plan, priority and metric ("
              + tickets / 1000
              + "k tickets)",
          "ms",
          millis,
          null,
          "< 2,000 ms at 1M tickets");
    }
  }

  private void rebuild() {
    long events = stack.count("select count(*) from event_store");
    for (int r = 0; r < settings.rebuildRepeats(); r++) {
      double millis = RebuildRun.fromScratch(stack);
      figures.addAgainst(
          "rebuild.eventsPerSecond",
          "rebuild from scratch (" + events / 1000 + "k events)",
          "events/s",
          events / (millis / 1000),
          List.of(RawLimits.COPY_LIMIT, RawLimits.UPSERT_LIMIT),
          ">= 40,000 events/s");
    }
  }

  /** Posts a body until it is accepted (a 503 asks to retry with the same event ids). */
  private void postAccepted(String body, int events) {
    for (int attempt = 1; ; attempt++) {
      int status = stack.service().post("/events", body, stack.token("helpdesk")).statusCode();
      if (status == 202) {
        directlyAccepted.addAndGet(events);
        return;
      }
      if (status != 503 || attempt == 20) {
        throw new IllegalStateException("a benchmark request was refused with " + status);
      }
      Pause.briefly(Duration.ofMillis(500));
    }
  }
}
