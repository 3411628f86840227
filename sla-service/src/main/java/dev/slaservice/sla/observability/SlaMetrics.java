package dev.slaservice.sla.observability;

import dev.slaservice.events.InboundEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The service's own metrics, on /q/metrics next to the JVM, HTTP and Kafka client ones. Names are
 * the contract of deploy/grafana/sla-service.json.
 */
@ApplicationScoped
public class SlaMetrics {

  public static final String EVENTS_ACCEPTED = "sla.events.accepted";
  public static final String REQUESTS_REJECTED = "sla.requests.rejected";
  public static final String BATCH = "sla.consumer.batch";
  public static final String BATCH_EVENTS = "sla.consumer.batch.events";
  public static final String TIMER_LAG = "sla.timer.lag";
  public static final String OUTBOX_BACKLOG = "sla.outbox.backlog";
  public static final String PUBLISHED = "sla.published";
  public static final String DEAD_LETTERS = "sla.dead.letters";

  private final MeterRegistry registry;
  private final Timer batchTime;
  private final Timer timerLag;
  private final AtomicLong outboxBacklog = new AtomicLong();
  private final Map<List<String>, Counter> published = new ConcurrentHashMap<>();

  public SlaMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.batchTime =
        Timer.builder(BATCH)
            .description("Time to apply one consumed batch in one transaction")
            .publishPercentileHistogram()
            .register(registry);
    this.timerLag =
        Timer.builder(TIMER_LAG)
            .description("How late a due timer fired: now minus its due instant")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofMinutes(5))
            .register(registry);
    registry.gauge(OUTBOX_BACKLOG, List.of(), outboxBacklog, AtomicLong::doubleValue);
  }

  /** Events Kafka acknowledged, by type. */
  public void accepted(List<InboundEvent> events) {
    // one meter lookup per type in the request, not per event: intake runs at tens of thousands a
    // second
    events.stream()
        .collect(Collectors.groupingBy(e -> e.eventType().wireName(), Collectors.counting()))
        .forEach(
            (type, count) ->
                Counter.builder(EVENTS_ACCEPTED)
                    .tag("type", type)
                    .description("Events accepted over HTTP and acknowledged by Kafka")
                    .register(registry)
                    .increment(count));
  }

  /** A refused POST /events, by why: invalid (400) or kafka_unavailable (503). */
  public void rejected(String reason) {
    Counter.builder(REQUESTS_REJECTED)
        .tag("reason", reason)
        .description("Event requests refused over HTTP")
        .register(registry)
        .increment();
  }

  public void batchApplied(Duration took, int events) {
    batchTime.record(took);
    registry.summary(BATCH_EVENTS).record(events);
  }

  public void timerFired(Duration late) {
    timerLag.record(late.isNegative() ? Duration.ZERO : late);
  }

  public void outboxBacklog(long records) {
    outboxBacklog.set(records);
  }

  /**
   * An integration event Kafka acknowledged, by type, plan and metric (breaches, warnings,
   * retractions…).
   */
  public void published(String type, String planId, String metric) {
    // one counter per combination, looked up without building a meter id for every record
    published
        .computeIfAbsent(
            List.of(type, planId, metric),
            tags ->
                Counter.builder(PUBLISHED)
                    .tag("type", type)
                    .tag("plan", planId)
                    .tag("metric", metric)
                    .description("SLA events published to Kafka")
                    .register(registry))
        .increment();
  }

  public void deadLettered() {
    Counter.builder(DEAD_LETTERS)
        .description("Consumed records sent to the dead-letter topic")
        .register(registry)
        .increment();
  }
}
