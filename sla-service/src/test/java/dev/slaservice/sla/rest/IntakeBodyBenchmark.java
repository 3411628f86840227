package dev.slaservice.sla.rest;

import dev.slaservice.events.CheckedEvent;
import dev.slaservice.events.EventType;
import dev.slaservice.events.InboundEventCodec;
import dev.slaservice.sla.domain.policy.BuiltInCatalog;
import dev.slaservice.sla.domain.policy.CatalogCheck;
import dev.slaservice.sla.process.EventSamples;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The intake's work on a batch of 100 events before Kafka (ADR 0019): the whole body read as one
 * tree and each event written again for the topic, against the one-pass reading that keeps each
 * event's text. Not a test: run it as docs/benchmarks.md runs the JMH benchmarks; it prints figures
 * and never fails a build.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IntakeBodyBenchmark {

  private static final int BATCH = 100;

  private final EventBodyReader reader =
      new EventBodyReader(new CatalogCheck(new BuiltInCatalog()), BATCH);
  private String body;

  @Setup
  public void batch() {
    EventType[] lifecycle = {
      EventType.TICKET_OPENED,
      EventType.WORK_STARTED,
      EventType.AGENT_REPLIED,
      EventType.SERVICE_RESTORED,
      EventType.TICKET_RESOLVED
    };
    List<String> events = new ArrayList<>();
    for (int i = 0; i < BATCH; i++) {
      events.add(
          EventSamples.valid(lifecycle[i % lifecycle.length])
              .put("ticketId", "T-" + UUID.randomUUID())
              .toString());
    }
    body = "[" + String.join(",", events) + "]";
  }

  @Benchmark
  public List<String> wholeTreeThenWrittenAgain() {
    return TreeEventBodyReader.read(reader, BATCH, body, () -> "generated").stream()
        .map(checked -> InboundEventCodec.write(checked.event()))
        .toList();
  }

  @Benchmark
  public List<String> onePassKeepingTheText() {
    return reader.read(body, () -> "generated").stream().map(CheckedEvent::json).toList();
  }
}
