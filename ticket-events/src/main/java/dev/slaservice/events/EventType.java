package dev.slaservice.events;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Every type of inbound event with the fields its JSON form carries besides the common ones. */
public enum EventType {
  TICKET_OPENED(
      "TicketOpened",
      TicketEvent.TicketOpened.class,
      Map.of(
          "customerId",
          required(FieldKind.ID),
          "planId",
          optional(FieldKind.ID),
          "priority",
          required(FieldKind.PRIORITY))),
  PRIORITY_CHANGED(
      "PriorityChanged",
      TicketEvent.PriorityChanged.class,
      Map.of("priority", required(FieldKind.PRIORITY))),
  TICKET_DOWNGRADED(
      "TicketDowngraded",
      TicketEvent.TicketDowngraded.class,
      Map.of("priority", required(FieldKind.PRIORITY))),
  WORK_STARTED("WorkStarted", TicketEvent.WorkStarted.class, Map.of()),
  SERVICE_RESTORED("ServiceRestored", TicketEvent.ServiceRestored.class, Map.of()),
  TICKET_RESOLVED("TicketResolved", TicketEvent.TicketResolved.class, Map.of()),
  TICKET_REOPENED("TicketReopened", TicketEvent.TicketReopened.class, Map.of()),
  TICKET_CLOSED("TicketClosed", TicketEvent.TicketClosed.class, Map.of()),
  TICKET_PAUSED("TicketPaused", TicketEvent.TicketPaused.class, Map.of()),
  TICKET_RESUMED("TicketResumed", TicketEvent.TicketResumed.class, Map.of()),
  TICKET_EXCLUDED(
      "TicketExcluded",
      TicketEvent.TicketExcluded.class,
      Map.of("reason", required(FieldKind.EXCLUSION_REASON))),
  AGENT_REPLIED(
      "AgentReplied",
      TicketEvent.AgentReplied.class,
      Map.of("visibility", required(FieldKind.VISIBILITY))),
  CUSTOMER_REPLIED("CustomerReplied", TicketEvent.CustomerReplied.class, Map.of()),
  SUBSCRIPTION_CHANGED(
      "SubscriptionChanged",
      CustomerEvent.SubscriptionChanged.class,
      Map.of(
          "planId",
          required(FieldKind.ID),
          "monthlyFee",
          required(FieldKind.MONEY),
          "currency",
          required(FieldKind.CURRENCY),
          "timeZone",
          required(FieldKind.ZONE),
          "agreedHours",
          optional(FieldKind.WINDOWS),
          "effectiveFrom",
          required(FieldKind.DATE))),
  COMPENSATION_CLAIMED(
      "CompensationClaimed",
      CustomerEvent.CompensationClaimed.class,
      Map.of("month", required(FieldKind.MONTH)));

  /** A field of an event's JSON form: its shape and whether it must be present. */
  public record FieldSpec(FieldKind kind, boolean required) {}

  private final String wireName;
  private final Class<? extends InboundEvent> javaType;
  private final Map<String, FieldSpec> fields;

  EventType(
      String wireName, Class<? extends InboundEvent> javaType, Map<String, FieldSpec> ownFields) {
    this.wireName = wireName;
    this.javaType = javaType;
    Map<String, FieldSpec> all = new LinkedHashMap<>();
    all.put("eventId", optional(FieldKind.ID));
    if (TicketEvent.class.isAssignableFrom(javaType)) {
      all.put("ticketId", required(FieldKind.ID));
    } else {
      all.put("customerId", required(FieldKind.ID));
    }
    all.put("occurredAt", required(FieldKind.INSTANT));
    all.put("source", required(FieldKind.TEXT));
    ownFields.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> all.put(e.getKey(), e.getValue()));
    this.fields = Collections.unmodifiableMap(all);
  }

  private static FieldSpec required(FieldKind kind) {
    return new FieldSpec(kind, true);
  }

  private static FieldSpec optional(FieldKind kind) {
    return new FieldSpec(kind, false);
  }

  /** The value of the JSON {@code type} property. */
  public String wireName() {
    return wireName;
  }

  public Class<? extends InboundEvent> javaType() {
    return javaType;
  }

  /** Every field of the JSON form (the common ones first), {@code type} excluded. */
  public Map<String, FieldSpec> fields() {
    return fields;
  }

  public static Optional<EventType> fromWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }

  public static EventType of(Class<?> javaType) {
    return Arrays.stream(values())
        .filter(t -> t.javaType.equals(javaType))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not an inbound event type: " + javaType));
  }
}
