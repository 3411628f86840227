package dev.slaservice.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InboundEventCodecTest {

  private static JsonNode json(String text) throws Exception {
    return EventJson.mapper().readTree(text);
  }

  @Nested
  class GivenAValidTicketOpened {
    private final String text =
        """
        {"type":"TicketOpened","eventId":"e1","ticketId":"T-1","occurredAt":"2026-11-02T09:30:00+08:00",
         "source":"desk","customerId":"acme","planId":"websoft9-premium","priority":"HIGH"}""";

    @Test
    void whenReadThenEveryFieldIsKeptIncludingTheOffset() throws Exception {
      InboundEvent event = InboundEventCodec.read(json(text), () -> "unused");
      assertThat(event)
          .isEqualTo(
              new TicketEvent.TicketOpened(
                  "e1",
                  "T-1",
                  OffsetDateTime.parse("2026-11-02T09:30:00+08:00"),
                  "desk",
                  "acme",
                  "websoft9-premium",
                  "HIGH"));
    }

    @Test
    void whenWrittenAndReadBackThenItIsTheSameEventWithItsType() throws Exception {
      InboundEvent event = InboundEventCodec.read(json(text), () -> "unused");
      String written = InboundEventCodec.write(event);
      assertThat(json(written).get("type").asText()).isEqualTo("TicketOpened");
      assertThat(InboundEventCodec.read(written.getBytes(StandardCharsets.UTF_8))).isEqualTo(event);
    }
  }

  @Nested
  class GivenReplies {
    @Test
    void whenAnAgentReplyIsReadThenItKeepsItsVisibilityThroughTheTopic() throws Exception {
      InboundEvent event =
          InboundEventCodec.read(
              json(
                  """
          {"type":"AgentReplied","ticketId":"T-1","occurredAt":"2026-11-02T09:30:00Z","source":"desk",
           "visibility":"PUBLIC"}"""),
              () -> "r1");
      assertThat(event)
          .isEqualTo(
              new TicketEvent.AgentReplied(
                  "r1",
                  "T-1",
                  OffsetDateTime.parse("2026-11-02T09:30:00Z"),
                  "desk",
                  ReplyVisibility.PUBLIC));
      assertThat(
              InboundEventCodec.read(
                  InboundEventCodec.write(event).getBytes(StandardCharsets.UTF_8)))
          .isEqualTo(event);
    }

    @Test
    void whenTheVisibilityIsMissingOrUnknownThenItIsNamedWithItsValues() {
      assertThatThrownBy(
              () ->
                  InboundEventCodec.read(
                      json(
                          """
          {"type":"AgentReplied","ticketId":"T-1","occurredAt":"2026-11-02T09:30:00Z","source":"desk"}"""),
                      () -> "x"))
          .isInstanceOf(MalformedEventException.class)
          .hasMessageContaining("visibility")
          .hasMessageContaining("PUBLIC, INTERNAL");
      assertThatThrownBy(
              () ->
                  InboundEventCodec.read(
                      json(
                          """
          {"type":"AgentReplied","ticketId":"T-1","occurredAt":"2026-11-02T09:30:00Z","source":"desk",
           "visibility":"public"}"""),
                      () -> "x"))
          .isInstanceOf(MalformedEventException.class)
          .hasMessageContaining("visibility");
    }

    @Test
    void whenACustomerReplyIsReadThenItIsATicketEventOnTheTicketsPartition() throws Exception {
      InboundEvent event =
          InboundEventCodec.read(
              json(
                  """
          {"type":"CustomerReplied","ticketId":"T-9","occurredAt":"2026-11-02T09:30:00Z","source":"desk"}"""),
              () -> "c1");
      assertThat(event).isInstanceOf(TicketEvent.CustomerReplied.class);
      assertThat(event.partitionKey()).isEqualTo("T-9");
    }
  }

  @Nested
  class GivenInvalidInput {
    @Test
    void whenTheEventIdIsMissingThenOneIsAssigned() throws Exception {
      InboundEvent event =
          InboundEventCodec.read(
              json(
                  """
          {"type":"WorkStarted","ticketId":"T-1","occurredAt":"2026-11-02T09:30:00Z","source":"desk"}"""),
              () -> "assigned");
      assertThat(event.eventId()).isEqualTo("assigned");
    }

    @Test
    void whenAFeeIsSentAsANumberThenItKeepsItsScaleThroughTheTopic() throws Exception {
      InboundEvent event =
          InboundEventCodec.read(
              json(
                  """
          {"type":"SubscriptionChanged","customerId":"c","occurredAt":"2026-11-02T09:30:00Z","source":"s",
           "planId":"p","monthlyFee":1000.10,"currency":"USD","timeZone":"UTC","effectiveFrom":"2026-11-01"}"""),
              () -> "x");
      InboundEvent again =
          InboundEventCodec.read(InboundEventCodec.write(event).getBytes(StandardCharsets.UTF_8));
      assertThat(((CustomerEvent.SubscriptionChanged) again).monthlyFee().toPlainString())
          .isEqualTo("1000.10");
    }

    @Test
    void whenFieldsAreWrongThenEachIsNamedWithWhatItMustLookLike() {
      assertThatThrownBy(
              () ->
                  InboundEventCodec.read(
                      json(
                          """
          {"type":"TicketOpened","ticketId":"","occurredAt":"2026-11-02T09:30:00","source":"desk",
           "priority":"HIGH","colour":"red"}"""),
                      () -> "x"))
          .isInstanceOfSatisfying(
              MalformedEventException.class,
              e ->
                  assertThat(e.violations())
                      .extracting(Violation::field)
                      .containsExactlyInAnyOrder("colour", "ticketId", "occurredAt", "customerId"));
    }

    @Test
    void whenTheTypeIsUnknownThenTheKnownTypesAreListed() {
      assertThatThrownBy(() -> InboundEventCodec.read(json("{\"type\":\"Nope\"}"), () -> "x"))
          .isInstanceOf(MalformedEventException.class)
          .hasMessageContaining("TicketOpened")
          .hasMessageContaining("CompensationClaimed");
    }

    @Test
    void whenARecordIsNotJsonThenItIsMalformed() {
      assertThatThrownBy(
              () -> InboundEventCodec.read("\u0000garbage".getBytes(StandardCharsets.UTF_8)))
          .isInstanceOf(MalformedEventException.class)
          .hasMessageContaining("not JSON");
    }

    @Test
    void whenAMoneyAmountIsNegativeOrTheZoneUnknownThenTheyAreRefused() {
      assertThatThrownBy(
              () ->
                  InboundEventCodec.read(
                      json(
                          """
          {"type":"SubscriptionChanged","customerId":"c","occurredAt":"2026-11-02T09:30:00Z","source":"s",
           "planId":"p","monthlyFee":-1,"currency":"XXQ","timeZone":"Mars/Olympus","effectiveFrom":"2026-11-01"}"""),
                      () -> "x"))
          .isInstanceOfSatisfying(
              MalformedEventException.class,
              e ->
                  assertThat(e.violations())
                      .extracting(Violation::field)
                      .containsExactlyInAnyOrder("monthlyFee", "currency", "timeZone"));
    }
  }
}
