package dev.slaservice.events;

/** Reads and writes the JSON form of published SLA events. */
public final class SlaEventCodec {

  private SlaEventCodec() {}

  public static String write(SlaEvent event) {
    return EventJson.write(event, SlaEvent.class);
  }

  public static SlaEvent read(String json) {
    return EventJson.read(json, SlaEvent.class);
  }
}
