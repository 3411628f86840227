package dev.slaservice.events;

/** Reads and writes the JSON form of published compensation events. */
public final class CompensationEventCodec {

  private CompensationEventCodec() {}

  public static String write(CompensationEvent event) {
    return EventJson.write(event, CompensationEvent.class);
  }

  public static CompensationEvent read(String json) {
    return EventJson.read(json, CompensationEvent.class);
  }
}
