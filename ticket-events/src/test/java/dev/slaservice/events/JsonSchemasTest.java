package dev.slaservice.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schema of every contract type ships in the jar (dev/slaservice/events/schemas), equals
 * what the types define, accepts what the service writes and refuses what it would refuse. To
 * update the files after a deliberate contract change: {@code -Dschemas.write=true}.
 */
class JsonSchemasTest {

  private static final Instant AT = Instant.parse("2026-11-02T01:00:00Z");
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

  private static JsonSchema schema(String type) throws IOException {
    try (InputStream in =
        JsonSchemasTest.class.getResourceAsStream(
            "/dev/slaservice/events/schemas/" + type + ".schema.json")) {
      assertThat(in).as("schema of " + type + " in the jar").isNotNull();
      SchemaValidatorsConfig config =
          SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
      return FACTORY.getSchema(in, config);
    }
  }

  /**
   * One clock of ticket T-1 of acme, due and detected at {@link #AT}: the fields every published
   * SLA event carries, so each sample names only what its type adds.
   */
  private record Clock(String planId, String priority, Metric metric, Duration target) {

    SlaEvent.SlaBreached breached(String id) {
      return new SlaEvent.SlaBreached(id, "T-1", "acme", planId, priority, metric, target, AT, AT);
    }

    SlaEvent.SlaBreachRetracted retracted(String id, String breachId) {
      return new SlaEvent.SlaBreachRetracted(
          id, "T-1", "acme", planId, priority, metric, target, AT, AT, breachId);
    }

    SlaEvent.SlaWarningReached warned(String id, int percent, Instant reachedAt) {
      return new SlaEvent.SlaWarningReached(
          id, "T-1", "acme", planId, priority, metric, target, AT, AT, percent, reachedAt);
    }

    SlaEvent.SlaMet met(String id, Instant metAt) {
      return new SlaEvent.SlaMet(
          id, "T-1", "acme", planId, priority, metric, target, AT, AT, metAt);
    }

    SlaEvent.SlaGoalChanged goalChanged(
        String id, Duration previousTarget, Instant previousDeadline) {
      return new SlaEvent.SlaGoalChanged(
          id,
          "T-1",
          "acme",
          planId,
          priority,
          metric,
          target,
          AT,
          AT,
          previousTarget,
          previousDeadline);
    }
  }

  /** The correction of an issued month to {@code amount}, for {@code tickets}. */
  private static CompensationEvent.CompensationCorrected corrected(
      CompensationEvent.CompensationIssued issued,
      String id,
      BigDecimal amount,
      List<String> tickets) {
    return new CompensationEvent.CompensationCorrected(
        id,
        issued.customerId(),
        issued.month(),
        issued.creditMonth(),
        issued.amount(),
        amount,
        issued.currency(),
        tickets,
        issued.capped(),
        issued.detectedAt());
  }

  private static Set<ValidationMessage> validate(String type, String json) throws IOException {
    return schema(type).validate(EventJson.mapper().readTree(json));
  }

  @Test
  void theShippedFilesEqualWhatTheTypesDefine() throws IOException {
    Map<String, ObjectNode> expected = ContractSchemas.all();
    if (Boolean.getBoolean("schemas.write")) {
      for (var entry : expected.entrySet()) {
        Files.writeString(
            Path.of(ContractSchemas.DIRECTORY, entry.getKey() + ".schema.json"),
            ContractSchemas.text(entry.getValue()));
      }
    }
    try (var files = Files.list(Path.of(ContractSchemas.DIRECTORY))) {
      assertThat(files.map(f -> f.getFileName().toString().replace(".schema.json", "")))
          .containsExactlyInAnyOrderElementsOf(expected.keySet());
    }
    for (var entry : expected.entrySet()) {
      assertThat(
              Files.readString(Path.of(ContractSchemas.DIRECTORY, entry.getKey() + ".schema.json")))
          .as(entry.getKey())
          .isEqualTo(ContractSchemas.text(entry.getValue()));
    }
  }

  @Nested
  class GivenPublishedEvents {

    private final Clock premiumResponse =
        new Clock("websoft9-premium", "HIGH", Metric.RESPONSE, Duration.ofMinutes(10));
    private final CompensationEvent.CompensationIssued november =
        new CompensationEvent.CompensationIssued(
            "c2",
            "acme",
            YearMonth.of(2026, 11),
            YearMonth.of(2026, 12),
            new BigDecimal("50.00"),
            "USD",
            List.of("T-1"),
            false,
            AT);
    private final List<Object> samples =
        List.of(
            premiumResponse.breached("b1"),
            premiumResponse.retracted("r1", "b1"),
            premiumResponse.warned("w1", 75, AT.minusSeconds(150)),
            new Clock("emq-5x8", "P1", Metric.RESTORE, Duration.ofHours(8)).met("m1", AT),
            new Clock("reply-plan", "HIGH", Metric.NEXT_REPLY, Duration.ofHours(2)).breached("b2"),
            new Clock("emq-5x8", "P2", Metric.RESPONSE, Duration.ofHours(4))
                .goalChanged("g1", Duration.ofHours(2), AT.minusSeconds(7200)),
            new CompensationEvent.CompensationAccrued(
                "c1",
                "acme",
                YearMonth.of(2026, 11),
                "T-1",
                new BigDecimal("50.00"),
                "USD",
                true,
                "5 % of the fee",
                "按月费的 5% 补偿",
                AT),
            november,
            corrected(november, "c3", BigDecimal.ZERO, List.of()));

    private static String json(Object event) {
      return event instanceof SlaEvent sla
          ? SlaEventCodec.write(sla)
          : CompensationEventCodec.write((CompensationEvent) event);
    }

    @Test
    void whenWrittenByTheServiceThenEachValidatesAgainstItsSchema() throws IOException {
      for (Object event : samples) {
        assertThat(validate(event.getClass().getSimpleName(), json(event)))
            .as(json(event))
            .isEmpty();
      }
    }

    @Test
    void whenAFieldIsMissingOrUnknownOrMistypedThenTheSchemaRefusesIt() throws IOException {
      String breach = json(samples.get(0));
      assertThat(validate("SlaBreached", breach.replace("\"deadline\":", "\"dueAt\":")))
          .isNotEmpty();
      assertThat(validate("SlaBreached", breach.replace("\"RESPONSE\"", "\"LUNCH\""))).isNotEmpty();
      assertThat(validate("SlaBreached", breach.replace("2026-11-02T01:00:00Z", "yesterday")))
          .isNotEmpty();
      assertThat(
              validate(
                  "SlaBreached", breach.replace("\"type\":\"SlaBreached\"", "\"type\":\"SlaMet\"")))
          .isNotEmpty();
    }
  }

  @Nested
  class GivenInboundEvents {

    @Test
    void whenWrittenByTheContractCodecThenEachValidatesAgainstItsSchema() throws IOException {
      OffsetDateTime at = AT.atOffset(ZoneOffset.ofHours(8));
      List<InboundEvent> samples =
          List.of(
              new TicketEvent.TicketOpened(
                  "e1", "T-1", at, "desk", "acme", "websoft9-premium", "HIGH"),
              new TicketEvent.PriorityChanged("e2", "T-1", at, "desk", "NORMAL"),
              new TicketEvent.WorkStarted("e3", "T-1", at, "desk"),
              new TicketEvent.TicketExcluded(
                  "e4", "T-1", at, "desk", ExclusionReason.FORCE_MAJEURE),
              new TicketEvent.AgentReplied("e6", "T-1", at, "desk", ReplyVisibility.INTERNAL),
              new TicketEvent.CustomerReplied("e7", "T-1", at, "desk"),
              new CustomerEvent.CompensationClaimed(
                  "e5", "acme", at, "portal", YearMonth.of(2026, 11)));
      for (InboundEvent event : samples) {
        String json = InboundEventCodec.write(event);
        assertThat(validate(event.eventType().wireName(), json)).as(json).isEmpty();
      }
    }

    @Test
    void whenTheServiceWouldRefuseAnEventThenSoDoesTheSchema() throws IOException {
      String opened =
          """
          {"type":"TicketOpened","ticketId":"T-1","occurredAt":"2026-11-02T09:30:00+08:00","source":"desk",
           "customerId":"acme","planId":"websoft9-premium","priority":"HIGH"}""";
      assertThat(validate("TicketOpened", opened)).isEmpty();
      assertThat(validate("TicketOpened", opened.replace(",\"priority\":\"HIGH\"", "")))
          .isNotEmpty();
      assertThat(validate("TicketOpened", opened.replace("\"HIGH\"", "\"HIGH PLEASE\"")))
          .isNotEmpty();
      assertThat(validate("TicketOpened", opened.replace("}", ",\"colour\":\"red\"}")))
          .isNotEmpty();
      assertThat(validate("TicketOpened", opened.replace("T-1", "T 1"))).isNotEmpty();
      JsonNode claimed =
          EventJson.mapper()
              .readTree(
                  """
          {"type":"CompensationClaimed","customerId":"acme","occurredAt":"2026-12-01T09:00:00Z","source":"portal",
           "month":"2026-13"}""");
      assertThat(schema("CompensationClaimed").validate(claimed)).isNotEmpty();
      String replied =
          """
          {"type":"AgentReplied","ticketId":"T-1","occurredAt":"2026-11-02T09:30:00Z","source":"desk",
           "visibility":"PUBLIC"}""";
      assertThat(validate("AgentReplied", replied)).isEmpty();
      assertThat(validate("AgentReplied", replied.replace("PUBLIC", "SECRET"))).isNotEmpty();
      assertThat(validate("AgentReplied", replied.replace(",\n \"visibility\":\"PUBLIC\"", "")))
          .isNotEmpty();
    }
  }
}
