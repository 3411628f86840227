package dev.slaservice.bench;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/** How fast the service takes events over HTTP: batches of 100 and single events at a set rate. */
final class IntakePhase {

  private final Settings settings;
  private final BenchStack stack;
  private final Figures figures;

  IntakePhase(Settings settings, BenchStack stack, Figures figures) {
    this.settings = settings;
    this.stack = stack;
    this.figures = figures;
  }

  /**
   * Intake on its own: a second instance whose intake publishes to a topic no consumer reads, and
   * whose consumers read an empty one, so the pipeline takes none of the two cores while it is
   * measured. The main instance is idle meanwhile; nothing posted here reaches the event store.
   */
  void alone() {
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
      TicketMix aloneMix = new TicketMix(settings.customers(), settings.seed() + 3);
      HttpLoad batches = new HttpLoad(alone.uri("/events"), stack.token("helpdesk"));
      HttpLoad singles = new HttpLoad(alone.uri("/events"), stack.token("helpdesk"));
      measure("intakeAlone", "intake alone (no consumers)", aloneMix, batches, singles, () -> {});
    }
  }

  void measure(
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
      result.printRefusals();
    }
  }

  private void report(
      String key, String label, HttpLoad.Result result, String limit, String target) {
    figures.add(
        key + ".eventsPerSecond", label, "events/s", result.eventsPerSecond(), limit, target);
    figures.add(key + ".p50Millis", label + " p50", "ms", result.latencies().percentileMillis(0.5));
    figures.add(
        key + ".p99Millis", label + " p99", "ms", result.latencies().percentileMillis(0.99));
    result.printRefusals();
  }
}
