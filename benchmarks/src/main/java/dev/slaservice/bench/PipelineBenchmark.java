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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.stream.IntStream;

/**
 * The benchmark command: starts Kafka, PostgreSQL and the packaged service, measures the raw limits
 * and the service side by side, and prints a table and one JSON object. Settings are system
 * properties (see {@link Settings}); it never fails on a figure, only when the stack does.
 */
public final class PipelineBenchmark {

  private static final String INSERT_LIMIT = "raw.postgres.insert500RowsPerSecond";
  private static final String UNNEST_LIMIT = "raw.postgres.unnest500RowsPerSecond";
  private static final String COPY_LIMIT = "raw.postgres.copyProjectionRowsPerSecond";
  private static final String UPSERT_LIMIT = "raw.postgres.projectionUpsert500RowsPerSecond";

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
        rawLimits();
      }
      if (phases.contains(Phase.INTAKE)) {
        intakeAlone();
        intake();
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

  private void rawLimits() {
    int recordSize = RawLimits.averageEventSize(otherMix(1));
    System.out.println("[bench] average event size in the mix: " + recordSize + " bytes");
    repeated(
        "raw.kafka.producerRecordsPerSecond",
        "raw: Kafka producer (" + recordSize + " B, acks=all)",
        "records/s",
        () -> {
          String topic = RawLimits.randomTopic();
          stack.createTopic(topic);
          return RawLimits.kafkaProducer(stack, topic, settings.rawKafkaRecords(), recordSize);
        });
    repeated(
        INSERT_LIMIT,
        "raw: PostgreSQL 500-row insert tx",
        "rows/s",
        () -> RawLimits.postgresInserts(stack, otherMix(2), settings.rawPostgresDuration()));
    repeated(
        UNNEST_LIMIT,
        "raw: PostgreSQL 500-row unnest insert tx",
        "rows/s",
        () -> RawWrites.eventStoreUnnest(stack, otherMix(4), settings.rawPostgresDuration()));
    for (int r = 0; r < settings.repeats(); r++) {
      double[] projection =
          RawWrites.projectionCopyThenUpserts(
              stack, settings.rawCopyRows(), settings.rawPostgresDuration());
      figures.add(
          COPY_LIMIT,
          "raw: PostgreSQL COPY of " + settings.rawCopyRows() / 1000 + "k projection rows",
          "rows/s",
          projection[0]);
      figures.add(
          UPSERT_LIMIT, "raw: PostgreSQL 500-row projection upsert tx", "rows/s", projection[1]);
    }
  }

  /** One figure per repeat, each a new run of {@code measure}. */
  private void repeated(String key, String label, String unit, DoubleSupplier measure) {
    for (int r = 0; r < settings.repeats(); r++) {
      figures.add(key, label, unit, measure.getAsDouble());
    }
  }

  /** A mix of the same customers from another seed, so its tickets are not the measured ones. */
  private TicketMix otherMix(int seedOffset) {
    return new TicketMix(settings.customers(), settings.seed() + seedOffset);
  }

  private void intake() {
    measureIntake("intake", "intake", mix, load, singleLoad, this::awaitCaughtUp);
    awaitCaughtUp();
  }

  /**
   * Intake on its own: a second instance whose intake publishes to a topic no consumer reads, and
   * whose consumers read an empty one, so the pipeline takes none of the two cores while it is
   * measured. The main instance is idle meanwhile; nothing posted here reaches the event store.
   */
  private void intakeAlone() {
    String published = "bench-intake-alone";
    String empty = "bench-intake-alone-empty";
    stack.createTopic(published);
    stack.createTopic(empty);
    try (ServiceUnderTest alone =
        stack.startAnotherService(
            "service-intake-alone",
            List.of(
                "-Dsla.intake.topic=" + published,
                "-Dmp.messaging.incoming.ticket-events-in.topic=" + empty,
                "-Dmp.messaging.incoming.ticket-events-in.group.id=" + published))) {
      TicketMix aloneMix = otherMix(3);
      HttpLoad batches = new HttpLoad(alone.uri("/events"), stack.token("helpdesk"));
      HttpLoad singles = new HttpLoad(alone.uri("/events"), stack.token("helpdesk"));
      measureIntake(
          "intakeAlone", "intake alone (no consumers)", aloneMix, batches, singles, () -> {});
    }
  }

  private void measureIntake(
      String key,
      String label,
      TicketMix events,
      HttpLoad batchLoad,
      HttpLoad singles,
      Runnable beforeRepeat) {
    // the first seconds of a fresh JVM run interpreted code; they are not what a running service
    // does
    batchLoad.closedLoop(
        () ->
            TicketMix.array(
                IntStream.range(0, 100).mapToObj(i -> events.longOpen(Instant.now())).toList()),
        100,
        settings.intakeWorkers(),
        HttpLoad.after(settings.warmup()),
        () -> false);
    // every repeat of the main instance starts with the pipeline caught up: a backlog left by the
    // previous one would be measured as intake latency, and it is not what a helpdesk posting at
    // this
    // rate sees
    for (int r = 0; r < settings.repeats(); r++) {
      beforeRepeat.run();
      HttpLoad.Result batches =
          batchLoad.closedLoop(
              () ->
                  TicketMix.array(
                      IntStream.range(0, 100)
                          .mapToObj(i -> events.longOpen(Instant.now()))
                          .toList()),
              100,
              settings.intakeWorkers(),
              HttpLoad.after(settings.intakeDuration()),
              () -> false);
      report(
          key + ".batch100",
          label + ", batches of 100",
          batches,
          "raw.kafka.producerRecordsPerSecond",
          ">= 60,000 events/s");
    }
    // one event per request over many connections runs code the batch warm-up leaves cold: without
    // this the JIT compiler was the service's busiest thread through the single-event repeats
    singles.openLoop(
        () -> events.longOpen(Instant.now()),
        1,
        settings.singleRequestsPerSecond(),
        settings.warmup());
    for (int r = 0; r < settings.repeats(); r++) {
      beforeRepeat.run();
      HttpLoad.Result result =
          singles.openLoop(
              () -> events.longOpen(Instant.now()),
              1,
              settings.singleRequestsPerSecond(),
              settings.intakeDuration());
      figures.add(
          key + ".single.requestsPerSecond",
          label + ", single events (offered " + settings.singleRequestsPerSecond() + "/s)",
          "req/s",
          result.eventsPerSecond());
      figures.add(
          key + ".single.p50Millis",
          label + ", single event p50",
          "ms",
          result.latencies().percentileMillis(0.5));
      figures.add(
          key + ".single.p99Millis",
          label + ", single event p99",
          "ms",
          result.latencies().percentileMillis(0.99),
          null,
          "<= 20 ms");
      warnIfRefused(result);
    }
  }

  private void report(
      String key, String label, HttpLoad.Result result, String limit, String target) {
    figures.add(
        key + ".eventsPerSecond", label, "events/s", result.eventsPerSecond(), limit, target);
    figures.add(key + ".p50Millis", label + " p50", "ms", result.latencies().percentileMillis(0.5));
    figures.add(
        key + ".p99Millis", label + " p99", "ms", result.latencies().percentileMillis(0.99));
    warnIfRefused(result);
  }

  private static void warnIfRefused(HttpLoad.Result result) {
    if (result.refusedRequests() > 0) {
      System.out.println("[bench] " + result.refusedRequests() + " requests were not accepted");
    }
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
          List.of(INSERT_LIMIT, UNNEST_LIMIT, UPSERT_LIMIT),
          ">= 12,000 events/s and >= 0.25 x raw insert");
      warnIfRefused(posted);
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
          List.of(COPY_LIMIT, UPSERT_LIMIT),
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

  /** The machine the figures came from. */
  static final class Machine {
    private Machine() {}

    static Map<String, Object> describe(Settings settings) {
      Map<String, Object> machine = new LinkedHashMap<>();
      machine.put("date", Instant.now().toString());
      machine.put("cores", Runtime.getRuntime().availableProcessors());
      machine.put("cpu", cpuModel());
      machine.put("memoryGiB", Math.round(totalMemoryKb() / 1048576.0));
      machine.put(
          "java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
      machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
      machine.put("serviceJvm", String.join(" ", settings.serviceJvmOptions()));
      machine.put("partitions", settings.partitions());
      return machine;
    }

    private static String cpuModel() {
      return lineOf("/proc/cpuinfo", "model name").replaceFirst("^model name\\s*:\\s*", "");
    }

    private static long totalMemoryKb() {
      String line = lineOf("/proc/meminfo", "MemTotal");
      return line.isEmpty() ? 0 : Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    private static String lineOf(String file, String prefix) {
      try {
        return Files.readAllLines(Path.of(file)).stream()
            .filter(l -> l.startsWith(prefix))
            .findFirst()
            .orElse("");
      } catch (IOException e) {
        return "";
      }
    }
  }
}
