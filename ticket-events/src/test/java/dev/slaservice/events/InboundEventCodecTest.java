package dev.slaservice.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InboundEventCodecTest {

  private static JsonNode json(String text) throws Exception {
    return EventJson.mapper().readTree(text);
  }

  /** Reads an event as it comes from outside, with the id to assign if it names none. */
  private static InboundEvent read(String text, String assignedId) throws Exception {
    return InboundEventCodec.read(json(text), () -> assignedId);
  }

  /**
   * A ticket event without an id, occurred at 2026-11-02T09:30:00Z at the desk, as JSON: {@code
   * more} is the rest of its fields, each after a comma.
   */
  private static String ticketEvent(String type, String ticketId, String more) {
    return """
        {"type":"%s","ticketId":"%s","occurredAt":"2026-11-02T09:30:00Z","source":"desk"%s}"""
        .formatted(type, ticketId, more);
  }

  /** The event as it comes back from the topic after the service wrote it there. */
  private static InboundEvent throughTheTopic(InboundEvent event) {
    return InboundEventCodec.read(InboundEventCodec.write(event).getBytes(StandardCharsets.UTF_8));
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String text) {
    return assertThatThrownBy(() -> read(text, "x")).isInstanceOf(MalformedEventException.class);
  }

  private static void assertRefusedNaming(String text, String... fields) {
    assertThatThrownBy(() -> read(text, "x"))
        .isInstanceOfSatisfying(
            MalformedEventException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactlyInAnyOrder(fields));
  }

  @Nested
  class GivenAValidTicketOpened {
    private final String text =
        """
        {"type":"TicketOpened","eventId":"e1","ticketId":"T-1","occurredAt":"2026-11-02T09:30:00+08:00",
         "source":"desk","customerId":"acme","planId":"websoft9-premium","priority":"HIGH"}""";

    @Test
    void whenReadThenEveryFieldIsKeptIncludingTheOffset() throws Exception {
      InboundEvent event = read(text, "unused");
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
      InboundEvent event = read(text, "unused");
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
          read(ticketEvent("AgentReplied", "T-1", ",\"visibility\":\"PUBLIC\""), "r1");
      assertThat(event)
          .isEqualTo(
              new TicketEvent.AgentReplied(
                  "r1",
                  "T-1",
                  OffsetDateTime.parse("2026-11-02T09:30:00Z"),
                  "desk",
                  ReplyVisibility.PUBLIC));
      assertThat(throughTheTopic(event)).isEqualTo(event);
    }

    @Test
    void whenTheVisibilityIsMissingOrUnknownThenItIsNamedWithItsValues() {
      assertRefused(ticketEvent("AgentReplied", "T-1", ""))
          .hasMessageContaining("visibility")
          .hasMessageContaining("PUBLIC, INTERNAL");
      assertRefused(ticketEvent("AgentReplied", "T-1", ",\"visibility\":\"public\""))
          .hasMessageContaining("visibility");
    }

    @Test
    void whenACustomerReplyIsReadThenItIsATicketEventOnTheTicketsPartition() throws Exception {
      InboundEvent event = read(ticketEvent("CustomerReplied", "T-9", ""), "c1");
      assertThat(event).isInstanceOf(TicketEvent.CustomerReplied.class);
      assertThat(event.partitionKey()).isEqualTo("T-9");
    }
  }

  @Nested
  class GivenInvalidInput {
    @Test
    void whenTheEventIdIsMissingThenOneIsAssigned() throws Exception {
      InboundEvent event = read(ticketEvent("WorkStarted", "T-1", ""), "assigned");
      assertThat(event.eventId()).isEqualTo("assigned");
    }

    @Test
    void whenAFeeIsSentAsANumberThenItKeepsItsScaleThroughTheTopic() throws Exception {
      InboundEvent event =
          read(
              """
          {"type":"SubscriptionChanged","customerId":"c","occurredAt":"2026-11-02T09:30:00Z","source":"s",
           "planId":"p","monthlyFee":1000.10,"currency":"USD","timeZone":"UTC","effectiveFrom":"2026-11-01"}""",
              "x");
      InboundEvent again = throughTheTopic(event);
      assertThat(((CustomerEvent.SubscriptionChanged) again).monthlyFee().toPlainString())
          .isEqualTo("1000.10");
    }

    @Test
    void whenFieldsAreWrongThenEachIsNamedWithWhatItMustLookLike() {
      assertRefusedNaming(
          """
          {"type":"TicketOpened","ticketId":"","occurredAt":"2026-11-02T09:30:00","source":"desk",
           "priority":"HIGH","colour":"red"}""",
          "colour",
          "ticketId",
          "occurredAt",
          "customerId");
    }

    @Test
    void whenTheTypeIsUnknownThenTheKnownTypesAreListed() {
      assertRefused("{\"type\":\"Nope\"}")
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
      assertRefusedNaming(
          """
          {"type":"SubscriptionChanged","customerId":"c","occurredAt":"2026-11-02T09:30:00Z","source":"s",
           "planId":"p","monthlyFee":-1,"currency":"XXQ","timeZone":"Mars/Olympus","effectiveFrom":"2026-11-01"}""",
          "monthlyFee",
          "currency",
          "timeZone");
    }
  }
}
