package dev.slaservice.sla.messaging;

/** Reactive Messaging channel names; their topics are set in application.properties. */
public final class Channels {

  public static final String TICKET_EVENTS_IN = "ticket-events-in";
  public static final String DEAD_LETTERS_OUT = "dead-letters-out";

  private Channels() {}
}
