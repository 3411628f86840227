package dev.slaservice.sla.persistence;

import static dev.slaservice.sla.support.Json.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slaservice.events.Metric;
import dev.slaservice.sla.domain.sla.ClockReading;
import dev.slaservice.sla.domain.sla.ClockStatus;
import dev.slaservice.sla.domain.sla.SlaFact;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProjectionJsonTest {

  static final Instant DEADLINE = Instant.parse("2026-03-29T01:30:00Z");
  static final List<SlaFact> EVERY_KIND =
      List.of(
          new SlaFact.Breach(
              new SlaFact.Goal(Metric.RESPONSE, "HIGH", Duration.ofMinutes(15), DEADLINE),
              DEADLINE,
              null),
          new SlaFact.Warning(
              new SlaFact.Goal(
                  Metric.RESOLUTION, "HIGH", Duration.ofHours(8), DEADLINE.plusSeconds(3600)),
              80,
              DEADLINE.minusMillis(123),
              null),
          new SlaFact.Met(
              new SlaFact.Goal(Metric.RESTORE, "P1", Duration.ofHours(4), DEADLINE),
              DEADLINE.minusNanos(1),
              null),
          new SlaFact.Deadline(
              new SlaFact.Goal(
                  Metric.RESOLUTION, "HIGH", Duration.ofHours(8), DEADLINE.plusSeconds(7200)),
              DEADLINE,
              null));

  @Nested
  class GivenFactsOfEveryKind {

    @Test
    void whenWrittenThenTheTextIsTheMappersFormOfStoredFacts() {
      assertThat(ProjectionJson.writeFacts(EVERY_KIND))
          .isEqualTo(text(EVERY_KIND.stream().map(StoredFact::of).toList()));
    }

    @Test
    void whenWrittenAndReadThenTheSameFactsComeBack() {
      assertThat(ProjectionJson.readFacts(ProjectionJson.writeFacts(EVERY_KIND)))
          .isEqualTo(EVERY_KIND);
    }

    @Test
    void whenTheyBelongToReplyCyclesThenEachKeepsItsCycleStart() {
      Instant cycle = DEADLINE.minusSeconds(7200);
      List<SlaFact> cycleFacts =
          List.of(
              new SlaFact.Breach(
                  new SlaFact.Goal(Metric.NEXT_REPLY, "HIGH", Duration.ofHours(2), DEADLINE),
                  DEADLINE,
                  cycle),
              new SlaFact.Warning(
                  new SlaFact.Goal(Metric.PERIODIC_UPDATE, "HIGH", Duration.ofHours(4), DEADLINE),
                  50,
                  cycle,
                  cycle),
              new SlaFact.Deadline(
                  new SlaFact.Goal(Metric.NEXT_REPLY, "HIGH", Duration.ofHours(2), DEADLINE),
                  cycle,
                  cycle));
      String written = ProjectionJson.writeFacts(cycleFacts);
      assertThat(written).isEqualTo(text(cycleFacts.stream().map(StoredFact::of).toList()));
      assertThat(ProjectionJson.readFacts(written)).isEqualTo(cycleFacts);
    }

    @Test
    void whenARowPredatesReplyCyclesThenItsFactsReadWithoutACycle() {
      String old =
          "[{\"kind\":\"BREACH\",\"metric\":\"RESPONSE\",\"priority\":\"HIGH\",\"target\":\"PT15M\","
              + "\"deadline\":\"2026-03-29T01:30:00Z\",\"percent\":null,\"effectiveAt\":\"2026-03-29T01:30:00Z\"}]";
      assertThat(ProjectionJson.readFacts(old)).containsExactly(EVERY_KIND.get(0));
    }

    @Test
    void whenNoneThenAnEmptyArray() {
      assertThat(ProjectionJson.writeFacts(List.of())).isEqualTo("[]");
      assertThat(ProjectionJson.readFacts("[]")).isEmpty();
    }
  }

  @Nested
  class GivenTheTextPostgreSqlGivesBack {

    @Test
    void whenKeysAreReorderedAndSpacedThenTheFactsAreRead() {
      // jsonb orders keys by length and prints a space after each colon and comma
      String jsonb =
          "[{\"kind\": \"WARNING\", \"metric\": \"RESOLUTION\", \"target\": \"PT8H\", \"percent\": 80,"
              + " \"deadline\": \"2026-03-29T02:30:00Z\", \"priority\": \"HIGH\","
              + " \"effectiveAt\": \"2026-03-29T07:15:00.5+05:45\"}]";
      assertThat(ProjectionJson.readFacts(jsonb))
          .containsExactly(
              new SlaFact.Warning(
                  new SlaFact.Goal(
                      Metric.RESOLUTION,
                      "HIGH",
                      Duration.ofHours(8),
                      Instant.parse("2026-03-29T02:30:00Z")),
                  80,
                  Instant.parse("2026-03-29T01:30:00.5Z"),
                  null));
    }

    @Test
    void whenAFactHasAFieldTheStoredFormDoesNotHaveThenItIsRefused() {
      assertThatThrownBy(
              () -> ProjectionJson.readFacts("[{\"kind\": \"BREACH\", \"colour\": \"red\"}]"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("colour");
    }

    @Test
    void whenAFactHasAnUnknownKindThenItIsRefused() {
      assertThatThrownBy(
              () ->
                  ProjectionJson.readFacts(
                      "[{\"kind\": \"ESCALATION\", \"metric\": \"RESPONSE\"}]"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("ESCALATION");
    }

    @Test
    void whenTheTextIsNotAnArrayOfFactsThenItIsRefused() {
      assertThatThrownBy(() -> ProjectionJson.readFacts("{\"kind\": \"BREACH\"}"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("unreadable published facts");
      assertThatThrownBy(() -> ProjectionJson.readFacts("[{\"kind\": \"BREACH\"}, 3]"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("unreadable published facts");
    }
  }

  @Nested
  class GivenClockReadings {

    @Test
    void whenWrittenThenTheTextIsTheMappersFormOfTheReadings() {
      List<ClockReading> clocks =
          List.of(
              new ClockReading(
                  Metric.RESPONSE,
                  ClockStatus.RUNNING,
                  "agreed:acme",
                  3,
                  true,
                  Duration.ofMinutes(15),
                  DEADLINE,
                  Duration.ofSeconds(61),
                  Duration.ofSeconds(839),
                  null,
                  DEADLINE.minusSeconds(180),
                  null),
              new ClockReading(
                  Metric.RESOLUTION,
                  ClockStatus.PAUSED,
                  "cn-business",
                  1,
                  false,
                  Duration.ofHours(8),
                  null,
                  Duration.ZERO,
                  Duration.ofHours(8),
                  null,
                  null,
                  null),
              new ClockReading(
                  Metric.RESTORE,
                  ClockStatus.MET,
                  "24x7",
                  2,
                  false,
                  Duration.ofHours(4),
                  DEADLINE,
                  Duration.ofMinutes(90),
                  Duration.ofMinutes(150),
                  DEADLINE.minusMillis(2500),
                  null,
                  null),
              new ClockReading(
                  Metric.NEXT_REPLY,
                  ClockStatus.RUNNING,
                  "24x7",
                  1,
                  true,
                  Duration.ofHours(2),
                  DEADLINE,
                  Duration.ofMinutes(30),
                  Duration.ofMinutes(90),
                  null,
                  null,
                  DEADLINE.minusSeconds(7200)));
      assertThat(ProjectionJson.writeClocks(clocks)).isEqualTo(text(clocks));
    }
  }
}
