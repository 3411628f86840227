package dev.slaservice.sla.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.slaservice.events.EventJson;
import dev.slaservice.events.Metric;
import dev.slaservice.sla.domain.sla.SlaFact;
import dev.slaservice.sla.support.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The streaming form of the published facts agrees with the contract's mapper, both ways. */
class ProjectionJsonProperties {

  @Property(tries = 500)
  void writtenFactsAreTheMappersFormAndReadBack(@ForAll("facts") List<SlaFact> facts)
      throws Exception {
    String written = ProjectionJson.writeFacts(facts);
    assertThat(written).isEqualTo(Json.text(facts.stream().map(StoredFact::of).toList()));
    assertThat(ProjectionJson.readFacts(written)).isEqualTo(facts);
    List<StoredFact> bound = EventJson.mapper().readValue(written, new TypeReference<>() {});
    assertThat(bound.stream().map(StoredFact::toFact).toList()).isEqualTo(facts);
  }

  @Provide
  Arbitrary<List<SlaFact>> facts() {
    Arbitrary<Metric> metric = Arbitraries.of(Metric.class);
    Arbitrary<String> priority = Arbitraries.of("P1", "P2", "HIGH", "LOW", "Sev-1");
    Arbitrary<Duration> target =
        Arbitraries.longs().between(1, 400 * 3600L).map(Duration::ofSeconds);
    // whole seconds, milliseconds and nanoseconds, from 1990 to 2100
    Arbitrary<Instant> instant =
        Combinators.combine(
                Arbitraries.longs().between(631_152_000L, 4_102_444_800L),
                Arbitraries.of(0, 0, 500_000_000, 123_000_000, 1, 999_999_999))
            .as(Instant::ofEpochSecond);
    Arbitrary<SlaFact.Goal> goal =
        Combinators.combine(metric, priority, target, instant).as(SlaFact.Goal::new);
    // a reply metric's fact names its cycle's start; a fact of a clock that runs once has none
    Arbitrary<Instant> cycleStart = instant.injectNull(0.5);
    Arbitrary<SlaFact> breach =
        Combinators.combine(goal, instant, cycleStart).as(SlaFact.Breach::new);
    Arbitrary<SlaFact> warning =
        Combinators.combine(goal, Arbitraries.integers().between(1, 99), instant, cycleStart)
            .as(SlaFact.Warning::new);
    Arbitrary<SlaFact> met = Combinators.combine(goal, instant, cycleStart).as(SlaFact.Met::new);
    Arbitrary<SlaFact> deadline =
        Combinators.combine(goal, instant, cycleStart).as(SlaFact.Deadline::new);
    return Arbitraries.oneOf(breach, warning, met, deadline).list().ofMaxSize(8);
  }
}
